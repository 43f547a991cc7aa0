import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Document, RecordKind, type Agency, type Assignment, type Correction, type Indicator } from '../../schemas/index.js';
import { addLearnedAliases, loadAgencyRegistry } from '../records/index.js';
import { appendChange, appendCorrection, applyCorrections, extractedPath, readCorrections, recordFingerprint, writeDocument } from '../output/index.js';
import type { DocumentIndex } from './document-index.js';
import { blankRecord, normalizeField } from './field-values.js';

async function keepMachineVersion(output: string, extracted: string): Promise<void> {
  await mkdir(dirname(extracted), { recursive: true });
  const tmp = `${extracted}.${process.pid}.tmp`;
  await copyFile(output, tmp);
  await rename(tmp, extracted);
}

/**
 * What an agency correction teaches the registry: an agency replaced one
 * for one ("Sở KHCN" read, "Sở Khoa học và Công nghệ" chosen) becomes an
 * alias. Lists that changed length (split, merged) teach nothing.
 */
function taughtAliases(c: Correction): { alias: string; name: string }[] {
  if (c.op !== 'set' || !c.field || !['lead', 'cooperating', 'agencies'].includes(c.field)) return [];
  if (!Array.isArray(c.before) || !Array.isArray(c.after) || c.before.length !== c.after.length) return [];
  return (c.before as Agency[]).flatMap((b, i) => {
    const a = (c.after as Agency[])[i]!;
    return b.raw !== a.raw ? [{ alias: b.raw, name: a.name }] : [];
  });
}

/** What a reviewer asks for; parsed at the HTTP boundary. */
export const EditRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), kind: RecordKind, record: z.string(), revision: z.number().int().nonnegative(), field: z.string(), value: z.unknown() }),
  z.object({ op: z.enum(['delete', 'reviewed', 'unreviewed']), kind: RecordKind, record: z.string(), revision: z.number().int().nonnegative() }),
  z.object({ op: z.literal('add'), kind: RecordKind, code: z.string().min(1).max(40) }),
  /** Puts back the value a saved "set" replaced; recorded as a "set" of its own that names the one it undoes. */
  z.object({ op: z.literal('undo'), kind: RecordKind, record: z.string(), revision: z.number().int().nonnegative(), correction: z.string() }),
]);
export type EditRequest = z.infer<typeof EditRequest>;

export type EditOutcome =
  | { ok: true; record: Indicator | Assignment | null; document: Document }
  | { ok: false; status: 404 | 409 | 422; error: string; current?: Indicator | Assignment | null };

interface Loaded {
  machine: Document;
  machineKey: string;
  corrections: Correction[];
  output: string;
}

/**
 * Documents under review: the machine extraction (cached) with the
 * corrections trail on top. An edit is checked against the record's
 * revision (a stale one is a conflict, not a silent overwrite), appended to
 * the trail (fsync) and answered at once; the emitted `<base>.json` is
 * rewritten a moment later (edits in a burst write it once).
 */
export class ReviewStore {
  readonly #cache = new Map<string, Loaded>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Writes under way (their timer fired): flush() waits for them too, or a reader could see the file before the edit. */
  readonly #writing = new Set<Promise<void>>();

  /**
   * @param dataDir where the agency registry's learned aliases live (reviewers' agency corrections teach it)
   */
  constructor(
    readonly index: DocumentIndex,
    readonly dataDir: string,
    readonly writeDelayMs = 250,
  ) {}

  /** The document as reviewers see it (corrections applied), or null. */
  async current(id: string): Promise<Document | null> {
    const loaded = await this.#load(id);
    return loaded ? applyCorrections(loaded.machine, loaded.corrections) : null;
  }

  async corrections(id: string): Promise<Correction[]> {
    return (await this.#load(id))?.corrections ?? [];
  }

  /** Applies one edit by `reviewer`; serialized per document. */
  edit(id: string, request: EditRequest, reviewer: string): Promise<EditOutcome> {
    const run = (this.#locks.get(id) ?? Promise.resolve()).then(() => this.#edit(id, request, reviewer));
    this.#locks.set(id, run.catch(() => {}));
    return run;
  }

  async #edit(id: string, request: EditRequest, reviewer: string): Promise<EditOutcome> {
    const loaded = await this.#load(id);
    if (!loaded) return { ok: false, status: 404, error: 'no such document' };
    const current = applyCorrections(loaded.machine, loaded.corrections);
    const time = new Date().toISOString();
    const base = { id: randomUUID(), document: id, kind: request.kind, reviewer, time };
    let correction: Correction;
    if (request.op === 'add') {
      const n = loaded.corrections.filter((c) => c.op === 'add').length + 1;
      const recordId = `${id}:${request.kind === 'indicator' ? 'ind' : 'asg'}:added-${n}`;
      correction = { ...base, record: recordId, code: request.code, op: 'add', field: null, before: null, after: blankRecord(request.kind, recordId, request.code), source: null };
    } else if (request.record === id && request.op !== 'undo') {
      correction = { ...base, record: id, code: null, op: request.op === 'unreviewed' ? 'unreviewed' : 'reviewed', field: null, before: current.review?.reviewed ?? false, after: request.op === 'reviewed', source: null };
    } else {
      const list: (Indicator | Assignment)[] = request.kind === 'indicator' ? current.indicators : current.assignments;
      const record = list.find((r) => r.id === request.record);
      if (!record) return { ok: false, status: 404, error: 'no such record (deleted, or never there)' };
      const revision = record.review?.revision ?? 0;
      if (revision !== request.revision)
        return { ok: false, status: 409, error: `${record.review?.reviewer ?? 'another reviewer'} changed this row meanwhile; here it is as it stands now`, current: record };
      const machineRecord = (request.kind === 'indicator' ? loaded.machine.indicators : loaded.machine.assignments).find((r) => r.id === record.id);
      const source = machineRecord ? recordFingerprint(request.kind, machineRecord) : null;
      if (request.op === 'set') {
        let after: unknown;
        try {
          after = normalizeField(request.kind, request.field, request.value, loadAgencyRegistry(this.dataDir));
        } catch (e) {
          return { ok: false, status: 422, error: e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : String(e) };
        }
        correction = { ...base, record: record.id, code: record.code, op: 'set', field: request.field, before: (record as unknown as Record<string, unknown>)[request.field] ?? null, after, source };
      } else if (request.op === 'undo') {
        const undone = loaded.corrections.find((c) => c.id === request.correction);
        if (!undone || undone.op !== 'set' || !undone.field || (undone.record !== record.id && undone.code !== record.code))
          return { ok: false, status: 422, error: 'only a saved change of this row can be undone' };
        const field = undone.field;
        correction = { ...base, record: record.id, code: record.code, op: 'set', field, before: (record as unknown as Record<string, unknown>)[field] ?? null, after: undone.before, source, undoes: undone.id };
      } else {
        correction = { ...base, record: record.id, code: record.code, op: request.op, field: null, before: null, after: null, source };
      }
    }
    // the machine's version is kept before the first correction, so corrections can always be re-applied;
    // until then the output file is that version, and a copy is cheaper than serializing megabytes again
    if (!loaded.corrections.length) {
      const extracted = extractedPath(this.index.outDir, id);
      await keepMachineVersion(join(this.index.outDir, loaded.output), extracted);
      loaded.machineKey = `${extracted}:${(await stat(extracted)).mtimeMs}`; // the same document: no need to parse it again
    }
    await appendCorrection(this.index.outDir, correction);
    loaded.corrections.push(correction);
    await addLearnedAliases(this.dataDir, taughtAliases(correction)).catch(() => {});
    this.#scheduleWrite(id, loaded, correction);
    const document = applyCorrections(loaded.machine, loaded.corrections);
    const list: (Indicator | Assignment)[] = request.kind === 'indicator' ? document.indicators : document.assignments;
    return { ok: true, record: list.find((r) => r.id === correction.record) ?? null, document };
  }

  /** Writes the emitted JSON and a feed line shortly after the last edit of a burst. */
  #scheduleWrite(id: string, loaded: Loaded, last: Correction): void {
    clearTimeout(this.#pending.get(id));
    this.#pending.set(
      id,
      setTimeout(() => {
        this.#pending.delete(id);
        const write = this.#writeOut(loaded, last).catch(() => {});
        this.#writing.add(write);
        void write.then(() => this.#writing.delete(write));
      }, this.writeDelayMs),
    );
  }

  async #writeOut(loaded: Loaded, last: Correction): Promise<void> {
    const doc = applyCorrections(loaded.machine, loaded.corrections);
    await writeDocument(doc, this.index.outDir, loaded.output.replace(/\.json$/u, ''));
    const what = last.op === 'set' ? `${last.field} of ${last.code}` : `${last.op} ${last.code ?? 'document'}`;
    await appendChange(this.index.outDir, { id: doc.id, version: doc.version ?? null, time: last.time, status: 'corrected', file: doc.source.file, output: loaded.output, reason: `${last.reviewer}: ${what}`, job: null });
  }

  /** Writes what is pending now (server shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.#writing]);
    const ids = [...this.#pending.keys()];
    for (const id of ids) {
      clearTimeout(this.#pending.get(id));
      this.#pending.delete(id);
      const loaded = this.#cache.get(id);
      const last = loaded?.corrections.at(-1);
      if (loaded && last) await this.#writeOut(loaded, last);
    }
  }

  async #load(id: string): Promise<Loaded | null> {
    const extracted = extractedPath(this.index.outDir, id);
    const sourceKey = async (output: string): Promise<string | null> => {
      const ex = await stat(extracted).catch(() => null);
      if (ex) return `${extracted}:${ex.mtimeMs}`;
      const out = await stat(join(this.index.outDir, output)).catch(() => null);
      return out ? `${output}:${out.mtimeMs}` : null;
    };
    // the cache holds while the machine's version is unchanged (re-processing rewrites it); stat only, no parsing
    const cached = this.#cache.get(id);
    if (cached && (await sourceKey(cached.output)) === cached.machineKey) return cached;
    const found = (await this.index.documents()).get(id);
    if (!found) return null;
    const key = await sourceKey(found.file);
    if (!key) return null;
    const machine = key.startsWith(extracted) ? Document.parse(JSON.parse(await readFile(extracted, 'utf8'))) : found.doc;
    const loaded = { machine, machineKey: key, corrections: await readCorrections(this.index.outDir, id), output: found.file };
    this.#cache.set(id, loaded);
    return loaded;
  }
}
