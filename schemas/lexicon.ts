import { z } from 'zod';

/**
 * What the pipeline knows about Vietnamese plans, as data
 * (src/lexicon/data/*.json and the agency registry): column headers, agency
 * words, timeline forms, units, document types. One schema per file; the
 * loaders in src/lexicon parse every file with these.
 */

/** What a table column holds. `null` in a table's columns: no role applies. */
export const ColumnRole = z.enum([
  'code', 'name', 'task', 'unit', 'target', 'year', 'directing', 'lead', 'monitor', 'cooperating', 'timeline', 'output', 'notes', 'value', 'comment', 'extra',
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

/**
 * columns.json: for each role the headers plans print, checked longest first
 * ("Đơn vị chủ trì" is the lead before "Đơn vị" is the unit), accent- and
 * case-insensitive, tolerant to OCR slips; `patterns` are regular
 * expressions over the folded header ("nam 2030").
 */
export const ColumnVocabularyFile = z.object({
  roles: z.array(
    z.object({
      role: ColumnRole,
      headers: z.array(z.string().min(1)).default([]),
      /** Regular expressions over the folded header, with how sure a match is ("nam 2030" 1; a garbled "NHI 2035" 0.6). */
      patterns: z.array(z.object({ re: z.string(), confidence: z.number().min(0).max(1) })).default([]),
      /** Short headers ("TT", "ĐVT") must match whole, never fuzzily. */
      exact: z.array(z.string()).default([]),
    }),
  ),
  /** Folded words a header cell may hold besides a phrase without naming another column ("theo dõi, đánh giá"). */
  filler: z.array(z.string()).default([]),
  /** Regular expressions over a folded line: pieces of a header printed on lines of their own that name no column. */
  fragments: z.array(z.string()).default([]),
});
export type ColumnVocabularyFile = z.infer<typeof ColumnVocabularyFile>;

/** agencies.json: the words agency names and lists are made of. */
export const AgencyWordsFile = z.object({
  /** Words that open a body's name ("Sở", "Văn phòng", "Ủy ban"): printed forms. */
  heads: z.array(z.string()),
  /** Heads that stand alone as one word only before a capitalised word ("Sở Y tế", not "cơ sở giáo dục"). */
  capitalisedAfter: z.array(z.string()),
  /** Words opening a group ("các sở, ban, ngành"). */
  groupOpeners: z.array(z.string()),
  /** What a group is made of after its opener ("sở", "đơn vị", "cơ quan"). */
  groupNouns: z.array(z.string()).default([]),
  /** Words of agency names and group lists (printed), beyond those the registry's names hold. */
  words: z.array(z.string()),
  /** Heads of unit headings whose bullets are that unit's tasks ("2. Văn phòng Sở"). */
  unitHeadings: z.array(z.string()),
  /** How a cell naming a person or a body opens on a line of a text dump ("Đồng chí …", "Sở …", "Các …"). */
  cellOpeners: z.array(z.string()).default([]),
  /** Organ types that name no place on their own ("ỦY BAN NHÂN DÂN" / "XÃ CHÍ MINH" on the next line). */
  bareOrgans: z.array(z.string()).default([]),
  /** Provinces and cities agency names end with ("Công an thành phố Hải Phòng"). */
  places: z.array(z.string()).default([]),
  /** Words naming a level of government ("tỉnh", "thành phố", "xã"): a near match never changes one. */
  levels: z.array(z.string()).default([]),
  /** Phrases holding a level word that name no level ("xã hội"). */
  notLevels: z.array(z.string()).default([]),
  /** Heads as an OCR misreads them past repair: a regular expression over the printed word ("S¢&" for "Sở"). */
  misreadHeads: z.array(z.object({ head: z.string(), pattern: z.string(), where: z.array(z.enum(['names', 'lists'])) })).default([]),
  /** Folded first words that open agency parts on a line of an OCR text export (src/layout/tables/text-rows). */
  textRows: z.object({
    listOpeners: z.array(z.string()),
    nameOpeners: z.array(z.string()),
    lineOpeners: z.array(z.string()),
    listGoesOn: z.array(z.string()),
    cooperatingStarts: z.array(z.string()),
    nameGoesOnAfter: z.array(z.string()),
    endsBeforeLocality: z.array(z.string()),
  }),
  /** How an agency's kind is told from its printed start: first matching rule wins. */
  kinds: z.array(z.object({ kind: z.string(), starts: z.array(z.string()).default([]), contains: z.array(z.string()).default([]) })),
});
export type AgencyWordsFile = z.infer<typeof AgencyWordsFile>;

/** timelines.json: the words timeline cells are made of, and the closed set of forms read at a text row's end. */
export const TimelineWordsFile = z.object({
  /** Recurring: "Hằng năm" (also "Hàng năm"), "Định kỳ hằng năm". */
  annual: z.array(z.string()),
  ongoing: z.array(z.string()),
  onRequest: z.array(z.string()),
  quarterly: z.array(z.string()),
  monthly: z.array(z.string()),
  /** Words before a year that make it part of a sentence, not a timeline cell ("đến năm 2045"). */
  yearInSentence: z.array(z.string()),
  /** How a period row of a target table opens ("Đến năm 2030", "Giai đoạn 2026 - 2030"). */
  periodOpeners: z.array(z.string()),
  /** Words a timeline cell opens with ("Hoàn thành trong …", "Quý III/2026", "Trước ngày …"). */
  openers: z.array(z.string()),
  /** Levels a name's locality is ("… Ủy ban nhân dân" + "thành phố"). */
  localities: z.array(z.string()),
});
export type TimelineWordsFile = z.infer<typeof TimelineWordsFile>;

/** units.json: indicator units as plans print them. */
export const UnitsFile = z.object({ units: z.array(z.string().min(1)) });
export type UnitsFile = z.infer<typeof UnitsFile>;

/** indicators.json: the words indicator names open with, and the glyphs an OCR prints for letters. */
export const IndicatorWordsFile = z.object({
  nameOpeners: z.array(z.string().regex(/^\S+(?:\s\S+)+$/u, 'an opener of two words or more')),
  lookalikes: z.record(z.string().length(1), z.string().min(1)),
});
export type IndicatorWordsFile = z.infer<typeof IndicatorWordsFile>;

/** documents.json: document types (title words) and header keywords. */
export const DocumentWordsFile = z.object({
  types: z.array(
    z.object({
      type: z.string(),
      abbreviation: z.string(),
      /** The type heads a document with a number label instead of a name line: "Phụ lục I", "PHỤ LỤC SỐ 02". */
      numbered: z.boolean().optional(),
      /** Cited by its name before the number: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15". */
      citedByName: z.boolean().optional(),
    }),
  ),
  /** How the signature part starts ("Nơi nhận", "T/M", "KT."): the body ends there. */
  signatureOpeners: z.array(z.string()),
  /** How the national motto and the party header start ("Cộng hòa xã hội", "Độc lập", "Đảng Cộng sản"). */
  motto: z.array(z.string()),
  /** Table kinds: header words that say what a table is for beyond its roles (scores, comments, schedules). */
  tableKinds: z.array(z.object({ kind: z.enum(['scores', 'comments', 'schedule', 'criteria']), headers: z.array(z.string()) })),
  /** How a signature's authority line starts: "KT." (on behalf of), "TL.", "TUQ.", "T/M", "Q.". */
  authorities: z.array(z.string()),
  /** Positions a head signs under in their own name, with no authority line: "GIÁM ĐỐC", "CHỦ TỊCH". */
  signerTitles: z.array(z.string()),
  /** Vietnamese family names: how a signer's printed name starts. */
  surnames: z.array(z.string()),
  /** Military and police ranks printed before an officer's name ("Đại tá"): part of the printed name. */
  ranks: z.array(z.string()).default([]),
  /** Authority openers of a deputy signing on behalf of the head: "KT." (ký thay). */
  onBehalfOpeners: z.array(z.string()).default([]),
  /** The head's title after such an opener → the deputy's title printed under it: "GIÁM ĐỐC" → "PHÓ GIÁM ĐỐC", "BỘ TRƯỞNG" → "THỨ TRƯỞNG". */
  deputyTitles: z.record(z.string(), z.string()).default({}),
  /** How the subject line starts: "V/v", "Về việc". */
  subjectOpeners: z.array(z.string()),
  /** The heading of the recipients list ("Nơi nhận"). */
  recipientsOpener: z.string(),
  /** How the recipients list's last entry starts ("- Lưu: VT, …"): it ends the list, also one whose heading an OCR lost. */
  archiveEntry: z.string().default('Lưu'),
  /** How a stamp's or banner's lines start ("SAO Y", "Ký bởi", "ĐẾN"): not the document's own text. */
  banners: z.array(z.string()),
});
export type DocumentWordsFile = z.infer<typeof DocumentWordsFile>;

/** How prose gives a task to someone (src/lexicon/data/assignments.json). */
export const AssignmentWordsFile = z.object({
  openers: z.array(z.string()),
  notAfter: z.array(z.string()),
  leadMarkers: z.array(z.string()),
  dutyMarkers: z.array(z.string()),
  taskVerbs: z.array(z.string()),
  personTitles: z.array(z.string()),
  deadlineOpeners: z.array(z.string()),
  dateWords: z.array(z.string()),
  proposalTypes: z.array(z.string()),
  topicOpeners: z.array(z.string()),
  clauseWords: z.array(z.string()),
  planTypes: z.array(z.string()),
  courtesyWords: z.array(z.string()),
  dayDateOpeners: z.array(z.string()).default([]),
  periodOpeners: z.array(z.string()).default([]),
  referenceDeadlines: z.array(z.string()).default([]),
  cooperationAdverbs: z.array(z.string()).default([]),
  qualifierWords: z.array(z.string()).default([]),
  nominalizers: z.array(z.string()).default([]),
  addressForms: z.array(z.string()).default([]),
  issuingVerbs: z.array(z.string()).default([]),
  memberHonorifics: z.array(z.string()).default([]),
  relativeStarts: z.array(z.string()).default([]),
  eventDeadlineOpeners: z.array(z.string()).default([]),
  accountableTo: z.array(z.string()).default([]),
  addresseeForms: z.array(z.string()).default([]),
  addresseesOpener: z.string().default('Kính gửi'),
  replyDeadlineWords: z.array(z.string()).default([]),
  ownerMarkers: z.array(z.string()).default([]),
  executionClauses: z.array(z.string()).default([]),
  reportTypes: z.array(z.string()).default([]),
  reportForwardSections: z.array(z.string()).default([]),
  reportPastSections: z.array(z.string()).default([]),
  annexMarkers: z.array(z.string()).default([]),
  headingBodyNouns: z.array(z.string()).default([]),
  conditionOpeners: z.array(z.string()).default([]),
  frequencyStarts: z.array(z.string()).default([]),
});
export type AssignmentWordsFile = z.infer<typeof AssignmentWordsFile>;

const AgencyKind = z.enum(['department', 'district', 'commune', 'party', 'state', 'enterprise', 'group', 'person', 'unit', 'unknown']);

/** One body of the agency registry, with the names plans print for it. */
export const RegistryEntry = z.object({
  name: z.string(),
  kind: AgencyKind,
  aliases: z.array(z.string()).default([]),
  successor: z.object({ name: z.string().nullable(), since: z.string() }).optional(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

/** The agency registry file (models/agency-registry.json; a user's extension in the data folder has the same form). */
export const RegistryFile = z.object({
  note: z.string().optional(),
  abbreviations: z.array(z.tuple([z.string(), z.string()])).default([]),
  agencies: z.array(RegistryEntry).default([]),
  abolished: z.array(z.object({ pattern: z.string(), kind: AgencyKind, since: z.string() })).default([]),
});
export type RegistryFile = z.infer<typeof RegistryFile>;

/** Aliases learned from reviewers (`<data dir>/agency-aliases.json`): what was printed (or read) → the name they chose. */
export const LearnedAliases = z.array(z.object({ alias: z.string(), name: z.string() }));
export type LearnedAliases = z.infer<typeof LearnedAliases>;
