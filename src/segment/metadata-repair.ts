/**
 * A header or closing field the segment stage mended from the lexicon
 * rather than took as read: an OCR's glued type heading ("TỜTRÌNH"), a
 * date line's lost comma, a signer title's misread marks or a line a seal
 * left unreadable. Recorded on the document as an issue
 * (`metadata-repaired`, info), so a reviewer sees what was read and why it
 * was changed.
 */
export interface MetadataRepair {
  /** The metadata field, as the contract names it: "type", "place", "signer.title", "signer.name". */
  field: string;
  /** 1-based page the field was read on. */
  page: number;
  /** What was read ("" when nothing readable was). */
  read: string;
  /** What the field took instead. */
  as: string;
  /** Why, in a few words. */
  why: string;
}

/** The message an issue gives for a repair: `signer.title: "PHÔ GIẢM ĐỌC" read as "PHÓ GIÁM ĐỐC" (the lexicon's title, only its marks differ)`. */
export function describeRepair(r: MetadataRepair): string {
  return `${r.field}: ${r.read ? `"${r.read}"` : 'nothing'} read as "${r.as}" (${r.why})`;
}
