import { z } from 'zod';
import { RecordReview } from './review.js';
import { Box, Confidence } from './geometry.js';

/** An agency as printed and as the registry names it. */
export const Agency = z.object({
  /** As printed (after restoration). */
  raw: z.string(),
  /** Canonical name; equal to raw until the registry knows better. */
  name: z.string(),
  kind: z.enum(['department', 'district', 'commune', 'party', 'state', 'enterprise', 'group', 'person', 'unit', 'unknown']),
  /** Registry match score in [0, 1]; null when not matched. */
  score: z.number().min(0).max(1).nullable(),
  /** The body that took over its duties after a reorganisation (Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ since 2025-03-01); name null when the level was abolished. */
  successor: z.object({ name: z.string().nullable(), since: z.string() }).nullable().optional(),
  /** For a person ("Đồng chí Hoàng Minh Cường, Phó Chủ tịch …"): the name when printed, and the titles. */
  person: z.object({ name: z.string().nullable(), titles: z.array(z.string()) }).nullable().optional(),
  /** What an OCR read, when `raw` was repaired to the registry's spelling of a near match ("Số¢ Thông tin và Truyền thông"). */
  read: z.string().optional(),
});
export type Agency = z.infer<typeof Agency>;

/** One target of an indicator: "≥ 80" for 2030. */
export const Target = z.object({
  year: z.number().int().nullable(),
  /** "Đến năm 2030", "2026-2030", when the target has a period rather than a year. */
  period: z.string().nullable(),
  /** The cell as printed. */
  raw: z.string(),
  comparator: z.enum(['>=', '>', '<=', '<', '=', 'range']).nullable(),
  value: z.number().nullable(),
  /** Upper bound of a range ("62-65"). */
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  kind: z.enum(['percent', 'number', 'rank', 'text']),
  /** "phấn đấu …": an aspiration, not a commitment. */
  aspiration: z.boolean(),
  /** "hằng năm": every year. */
  annual: z.boolean(),
  /** What part of the indicator this target is for ("đối với …"). */
  scope: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

/** A schedulable reading of a timeline cell: "Quý III/2026" → 2026-07-01 … 2026-09-30. */
export const Timeline = z.object({
  raw: z.string(),
  kind: z.enum(['year', 'range', 'quarter', 'month', 'date', 'deadline', 'annual', 'ongoing', 'on-request', 'by-reference', 'unknown']),
  start: z.string().nullable(),
  end: z.string().nullable(),
  recurrence: z.enum(['annual', 'quarterly', 'monthly']).nullable(),
});
export type Timeline = z.infer<typeof Timeline>;

/** Where a record came from, for reviewers and downstream checks. */
export const Provenance = z.object({
  page: z.number().int().positive().nullable(),
  /** Table id, null for records from prose. */
  table: z.string().nullable(),
  /** Grid row index in that table. */
  row: z.number().int().nonnegative().nullable(),
  box: Box.nullable(),
  /** Line span [first, last] on the page, for prose records. */
  lines: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

const RecordBase = {
  /** Stable: the same document content gives the same record ids. */
  id: z.string(),
  /** Row number as printed ("2.3", "11.1"); dash sub-items "<parent>.a". */
  code: z.string(),
  /** The group/section row or heading the record sits under. */
  section: z.string().nullable(),
  /** Heading-only parent row's text, for sub-rows ("11.1" under "11"). */
  parent: z.string().nullable(),
  directing: z.string().nullable(),
  output: z.string().nullable(),
  notes: z.string().nullable(),
  /** Columns the extractor has no role for, keyed by their header text. */
  extra: z.record(z.string(), z.string()),
  source: Provenance,
  /** Present once reviewers touched the record (see schemas/review.ts). */
  review: RecordReview.optional(),
  confidence: Confidence,
};

/** A chỉ tiêu: what value must be reached by when, and who answers for it. */
export const Indicator = z.object({
  ...RecordBase,
  name: z.string(),
  unit: z.string().nullable(),
  /** "Đến năm 2030" when the indicator sits under a period row. */
  period: z.string().nullable(),
  targets: z.array(Target),
  /** Agencies that monitor/answer for it (Cơ quan chủ trì theo dõi, đánh giá). */
  agencies: z.array(Agency),
  /** The person or body assigned to lead, as printed. */
  lead: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** A nhiệm vụ: who must do what by when. */
export const Assignment = z.object({
  ...RecordBase,
  task: z.string(),
  lead: z.array(Agency),
  cooperating: z.array(Agency),
  timeline: Timeline.nullable(),
});
export type Assignment = z.infer<typeof Assignment>;
