import { z } from 'zod';

/** A "Căn cứ …" / "Thực hiện …" reference to another document. */
export const Citation = z.object({
  raw: z.string(),
  /** "Nghị quyết", "Kế hoạch", "Quyết định", … */
  type: z.string().nullable(),
  /** "57-NQ/TW", "35/2021/QH15". */
  number: z.string().nullable(),
  /** ISO date, null when not printed. */
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});
export type Citation = z.infer<typeof Citation>;

/** The header block of a plan. */
export const Metadata = z.object({
  /** The issuing body, the most specific line of the agency block. */
  issuer: z.string().nullable(),
  /** The agency block top to bottom ("Ủy ban nhân dân thành phố Hải Phòng", "Sở Khoa học và Công nghệ"). */
  issuerChain: z.array(z.string()),
  /** "44/KH-UBND"; with a blank number only the printed part ("/KH-BQL"). */
  number: z.string().nullable(),
  /** ISO date; null when the day is left blank. */
  date: z.string().nullable(),
  place: z.string().nullable(),
  /** "Kế hoạch", "Kế hoạch hành động". */
  docType: z.string().nullable(),
  /** The document type as ../shared/CONTRACT.md names it ("Kế hoạch", "Công văn", "Quyết định", …): the same reading as `docType`. */
  type: z.string().nullable().default(null),
  title: z.string().nullable(),
  /** The "V/v …" / "Về việc …" line without its opener, where one is printed. */
  subject: z.string().nullable().default(null),
  /** Who signs: the authority lines as printed ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH") and the printed name (null in a draft); null without a signature block. */
  signer: z.object({ title: z.string(), name: z.string().nullable() }).nullable().default(null),
  /** The "Nơi nhận" entries as printed, without dash and closing punctuation. */
  recipients: z.array(z.string()).default([]),
  /** Stamps and banners printed over the document, as read ("SAO Y; CÔNG AN TỈNH …", "Ký bởi: …"): set apart, never read into its fields. */
  banners: z.array(z.string()).default([]),
  citations: z.array(Citation),
});
export type Metadata = z.infer<typeof Metadata>;
