/**
 * More channel pairs from public-domain correct text: the opening of each
 * realdev Word text (../shared/realdev/texts) and of a few central legal
 * texts (../shared/corpus/vbpl-legal), typeset as plain paragraphs the way
 * the fixtures are (A4, DejaVu Serif 13 pt), scanned KH 44-style (150 DPI,
 * JPEG quality 40) and OCR'd with Tesseract's English model, into
 * .cache/eng-ocr/ (not committed; regenerated on demand, ~10 minutes on two
 * shared cores). The four digital fixtures alone gave 33k aligned words, from
 * four documents of one kind: the English model's confusions on words they
 * rarely print ("chire" for "chức", "vdi" for "với") were never counted.
 * Never KH 44, never a gold file, never viwiki (not public domain).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentSpec } from '../fixtures/document-spec.js';
import type { FontFiles } from '../fixtures/page-flow.js';
import { makeScanVariant } from '../fixtures/make-scans.js';
import { typesetPdf } from '../fixtures/typeset-pdf.js';

const ROOT = new URL('../../', import.meta.url);
const SHARED = process.env.PLAN_INGEST_SHARED ?? fileURLToPath(new URL('../shared/', ROOT));

/** Words typeset from each text: about two A4 pages, so no one document's wording dominates the channel. */
const WORDS_PER_TEXT = 900;
/** Legal texts taken (the first by file name): the realdev texts are short administrative letters; these add statute wording. */
const LEGAL_TEXTS = 12;

export interface ChannelText {
  /** Fixture-style name (a-z, 0-9, dash): the cache files' base name. */
  name: string;
  source: string;
  paragraphs: string[];
}

/** The opening paragraphs of `text`, cells of a table row joined by spaces, up to `words` words. */
export function openingParagraphs(text: string, words = WORDS_PER_TEXT): string[] {
  const out: string[] = [];
  let count = 0;
  for (const raw of text.normalize('NFC').split(/\r?\n/u)) {
    if (count >= words) break;
    // a markdown-ish heading or rule of the extraction is not document text
    const line = raw.replace(/\t+/gu, ' ').replace(/\s+/gu, ' ').trim();
    if (!/\p{L}/u.test(line) || /^(#|---|\|)/u.test(line)) continue;
    out.push(line);
    count += line.split(' ').length;
  }
  return out;
}

/**
 * A second typeface for the channel's copies: Liberation Serif 2 (Times New
 * Roman's metrics and look, Vietnamese glyphs; Debian's fonts-liberation2,
 * or the folder PLAN_INGEST_TIMES_FONTS names). Scanned plans are mostly
 * printed in Times New Roman, whose horn is drawn apart ("u’" for "ư") and
 * whose stacked marks break differently from DejaVu's; an English model's
 * confusions follow the glyphs. Null when the fonts are not there (the
 * channel is then learned from DejaVu copies alone, and the script says so).
 */
export function timesFonts(): FontFiles | null {
  const dir = process.env.PLAN_INGEST_TIMES_FONTS ?? '/usr/share/fonts/truetype/liberation2';
  const files: FontFiles = {
    regular: join(dir, 'LiberationSerif-Regular.ttf'),
    bold: join(dir, 'LiberationSerif-Bold.ttf'),
    italic: join(dir, 'LiberationSerif-Italic.ttf'),
    boldItalic: join(dir, 'LiberationSerif-BoldItalic.ttf'),
  };
  return Object.values(files).every((f) => existsSync(f)) ? files : null;
}

/**
 * The correct texts the extra channel pairs are made from; none when ../shared is missing.
 * `times`: the texts of the Times-like copies (the realdev openings again, and the next
 * LEGAL_TEXTS legal texts, so the second typeface also brings words the first never showed).
 */
export function channelTexts(times = false): ChannelText[] {
  const realdev = join(SHARED, 'realdev/texts');
  const legal = join(SHARED, 'corpus/vbpl-legal');
  const list = (dir: string, re: RegExp): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => re.test(n)).sort() : []);
  const texts: ChannelText[] = [];
  const prefix = times ? 'channel-times' : 'channel';
  for (const file of list(realdev, /\.txt$/u)) {
    const id = /^(\d+)/u.exec(file)?.[1] ?? String(texts.length);
    texts.push({ name: `${prefix}-realdev-${id}`, source: `realdev/texts/${file}`, paragraphs: openingParagraphs(readFileSync(join(realdev, file), 'utf8')) });
  }
  for (const file of list(legal, /^doc_\d+\.txt$/u).slice(times ? LEGAL_TEXTS : 0, times ? 2 * LEGAL_TEXTS : LEGAL_TEXTS)) {
    const id = /(\d+)/u.exec(file)?.[1] ?? String(texts.length);
    texts.push({ name: `${prefix}-vbpl-${id}`, source: `corpus/vbpl-legal/${file}`, paragraphs: openingParagraphs(readFileSync(join(legal, file), 'utf8')) });
  }
  return texts.filter((t) => t.paragraphs.length);
}

/** Typesets (in DejaVu Serif, or `fonts`), scans and OCRs one text into `cache` unless done before; returns its (digital, English-OCR) PDFs. */
export async function makeChannelPair(text: ChannelText, cache: string, seed: number, log: (m: string) => void, fonts?: FontFiles): Promise<{ clean: string; noisy: string }> {
  const clean = join(cache, `${text.name}.pdf`);
  const noisy = join(cache, `${text.name}.eng-ocr.pdf`);
  if (!existsSync(noisy)) {
    const spec: DocumentSpec = {
      name: text.name,
      seed: text.source,
      blocks: text.paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p, bold: false, italic: false, align: 'justify' as const })),
    };
    await typesetPdf(spec, clean, fonts);
    await makeScanVariant({ name: text.name, dpi: 150, seed, jpegQuality: 40, englishOcr: { dpi: 150, jpegQuality: 40 } }, cache, cache, { skipOcr: false, log });
  }
  return { clean, noisy };
}
