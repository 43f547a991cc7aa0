import type { Page } from '../../schemas/index.js';
import { isVietnameseSyllable } from '../core/index.js';
import { afterRecipientsOpener, authorityAtEnd, deputyTitleUnder, fold, isArchiveEntry, isSurname, opensRecipients, surnameSpelled, rankAtEnd, signerTitleLine, spelledSignerTitle } from '../lexicon/index.js';
import type { MetadataRepair } from './metadata-repair.js';

/**
 * The closing part of an administrative document (Nghị định 30/2020/NĐ-CP):
 * the recipients ("Nơi nhận: - Như trên; - Lưu: VT.") on the left, the
 * signature on the right: the authority ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
 * the signature or seal, then the signer's printed name. A text layer may
 * put both columns on one line ("- Như trên; PHÓ GIÁM ĐỐC"), a Word text
 * puts them in two cells of one row with the cell's paragraphs joined by
 * " / ": both are taken apart into pieces first.
 */

export interface Signer {
  /** The authority lines as printed, joined with a space: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH". */
  title: string;
  /** The printed name, null when none is printed (a draft). */
  name: string | null;
}

/** How many pieces after the authority (recipients aside) the printed name may come: signature, seal, e-signature text between. */
const NAME_WITHIN = 8;
/** A name has 2 to 5 words. */
const NAME_WORDS = [2, 5] as const;

/** A piece with no word of two letters, or where fewer than half of its words are Vietnamese syllables: OCR specks. */
function isSpeck(piece: string): boolean {
  const words = piece.split(/\s+/u).map((w) => w.replace(/[^\p{L}]/gu, '')).filter((w) => w.length >= 2);
  return words.filter((w) => isVietnameseSyllable(w)).length * 2 < Math.max(1, words.length) || words.length === 0;
}

/** Every line of the pages, with table cells and a cell's " / " paragraphs as pieces of their own. */
function pieces(pages: readonly Page[]): string[] {
  return pagedPieces(pages).map((p) => p.text);
}

/** A piece of a line: its text, its page and, when the page gave it one, the line's horizontal extent. */
interface Piece {
  text: string;
  page: number;
  /** The line's left and right edge (points); null for a text input's line. */
  span: { x0: number; x1: number } | null;
}

/** The pieces with the page each is on and the extent of the line each was cut from. */
function pagedPieces(pages: readonly Page[]): Piece[] {
  return pages.flatMap((p) =>
    p.lines
      .flatMap((l) => l.text.split('\t').flatMap((cell) => cell.split(' / ')).map((t) => ({ text: t.trim(), page: p.number, span: l.box ? { x0: l.box.x0, x1: l.box.x1 } : null })))
      .filter((t) => t.text),
  );
}

/**
 * Whether a piece may belong to the signature column under a title: a line
 * that lies wholly beside the title (no horizontal overlap, on the same
 * page) is another column's, such as the name under the next approval box
 * of a routing slip whose boxes' names an OCR read one by one ("Trương Hải
 * Châu" under "Chuyên viên" before "Đỗ Thị Tường Vy" under "LÃNH ĐẠO VĂN
 * PHÒNG"). Without positions (text inputs) every piece may.
 */
function underTitle(title: Piece, p: Piece): boolean {
  if (!title.span || !p.span || title.page !== p.page) return true;
  return p.span.x1 > title.span.x0 && p.span.x0 < title.span.x1;
}

/** Words in capitals at the end of a piece ("PHÓ CHỦ TỊCH"), at least two letters each; null when it does not end in capitals. */
function capitalsAtEnd(piece: string): string | null {
  const m = /((?:\p{Lu}[\p{Lu}.,/-]*\s*)+)$/u.exec(piece);
  const run = m?.[1]?.trim() ?? '';
  return run.replace(/[^\p{L}]/gu, '').length >= 4 ? run : null;
}

/** A person's name at the end of a piece: a family name and up to four more capitalised words ("Nguyễn Đức Vũ"). */
export function nameAtEnd(piece: string): string | null {
  const words = piece.replace(/[.;,]+$/u, '').split(/\s+/u);
  for (let n = NAME_WORDS[1]; n >= NAME_WORDS[0]; n--) {
    const tail = words.slice(-n);
    // names are printed capitalised ("Nguyễn Đức Vũ"); a run in capitals is a title ("CHÁNH VĂN PHÒNG")
    if (tail.length === n && isSurname(tail[0]!) && tail.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) return tail.join(' ');
  }
  return null;
}

/**
 * The signer: the first authority line ("KT. GIÁM ĐỐC"), the capitals under
 * it and the name after them. A head signing in their own name prints only
 * the title ("GIÁM ĐỐC" over "Đỗ Văn Chung"): then the last such title line
 * is taken, when a name follows it or it stands in the closing (at or after
 * "Nơi nhận"), so that a heading in capitals in the body is not read as one.
 * A form with several approval boxes, each a title over a name (a routing
 * slip: the drafting unit's head, then the superiors it is sent to), is
 * signed by its issuing body: the box whose title names `issuer` ("LÃNH
 * ĐẠO VĂN PHÒNG" on a slip of the Văn phòng) is taken before the last one.
 * Null when the document has no signature block.
 */
export function readSigner(pages: readonly Page[], repairs: MetadataRepair[] = [], issuer: string | null = null): Signer | null {
  const paged = pagedPieces(pages);
  const all = paged.map((p) => p.text);
  const at = all.findIndex((p) => authorityAtEnd(p) !== null);
  if (at >= 0) return signerFrom(paged, at, authorityAtEnd(all[at]!)!, repairs);
  const own = issuer ? issuersBox(paged, issuer) : -1;
  const titled = own >= 0 ? own : all.findLastIndex((p) => signerTitleLine(p) !== null);
  if (titled < 0) return null;
  const signer = signerFrom(paged, titled, signerTitleLine(all[titled]!)!, repairs);
  const recipientsAt = all.findIndex((p) => opensRecipients(p));
  // the recipients heading may be read just after the title when the two columns share a line
  const inClosing = recipientsAt >= 0 && titled >= recipientsAt - 1;
  return signer.name || inClosing ? signer : null;
}

/**
 * The last title line that names the issuing body at its end ("LÃNH ĐẠO
 * VĂN PHÒNG" for "Văn phòng") and has a printed name under it; -1 when none.
 */
function issuersBox(all: readonly Piece[], issuer: string): number {
  const body = fold(issuer);
  for (let i = all.length - 1; i >= 0; i--) {
    const title = signerTitleLine(all[i]!.text);
    if (!title || !` ${fold(title)}`.endsWith(` ${body}`)) continue;
    if (signerFrom(all, i, title, []).name) return i;
  }
  return -1;
}

/**
 * The signer's name: a piece that is a name, or one that ends in a name after
 * the recipients column it shares a line with ("- Lưu: VT, TCBC. Nguyễn Đức
 * Vũ"); never the end of a sentence ("… Công an tỉnh Lâm Đồng").
 */
function printedName(piece: string): { name: string; rank: { rank: string; read: string } | null; surname: { read: string; as: string } | null } | null {
  const respelled = respelledSurname(piece);
  const name = nameAtEnd(respelled?.piece ?? piece);
  if (!name) return null;
  const surname = respelled && name.startsWith(respelled.as) ? { read: respelled.read, as: respelled.as } : null;
  piece = respelled?.piece ?? piece;
  const before = piece.slice(0, piece.lastIndexOf(name)).trim();
  // an officer's rank is printed as part of the name line ("Đại tá Huỳnh Ngọc Liêm"), also as an OCR glued it ("THượngtá")
  const rank = rankAtEnd(before);
  if (rank && endsApart(rank.before)) return { name: `${rank.rank} ${name}`, rank, surname };
  return endsApart(before) ? { name, rank: null, surname } : null;
}

/**
 * A name line whose family name the OCR printed with other marks ("Đô Thị
 * Tường Vy"): the line with the lexicon's spelling of it ("Đỗ"), when the
 * words from it to the line's end are capitalised as a name's are; null
 * when the line needs none.
 */
function respelledSurname(piece: string): { piece: string; read: string; as: string } | null {
  const words = piece.replace(/[.;,]+$/u, '').split(/\s+/u);
  for (let n = NAME_WORDS[1]; n >= NAME_WORDS[0]; n--) {
    const tail = words.slice(-n);
    if (tail.length !== n || isSurname(tail[0]!) || !tail.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) continue;
    const as = surnameSpelled(tail[0]!);
    if (!as) continue;
    const at = piece.lastIndexOf(tail.join(' '));
    if (at < 0) continue;
    return { piece: `${piece.slice(0, at)}${as}${piece.slice(at + tail[0]!.length)}`, read: tail[0]!, as };
  }
  return null;
}

/**
 * Whether what stands before a name on its line leaves the name a line of
 * its own: nothing, the end of the recipients entry beside it ("… TCBC."),
 * or a stroke of the signature the OCR read as a dash ("mem -"); not the
 * words of a sentence ("… Công an tỉnh Lâm Đồng").
 */
function endsApart(before: string): boolean {
  return before === '' || /[.;:)\-–—]$/u.test(before);
}

/**
 * The title starting at piece `at`, the capitals under it and the name
 * after them. Title lines take the lexicon's spelling where only their
 * marks differ (an OCR's "PHÔ GIẢM ĐỌC"); under "KT. GIÁM ĐỐC" a line the
 * OCR could not read (a seal over it: specks between the title and the
 * name) is the deputy's title the lexicon gives ("PHÓ GIÁM ĐỐC"). Lines
 * of another column beside the title (`underTitle`) are passed over. Each
 * mend goes into `repairs`.
 */
function signerFrom(all: readonly Piece[], at: number, first: string, repairs: MetadataRepair[]): Signer {
  const title = [first];
  const page = all[at]!.page;
  let name: string | null = null;
  let looked = 0;
  /** Whether a line was read under the title that gave the block nothing: specks or a lone word a seal left. */
  let unread = false;
  for (const piece of all.slice(at + 1)) {
    if (!underTitle(all[at]!, piece)) continue;
    const p = piece.text;
    // the recipients column read in between ("- Như trên;") belongs to the other side of the page: it does not count
    if (/^[-+]/u.test(p) || opensRecipients(p)) continue;
    // what an OCR read from the seal or the signature ("xxế", "≥4 ? + SÀNC") is not a line of the block
    if (isSpeck(p)) {
      unread = true;
      continue;
    }
    if (++looked > NAME_WITHIN) break;
    const printed = printedName(p);
    if (printed) {
      name = printed.name;
      const rank = printed.rank;
      if (rank && rank.read !== rank.rank) repairs.push({ field: 'signer.name', page, read: rank.read, as: rank.rank, why: "the lexicon's rank, as the OCR spaced or cased it" });
      if (printed.surname) repairs.push({ field: 'signer.name', page, read: printed.surname.read, as: printed.surname.as, why: "the lexicon's family name, only its marks differ" });
      break;
    }
    // "PHÓ CHỦ TỊCH" under "KT. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG" under "TL. CHỦ TỊCH": capitals before the name;
    // a lone word in capitals is what a seal left of a line ("TỊCH"), not a title
    const caps = authorityAtEnd(p) ?? capitalsAtEnd(p);
    if (caps && caps.length >= p.length / 2 && /\s/u.test(caps.trim())) title.push(caps);
    // no word in small letters: what a seal left of a line ("GHI"), not a note such as "(Đã ký)"
    else if (!/\p{Ll}/u.test(p)) unread = true;
  }
  const spelled = title.map((t) => {
    const s = spelledSignerTitle(t.trim());
    if (s !== t.trim()) repairs.push({ field: 'signer.title', page, read: t.trim(), as: s, why: "the lexicon's title, only its marks differ" });
    return s;
  });
  const deputy = spelled.length === 1 && unread && name ? deputyTitleUnder(spelled[0]!) : null;
  if (deputy) {
    spelled.push(deputy);
    repairs.push({ field: 'signer.title', page, read: '', as: deputy, why: `the line under "${spelled[0]}" unreadable, a seal over it: the title of the deputy who signs on behalf` });
  }
  return { title: spelled.join(' ').replace(/\s+/gu, ' '), name };
}

/** The "Nơi nhận" entries as printed, without their dash and closing ";" or ".". */
export function readRecipients(pages: readonly Page[]): string[] {
  const all = pieces(pages);
  const opener = all.findIndex((p) => opensRecipients(p));
  const at = opener >= 0 ? opener : headlessListStart(all);
  if (at < 0) return [];
  const first = opener >= 0 ? afterRecipientsOpener(all[at]!) : all[at]!;
  const out: string[] = [];
  /** Whether the last entry's line ended without its ";" or ".": a line without a dash after it goes on with it. */
  let open = false;
  /** Whether that line ended with a comma, which the entry keeps when it goes on ("… TGĐ Cổng TTĐT," / "các Vụ, Cục …;"). */
  let comma = false;
  for (const p of [first, ...all.slice(at + 1)]) {
    if (!p) continue;
    if (!p.startsWith('-') && !p.startsWith('+')) {
      // the signature column read in between ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", the name) does not end the list
      const signature = isSignatureLine(p);
      // "- Vụ/Cục/Ban TCCB, đơn vị thường trực" / "cải cách hành chính các bộ, ngành TW;": an entry wrapped onto the next line
      // goes on in small letters or with a bracket (a line in capitals after the last entry is a seal's specks or the next part)
      // (what an OCR read from the seal beside it, "ñ", goes on with nothing)
      if (out.length && open && !signature && /^[\p{Ll}(]/u.test(p) && !isSpeck(p)) {
        out[out.length - 1] = `${out.at(-1)}${comma ? ',' : ''} ${p.trim().replace(/[;.,]+$/u, '').trim()}`;
        open = !/[;.]\s*$/u.test(p);
        comma = /,\s*$/u.test(p);
        continue;
      }
      if (out.length && !signature) break;
      continue;
    }
    open = !/[;.]\s*$/u.test(p);
    comma = /,\s*$/u.test(p);
    // the signature column beside it on the same line: its capitals or the signer's name
    let entry = p.replace(/^[-+]\s*/u, '');
    const authority = authorityAtEnd(entry);
    if (authority) entry = entry.slice(0, entry.length - authority.length);
    const name = nameAtEnd(entry);
    if (name && /[;.]\s*\S/u.test(entry)) entry = entry.slice(0, entry.lastIndexOf(name));
    const caps = capitalsAtEnd(entry);
    if (caps && /[;.]\s+\S/u.test(entry) && caps.split(/\s+/u).length >= 2) entry = entry.slice(0, entry.length - caps.length);
    // a colon after an entry's closing bracket is its ";" as an OCR read it ("- Như trên (để báo cáo):")
    entry = entry.trim().replace(/(?<=\))\s*:$/u, '').replace(/[;.,]+$/u, '').trim();
    if (entry) out.push(entry);
  }
  return out;
}

/** A line of the signature column: the authority, a title in capitals, the printed name. */
function isSignatureLine(p: string): boolean {
  return authorityAtEnd(p) !== null || capitalsAtEnd(p) === p || nameAtEnd(p) === p.replace(/[.;,]+$/u, '');
}

/**
 * Where the recipients list starts when an OCR lost its "Nơi nhận" heading
 * (small bold italics): the list always ends with the archive's entry ("-
 * Lưu: VT, TCBC."), so its first entry is the first dash entry of the run
 * of lines before that one made only of entries, a line in small letters
 * right under an entry's dash (its wrapped part), the signature column and
 * specks. -1 without such an entry.
 */
function headlessListStart(all: readonly string[]): number {
  const last = all.findLastIndex((p) => isArchiveEntry(p));
  let start = last;
  for (let i = last - 1; i >= 0; i--) {
    const p = all[i]!;
    if (/^[-+]/u.test(p)) start = i;
    // an entry's wrapped line goes on under its dash; any other line in small letters is the body's
    else if (/^[\p{Ll}(]/u.test(p) ? !/^[-+]/u.test(all[i - 1] ?? '') : !isSignatureLine(p) && !isSpeck(p)) break;
  }
  return start;
}
