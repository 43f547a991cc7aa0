import { isAgencyHeading } from '../lexicon/index.js';

/**
 * The clauses of a block's text: sentences, and the parts a semicolon
 * separates; names only, parted by semicolons, stay one list with what
 * follows them ("Chánh Văn phòng …; Giám đốc Sở Nội vụ; … chịu trách nhiệm
 * thi hành Quyết định này").
 */
export function clausesOf(text: string): string[] {
  const out: string[] = [];
  const breaks = [...text.matchAll(/(?<=[.;!?])\s+(?=\p{Lu})/gu)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  let from = 0;
  breaks.forEach((b, k) => {
    // no sentence ends inside brackets the next piece closes ("(… số điện thoại: 0917. 128.007) trước ngày …": an OCR's space after a dot)
    if (opens(text.slice(from, b.at)) && closes(text.slice(b.end, breaks[k + 1]?.at ?? text.length))) return;
    out.push(text.slice(from, b.at));
    from = b.end;
  });
  out.push(text.slice(from));
  const clauses: string[] = [];
  for (const part of out.map((c) => c.trim()).filter(Boolean)) {
    const prev = clauses.at(-1);
    if (prev?.endsWith(';') && prev.slice(0, -1).split(/;\s*/u).every((name) => isAgencyHeading(name))) clauses[clauses.length - 1] = `${prev} ${part}`;
    else clauses.push(part);
  }
  return clauses;
}

/** Whether a text leaves a bracket open. */
const opens = (text: string): boolean => (text.match(/\(/gu)?.length ?? 0) > (text.match(/\)/gu)?.length ?? 0);
/** Whether a text closes a bracket opened before it. */
const closes = (text: string): boolean => (text.match(/\)/gu)?.length ?? 0) > (text.match(/\(/gu)?.length ?? 0);
