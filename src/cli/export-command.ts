import type { Command } from 'commander';
import { Option } from 'commander';
import { writeFileAtomic } from '../core/index.js';
import type { ExportKind, currentDocuments as CurrentDocuments } from '../output/index.js';
import { usageError } from './conventions.js';
import { EXIT, exitForInputs, type ExitCode } from './exit-codes.js';
import { OutputError, checkWritableFile, describeWriteError } from './output-error.js';

export interface ExportOptions {
  /** csv (UTF-8 with BOM, for spreadsheets), xlsx, or jsonl (one record a line, every field). */
  format: 'csv' | 'xlsx' | 'jsonl';
  /** Which records. Default "assignments". */
  kind: ExportKind;
  /** File to write, or "-" for stdout (the default). */
  output: string;
}

/**
 * `plan-ingest export <out-dir> --format csv|xlsx|jsonl [--kind K] [--output FILE|-]`:
 * the records of every document in an output folder, with reviewers'
 * corrections applied, as one table: document id, file and title, every
 * field, the review state (corrected fields, reviewed, added, by whom,
 * when), and each record's extra columns. JSON Lines gives each record
 * whole (its `extra`, `review`, `source`) with `document`, `file` and `kind`.
 */
export async function exportCommand(outDir: string, o: ExportOptions): Promise<ExitCode> {
  const toStdout = o.output === '-';
  if (toStdout && o.format === 'xlsx' && process.stdout.isTTY) throw usageError('xlsx is binary: give --output FILE, or pipe stdout to a file');
  if (!toStdout) await checkWritableFile(o.output);
  // imported here, not at start-up: the output stage brings ExcelJS (see main.ts)
  const { currentDocuments, exportTable, recordsOf, tableToCsv, tableToXlsx } = await import('../output/index.js');
  let found: Awaited<ReturnType<typeof CurrentDocuments>>;
  try {
    found = await currentDocuments(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`plan-ingest: ${outDir}: ${code === 'ENOENT' ? 'folder not found' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message}\n`);
    return EXIT.allFailed;
  }
  for (const u of found.unreadable) process.stderr.write(`plan-ingest: ${outDir}/${u.file}: ${u.reason}\n`);
  const docs = found.documents.map((d) => d.doc);
  const bytes =
    o.format === 'jsonl'
      ? docs.flatMap((d) => recordsOf(d, o.kind).map((r) => `${JSON.stringify({ document: d.id, file: d.source.file, kind: o.kind === 'indicators' ? 'indicator' : 'assignment', ...r })}\n`)).join('')
      : o.format === 'csv'
        ? tableToCsv(exportTable(docs, o.kind, { documentColumns: true }))
        : await tableToXlsx(exportTable(docs, o.kind, { documentColumns: true }), o.kind);
  if (toStdout) await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
  else await writeFileAtomic(o.output, bytes).catch((error: unknown) => Promise.reject(new OutputError(`cannot write ${o.output}: ${describeWriteError(error)}`)));
  const records = docs.reduce((n, d) => n + recordsOf(d, o.kind).length, 0);
  const total = docs.length + found.unreadable.length;
  process.stderr.write(`${records} ${o.kind} of ${docs.length} document(s) → ${toStdout ? 'stdout' : o.output}${total ? '' : ` (no documents in ${outDir})`}\n`);
  return exitForInputs(total, found.unreadable.length);
}

/** The `export` command's flags. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('the records of every document in an output folder, reviewers\' corrections applied, as CSV, XLSX or JSON Lines')
    .argument('<out-dir>', 'the output folder of ingest or watch')
    .addOption(new Option('--format <format>', 'csv, xlsx or jsonl').choices(['csv', 'xlsx', 'jsonl']).makeOptionMandatory())
    .addOption(new Option('--kind <kind>', 'which records').choices(['assignments', 'indicators']).default('assignments'))
    .option('--output <file>', 'file to write; - for stdout', '-')
    .action(async (outDir: string, o: ExportOptions) => {
      process.exitCode = await exportCommand(outDir, o);
    });
}
