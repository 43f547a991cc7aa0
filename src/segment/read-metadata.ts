import type { Line, Metadata, Page } from '../../schemas/index.js';
import { stripDiacritics } from '../core/index.js';
import { gazetteerPlaceBeforeDate, isBannerLine, isBareOrgan, respacedTypeHeading, startsWithAgencyHead, subjectAfterOpener } from '../lexicon/index.js';
import { readRecipients, readSigner } from './closing-fields.js';
import { readCitations } from './citations.js';
import { bylineAt, isMottoLine, leftColumnOfRow, looksLikeNumberLine, numberFromAttachmentLine, readDocType, readDocumentNumber, readPlaceDate } from './header-fields.js';
import type { MetadataRepair } from './metadata-repair.js';
import { lowerUnitWords, properCase } from './proper-case.js';

/** How many lines from the top of page 1 the header block may take. */
const HEADER_LINES = 40;
/** The salutation: it starts the body and ends a wrapped "V/v" subject; never a title. */
const SALUTATION = /^(Kính gửi|Kính trình|Kính thưa)/u;
/** Lines that end the title block. */
const BODY_START = /^(Căn cứ|Thực hiện|Theo|Kính gửi|Kính trình|Kính thưa|Ngày\s+\d|[IVX]+\.\s|-{3,}|_{3,}|\d+\.\s)/u;

/**
 * Reads the header block of page 1: issuer chain (agency lines above the
 * number, left column), number, place and date, document type and title;
 * and the "Căn cứ …" / "Thực hiện …" citations. Fields mended from the
 * lexicon rather than taken as read go into `repairs`.
 */
export function readMetadata(pages: readonly Page[], repairs: MetadataRepair[] = []): Metadata {
  const first = pages[0];
  const body = pages.map((p) => p.text).join('\n');
  if (!first) return { issuer: null, issuerChain: [], number: null, date: null, place: null, docType: null, type: null, title: null, subject: null, signer: null, recipients: [], banners: [], citations: [] };
  // stamps and banners ("SAO Y; …", "Ký bởi: …") are set apart before the header is read
  const banners = pages.flatMap((p) => p.lines.filter((l) => isBannerLine(l.text)).map((l) => l.text.trim()));
  const lines = mendHeaderLines(expandHeaderRow(first.lines.slice(0, HEADER_LINES)).filter((l) => !isBannerLine(l.text)), repairs);
  // a field with a blank left in it ("Số:      /KH-BQL") may come apart into pieces on one row: read each piece with the rest of its row
  const rowFrom = (i: number): string => restOfRow(lines, i);
  const numberAt = lines.findIndex((_, i) => readDocumentNumber(rowFrom(i)) !== null);
  const placeDate = lines.map((_, i) => readPlaceDate(rowFrom(i))).find((p) => p !== null) ?? null;
  const typeAt = lines.findIndex((l) => readDocType(l.text) !== null);
  const weights = first.origin === 'text-layer' && first.lines.some((l) => l.box !== null);
  // the number line anchors the agency block; when OCR garbled it (digits written by hand), the date line or the subject line does
  const dateAt = lines.findIndex((_, i) => readPlaceDate(rowFrom(i)) !== null);
  const subjectAt = lines.findIndex((l) => subjectAfterOpener(l.text) !== null);
  const anchor = numberAt >= 0 ? numberAt : [dateAt, subjectAt].filter((i) => i > 0).sort((a, b) => a - b)[0] ?? -1;
  const chain = issuerLines(lines, anchor, first.width, weights).map((l) => properCase(l, body));
  const author = typeAt >= 0 ? authorLine(lines, typeAt) : null;
  // a paper with no agency block (a conference paper) names its author on a line of its own under the title
  const byline = typeAt >= 0 && !chain.length ? bylineAt(lines, typeAt, (t) => BODY_START.test(t)) : -1;
  const bylineName = byline >= 0 ? lines[byline]!.text.trim() : null;
  const read = (author && withAuthor(properCase(author, body), chain.at(-1))) ?? chain.at(-1) ?? bylineName ?? issuerFromBody(body);
  // a title block without the agency block ("CỦA BAN THƯỜNG VỤ THÀNH ỦY"): the body names the organ with its place
  const locality = read && !placeDate ? localityFromBody(read, body) : null;
  const issuer = read && locality ? `${read} ${locality}` : read;
  const docType = typeAt >= 0 ? (readDocType(lines[typeAt]?.text ?? '')?.docType ?? null) : null;
  const printedTitle = typeAt >= 0 ? readTitle(byline >= 0 ? lines.slice(0, byline) : lines, typeAt, weights) : null;
  // "QUYẾT ĐỊNH / Về việc cho phép …": the name line is the subject too
  const titleSubject = printedTitle ? subjectAfterOpener(printedTitle) : null;
  const subject = titleSubject ?? readSubjectLine(lines, first.width);
  // a letter prints no type heading, only its "V/v" line: that is what makes it a công văn
  const type = docType ?? (subject && typeAt < 0 ? LETTER_TYPE : null);
  return {
    issuer,
    issuerChain: chain.length ? chain : issuer ? [issuer] : [],
    number: numberAt >= 0 ? readDocumentNumber(rowFrom(numberAt)) : numberFromAttachmentLine(body, docType),
    date: placeDate?.date ?? null,
    place: placeDate?.place ?? locality,
    docType,
    type,
    title: titleSubject ?? printedTitle,
    subject,
    signer: readSigner(pages, repairs, issuer),
    recipients: readRecipients(pages),
    banners,
    citations: readCitations(pages),
  };
}

/**
 * Header lines an OCR misprinted in a way the lexicon can mend, each mend
 * recorded: a type heading with its words glued ("TỜTRÌNH" → "TỜ TRÌNH")
 * and a date line that lost the comma after its province ("Lâm Đồng ngày
 * tháng năm 2025" → "Lâm Đồng, ngày …", only when the gazetteer knows the
 * place and the line then reads as a place and date).
 */
function mendHeaderLines(lines: readonly Line[], repairs: MetadataRepair[]): Line[] {
  return lines.map((line) => {
    const heading = respacedTypeHeading(line.text);
    if (heading) {
      repairs.push({ field: 'type', page: 1, read: line.text.trim(), as: heading, why: "the lexicon's type heading, its words as the OCR spaced them" });
      return { ...line, text: heading };
    }
    const place = gazetteerPlaceBeforeDate(line.text);
    const mended = place ? `${place.place}, ${place.rest}` : null;
    const asRead = readPlaceDate(line.text);
    if (mended && readPlaceDate(mended) && asRead?.place !== place!.place) {
      const why = asRead ? "a province of the gazetteer the OCR printed with other marks: the gazetteer's spelling" : 'a province of the gazetteer before "ngày": the comma after it lost';
      repairs.push({ field: 'place', page: 1, read: line.text.trim(), as: place!.place, why });
      return { ...line, text: mended };
    }
    return line;
  });
}

/** How a Word export joins the paragraphs of one table cell ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ / Số: …"). */
const CELL_PARAGRAPHS = ' / ';

/**
 * A text input whose header block is one table row of two cells, each
 * cell's paragraphs joined ("UBND TỈNH / SỞ NỘI VỤ / Số: /SNV / V/v …<TAB>CỘNG
 * HÒA … / Độc lập … / Lâm Đồng, ngày …"): its paragraphs become lines, the
 * left cell's first, as a PDF's header reads. Positioned lines stay as they are.
 */
function expandHeaderRow(lines: readonly Line[]): Line[] {
  const at = lines.slice(0, 3).findIndex((l) => !l.box && l.text.includes('\t') && l.text.includes(CELL_PARAGRAPHS));
  if (at < 0) return [...lines];
  const row = lines[at]!;
  const parts = row.text.split('\t').flatMap((cell) => cell.split(CELL_PARAGRAPHS)).map((t) => t.trim()).filter(Boolean);
  return [...lines.slice(0, at), ...parts.map((text) => ({ ...row, text })), ...lines.slice(at + 1)];
}

/** The type of a document that prints a "V/v" line but no type heading. */
const LETTER_TYPE = 'Công văn';

/**
 * The "V/v …" line of a letter, under its number in the left column, with
 * the lines it wraps onto (left column, up to the salutation): "V/v báo cáo,
 * xin ý kiến cho phép / sử dụng Điều lệ hội đã phê duyệt".
 */
function readSubjectLine(lines: readonly Line[], pageWidth: number | null): string | null {
  const at = lines.findIndex((l) => subjectAfterOpener(l.text.split('\t')[0] ?? '') !== null);
  if (at < 0) return null;
  const first = lines[at]!;
  const parts = [subjectAfterOpener(first.text.split('\t')[0] ?? '')!];
  // only a positioned line can be told to continue it: a text input's next line is the next paragraph
  if (first.box && pageWidth) {
    let previous = first.box;
    for (const next of lines.slice(at + 1, at + 4)) {
      const text = next.text.trim();
      if (!next.box || next.box.x0 > pageWidth / 2 || SALUTATION.test(text) || readPlaceDate(text) || isMottoLine(text)) break;
      // a wrapped subject is set flush left or centred under its first line ("tỉnh Lâm Đồng" under "V/v … Đội"), right under the line before
      const centre = (next.box.x0 + next.box.x1) / 2;
      const under = Math.abs(next.box.x0 - first.box.x0) <= 40 || (centre > first.box.x0 && centre < first.box.x1);
      const height = previous.y1 - previous.y0;
      if (!under || next.box.y0 - previous.y1 > height * 1.5) break;
      parts.push(text);
      previous = next.box;
    }
  }
  // a "V/v" line closes with no stop: one there is a speck an OCR read at the line's end
  return parts.join(' ').replace(/\s+/gu, ' ').trim().replace(/\s*[.;,]+$/u, '') || null;
}

/** Line i joined with the lines after it on the same row (same baseline, to its right). */
function restOfRow(lines: readonly Line[], i: number): string {
  const first = lines[i];
  if (!first?.box) return first?.text ?? '';
  const parts = [first.text];
  let right = first.box.x1;
  for (const next of lines.slice(i + 1)) {
    if (!next.box || Math.abs(next.box.y1 - first.box.y1) > (first.fontSize ?? 10) * 0.5 || next.box.x0 < right) break;
    parts.push(next.text);
    right = next.box.x1;
  }
  return parts.join(' ');
}


/**
 * The agency block: lines above the number line, in the left half of the
 * page, not the motto. The parent agency is set in regular capitals and the
 * issuing one in bold, so a change of weight separates agencies and lines
 * of the same weight continue one another (a name wrapped over two lines).
 */
function issuerLines(lines: readonly Line[], numberAt: number, pageWidth: number | null, weights: boolean): string[] {
  if (numberAt <= 0) return [];
  const numberLine = lines[numberAt];
  // a text input's header line holds both columns: its left one is the agency's
  const above = lines
    .slice(0, numberAt)
    // a row read as one line holds both columns ("VĂN PHÒNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI …"): its left column is the agency's
    .map((l) => ({ line: l, cut: leftColumnOfRow(l.text) }))
    // an agency line ends in no stop: one an OCR read from a speck ("ỦY BAN NHÂN DÂN.") would keep the name from the body's spelling
    .map(({ line, cut }) => ({ ...line, text: cut.replace(/[.,;:]+$/u, ''), both: cut !== line.text.trim() }))
    .filter((l) => !isMottoLine(l.text) && !readPlaceDate(l.text) && !looksLikeNumberLine(l.text) && /\p{L}/u.test(l.text));
  const left = pageWidth && numberLine?.box ? above.filter((l) => l.both || (l.box && (l.box.x0 + l.box.x1) / 2 < pageWidth / 2)) : above;
  const items: { text: string; bold: boolean; both: boolean }[] = [];
  for (const line of left) {
    const last = items.at(-1);
    // with font weights (a text layer) a change of weight starts an agency; without (OCR, plain text) a line that starts with an organ does.
    // A row read as one line has one weight for both columns (the bold motto's): its weight says nothing of the agency's
    const byWeight = weights && !line.both && !last?.both;
    const continues = byWeight ? last?.bold === line.bold : !startsWithAgencyHead(line.text, { capitals: true });
    if (last && (continues || isBareOrgan(last.text))) last.text = `${last.text} ${line.text.trim()}`;
    else items.push({ text: line.text.trim(), bold: line.bold, both: line.both });
  }
  return items.map((i) => i.text);
}

/** The subject lines after "KẾ HOẠCH": bold lines on a PDF, lines up to the body on text inputs. */
function readTitle(lines: readonly Line[], typeAt: number, weights: boolean): string | null {
  const parts = [readDocType(lines[typeAt]?.text ?? '')?.rest ?? ''];
  // the title is set in bold: where weights are known, it ends with the first regular line
  const positioned = weights;
  for (const [i, line] of lines.slice(typeAt + 1, typeAt + 7).entries()) {
    const text = line.text.trim();
    // "Thực hiện Nghị quyết …" right under the type is the subject line when it does not read like a clause of the body;
    // the salutation ("Kính gửi: …") never is
    const subjectLine = i === 0 && parts[0] === '' && !/[;,:]$/u.test(text) && !SALUTATION.test(text);
    if (BODY_START.test(text) && !subjectLine) break;
    // a text input's table row (cells TAB-separated: a list under its heading) is body, not title
    if (!line.box && text.includes('\t')) break;
    // specks an OCR read beside the heading ("| _~ —": a signature or a handwritten note) are no line of the title;
    // a line of figures is ("2026-2030")
    // (a rule under the title, "_____", has ended it above)
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    // "CỦA BAN THƯỜNG VỤ THÀNH ỦY" names the author, not the subject
    if (i === 0 && authorLine(lines, typeAt)) continue;
    if (positioned && !line.bold) break;
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" under a title in normal case: the authority that decides, not the title
    const written = parts.filter(Boolean);
    if (written.length && isCapitals(text) && !written.every(isCapitals)) break;
    parts.push(line.text.trim());
  }
  // the full stop some titles end with is no part of them
  const title = parts.filter(Boolean).join(' ').replace(/\s+/gu, ' ').trim().replace(/(?<![.])\.$/u, '');
  return title || null;
}

/** A line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"): at least two words, no lower-case letter. */
function isCapitals(text: string): boolean {
  return /\p{Lu}.*\s.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "CỦA BAN THƯỜNG VỤ THÀNH ỦY" under the document type: the body that issues it, within the agency above. */
function authorLine(lines: readonly Line[], typeAt: number): string | null {
  const m = /^(\S+)\s+(.+)$/u.exec(lines[typeAt + 1]?.text.trim() ?? '');
  return m?.[1] && m[2] && isCua(m[1]) ? m[2] : null;
}

/** "CỦA", also with a letter an OCR doubled in bold capitals ("CÚỦA"); not another word ("MUA", "CỤC"). */
function isCua(word: string): boolean {
  if (word === 'CỦA') return true;
  const bare = stripDiacritics(word);
  return word === word.toUpperCase() && bare.length === 4 && [0, 1, 2, 3].some((i) => bare.slice(0, i) + bare.slice(i + 1) === 'CUA');
}

/**
 * Puts the author body into the agency it belongs to: "Ban Thường vụ Thành
 * ủy" + "Thành ủy Hải Phòng" → "Ban Thường vụ Thành ủy Hải Phòng" (the
 * words they share are said once). Null when they share nothing.
 */
function withAuthor(author: string, agency: string | undefined): string | null {
  if (!agency) return author;
  const a = author.split(' ');
  const b = agency.split(' ');
  for (let k = Math.min(a.length, b.length); k > 0; k--) {
    if (a.slice(-k).join(' ').toLowerCase() === b.slice(0, k).join(' ').toLowerCase()) return [...a.slice(0, -k), ...b].join(' ');
  }
  return null;
}

/** An organ named without its place: "Thành ủy", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân thành phố". */
const PLACELESS_ORGAN = /(?:^|\s)(?:Thành ủy|Tỉnh ủy|Thành uỷ|Tỉnh uỷ|(?:Ủy|Uỷ) ban nhân dân (?:thành phố|tỉnh)|Hội đồng nhân dân (?:thành phố|tỉnh))$/u;
/** How often the body must name the organ with one same place before the place is taken. */
const LOCALITY_MIN_MENTIONS = 2;

/**
 * The place of an organ the title block names without it ("Ban Thường vụ
 * Thành ủy"), from the body naming it in full ("… của Ban Thường vụ Thành
 * ủy Hải Phòng"), line breaks included: the place named most often, and at
 * least twice. Null for an issuer that names its place or a body that never
 * does.
 */
function localityFromBody(issuer: string, body: string): string | null {
  if (!PLACELESS_ORGAN.test(issuer)) return null;
  const text = body.replace(/\s+/gu, ' ');
  const escaped = issuer.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`${escaped}\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})`, 'gu'))) {
    const place = m[1]!;
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= LOCALITY_MIN_MENTIONS ? best[0] : null;
}

/** "…, Sở Khoa học và Công nghệ xây dựng Kế hoạch …" → "Sở Khoa học và Công nghệ" (header block lost). */
function issuerFromBody(body: string): string | null {
  const m = /(?:^|[,.;]\s*|\n)((?:Sở|Ủy ban|Uỷ ban|Ban|Phòng|Văn phòng|Trung tâm|Đảng ủy|Thành ủy)[\p{L} ]+?)(?:\s*\([^)]*\))?\s+xây dựng\s+(?:Kế hoạch|kế hoạch)/u.exec(body);
  return m?.[1] ? lowerUnitWords(m[1].trim()) : null;
}
