import { readFile } from 'node:fs/promises';
import type { Line, Page } from '../../schemas/index.js';
import { measureTextQuality, splitLongLine } from '../core/index.js';
import { DEFAULT_LIMITS } from '../../schemas/index.js';

/**
 * Reads a .txt/.md input as pages (form feeds separate pages). Markdown
 * heading marks and ** emphasis are removed from the text and kept as the
 * line's `bold` flag, so later stages see the words as printed. Lines carry
 * no positions. Tabs are kept: they delimit table cells.
 */
export interface TextReadOptions {
  /** Lines longer than this (characters) are split at a sentence end or a space. Default 2,000. */
  maxLineChars?: number;
  /** Told how many lines were split and how long the longest was, when any was. */
  onSplit?: (lines: number, longest: number) => void;
}

export async function readTextPages(path: string, mediaType: string, opts: TextReadOptions = {}): Promise<Page[]> {
  const raw = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const markdown = mediaType === 'text/markdown' || looksLikeMarkdown(raw);
  const normalized = raw.normalize('NFC');
  const repairs = normalized === raw ? [] : ['nfc'];
  // a line no plan prints (a whole file without line breaks) is cut into lines the later stages can take
  const max = opts.maxLineChars ?? DEFAULT_LIMITS.maxLineChars;
  let split = 0;
  let longest = 0;
  const cut = (line: string): string[] => {
    if (line.length <= max) return [line];
    split++;
    longest = Math.max(longest, line.length);
    return splitLongLine(line, max);
  };
  const pages = normalized.split('\f').map((part, i) => textPage(i + 1, part.split('\n').flatMap(cut), markdown, repairs));
  if (split) opts.onSplit?.(split, longest);
  return pages;
}

function textPage(number: number, rawLines: readonly string[], markdown: boolean, repairs: string[]): Page {
  const lines: Line[] = [];
  const kept: string[] = [];
  for (const rawLine of rawLines) {
    const { text, bold } = markdown ? stripMarkdown(rawLine) : { text: rawLine.replace(/[ \u00a0]+$/u, ''), bold: false };
    kept.push(text);
    if (!text.trim()) continue;
    lines.push({ text, box: null, fontSize: null, bold, wordStart: 0, wordEnd: 0 });
  }
  const text = kept.join('\n');
  return {
    number,
    width: null,
    height: null,
    origin: 'text-layer',
    text,
    words: [],
    lines,
    rulings: [],
    blocks: [],
    quality: measureTextQuality(text),
    repairs,
    originalText: null,
  };
}

/** "*học tập số*": asterisks around words, not a "* " bullet or a lone asterisk. */
const ITALIC = /(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gmu;

/** Plain-text exports of Word files are often Markdown whatever their extension: "## " headings, "**bold**", "*italic*". */
function looksLikeMarkdown(text: string): boolean {
  const headings = text.match(/^#{1,6}\s+\S/gmu)?.length ?? 0;
  const bold = text.match(/\*\*[^*\n]+\*\*/gu)?.length ?? 0;
  const italic = text.match(ITALIC)?.length ?? 0;
  return headings >= 2 || bold >= 3 || italic >= 2;
}

/** "## **I. MỤC ĐÍCH**" → { text: "I. MỤC ĐÍCH", bold: true }; "*học tập số*" → "học tập số". */
function stripMarkdown(line: string): { text: string; bold: boolean } {
  const heading = /^\s{0,3}#{1,6}\s+/u.test(line);
  let text = line.replace(/^\s{0,3}#{1,6}\s+/u, '');
  const fullyBold = /^\s*\*\*[^*]+\*\*\s*$/u.test(text);
  // "**bold**" marks go; so do "*italic*" marks around words ("“*học tập số*”"), not a "* " bullet
  text = text
    .replace(/\*\*/gu, '')
    .replace(ITALIC, '$1$2')
    .replace(/[ \u00a0]+$/u, '');
  return { text, bold: heading || fullyBold };
}
