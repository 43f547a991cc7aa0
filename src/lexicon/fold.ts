import { stripDiacritics } from '../core/index.js';

/**
 * Text as the lexicon compares it: no diacritics, lower case, punctuation
 * other than % and / a space ("Đơn vị" → "don vi"). An OCR that lost or
 * garbled the marks still matches ("Chi tiêu" → "chi tieu" = "Chỉ tiêu").
 */
export function fold(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9%/\s]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
