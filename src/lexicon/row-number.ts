/**
 * A row number an OCR read with one stray character beside it, from the
 * cell's rule or shading: "1 |", "2 ñ", "3 Ị" → "1", "2", "3". A number
 * with a word beside it ("4 HH", a header's "TT" misread) is not one.
 * Null when the text is not such a reading.
 */
export function rowNumberWithStrayMark(text: string): string | null {
  return /^(\d{1,3}(?:\.\d{1,2})*)\.?\s+\S$/u.exec(text.trim())?.[1] ?? null;
}
