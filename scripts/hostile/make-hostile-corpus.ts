/**
 * The hostile-input corpus: files an attacker (or an unlucky copy) drops in
 * front of plan-ingest, generated into a folder (nothing large is
 * committed). Each case says what `ingest` must answer: a failure whose
 * reason matches `reason`, or a document written (`ok`, possibly partial).
 *
 *   npx tsx scripts/hostile/make-hostile-corpus.ts <folder>
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, createDeflate, crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../fixtures/pdf-bytes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HostileCase {
  /** What the case is, in words. */
  title: string;
  /** The file's name in the corpus folder. */
  file: string;
  /** A failure with this reason, or a document written. */
  expect: { fails: RegExp } | { written: true; issue?: string };
}

/** A PDF from raw objects, with a correct cross-reference table. */
function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary entries and data. */
const streamObject = (dict: string, data: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

/** `gib` GiB of spaces, deflated (about 1 MB per GiB: zlib's best ratio), streamed so it never sits in memory. */
async function deflatedSpaces(gib: number): Promise<Buffer> {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < Math.ceil(gib * 64); i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

/** One page whose content stream inflates to `gib` GiB. */
async function flateBombPdf(gib: number): Promise<Buffer> {
  const content = await deflatedSpaces(gib);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    streamObject('/Filter /FlateDecode', content),
  ]);
}

/** A 600 KB PDF whose page tree lists the same page 100,000 times. */
function manyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, () => '3 0 R').join(' ');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    streamObject('', Buffer.from('BT /F1 12 Tf 72 720 Td (x) Tj ET')),
  ]);
}

/** One page claiming to be a million points square (350 m). */
function hugePagePdf(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1000000 1000000] /Contents 4 0 R >>',
    streamObject('', Buffer.from('')),
  ]);
}

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A small, well-formed PNG whose header claims `side` × `side` pixels (its data is a few rows). */
function imageBombPng(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit gray, no interlace
  const rows = deflateSync(Buffer.alloc((side + 1) * 4));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** A real PDF with a user password. */
function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', info: { CreationDate: new Date(0) } });
  const done = pdfBytes(doc);
  doc.fontSize(12).text('Ke hoach');
  doc.end();
  return done;
}

/** Plan text without diacritics, `bytes` long, on one line (as a PDF-to-text tool without line breaks writes it). */
function strippedLine(bytes: number): string {
  const sentence = 'Ke hoach trien khai thuc hien chuyen doi so cua thanh pho nam 2026, giao So Khoa hoc va Cong nghe chu tri. ';
  return sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
}

/** A Vietnamese title as a clerk saves it: 230+ bytes of UTF-8. */
export const LONG_NAME =
  'Kế hoạch thực hiện Nghị quyết số 57-NQ-TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia của Ban Thường vụ Thành ủy Hải Phòng năm 2026 (bản chính).txt';

/** A good, small plan: it must be processed whatever its neighbours are. */
const GOOD_TEXT = join(ROOT, 'fixtures/seeds/003_4113829f73d97220.txt');

/** Writes every case into `dir` (which must exist and be empty) and lists them. */
export async function makeHostileCorpus(dir: string, o: { bombGiB?: number } = {}): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const put = (file: string, data: string | Buffer, title: string, expect: HostileCase['expect']): void => {
    writeFileSync(join(dir, file), data);
    cases.push({ title, file, expect });
  };
  const bombGiB = o.bombGiB ?? 3;
  put('flate-bomb.pdf', await flateBombPdf(bombGiB), `Flate bomb: a content stream inflating to ${bombGiB} GiB`, { fails: /inflates to more than 256\.0 MiB/ });
  put('image-bomb.png', imageBombPng(50_000), 'image bomb: a PNG claiming 50000 × 50000 pixels', { fails: /50000 × 50000 pixels .* above the 150-megapixel limit/ });
  put('pages-100000.pdf', manyPagesPdf(100_000), 'a PDF listing 100,000 pages', { fails: /100000 pages, above the 2000-page limit/ });
  put('huge-page.pdf', hugePagePdf(), 'a page a million points square', { written: true, issue: 'page-too-large' });
  put('long-line-10mb.txt', strippedLine(10 * 1024 * 1024), 'a 10 MB single line of stripped text', { fails: /text is 10\.0 MiB, above the 8\.0 MiB limit/ });
  put('long-line-30kb.txt', strippedLine(30 * 1024), 'a 30 KB single line of stripped text (split, restored)', { written: true, issue: 'long-lines-split' });
  const pdf = readFileSync(join(ROOT, 'fixtures/pdf/kh-bql-2026.pdf'));
  put('half-copied-pdf.pdf', pdf.subarray(0, pdf.length >> 1), 'a PDF copied half-way', { fails: /truncated PDF/ });
  const tif = readFileSync(join(ROOT, 'fixtures/scan/kh-bql-2026.p2-3.tif'));
  put('half-copied-tif.tif', tif.subarray(0, tif.length >> 1), 'a TIFF copied half-way', { fails: /truncated image: the image\/tiff data ends early/ });
  const text = Buffer.from('Kế hoạch chuyển đổi số', 'utf8');
  put('half-copied-txt.txt', text.subarray(0, text.length - 1), 'a text cut inside a character', { fails: /truncated text/ });
  put('encrypted.pdf', await encryptedPdf(), 'an encrypted PDF', { fails: /encrypted PDF: it needs a password/ });
  put('empty.pdf', '', 'an empty file', { fails: /empty file \(0 bytes\)/ });
  put('not-a-pdf.pdf', imageBombPng(10), 'a PNG named .pdf', { fails: /not a PDF: the file has no %PDF header \(it looks like image\/png\)/ });
  const outside = mkdtempSync(join(tmpdir(), 'pi-hostile-secret-'));
  writeFileSync(join(outside, 'secret.txt'), 'Mật khẩu quản trị: hunter2\n', { mode: 0o600 });
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'link-outside.txt'));
  cases.push({ title: 'a symbolic link to a file outside', file: 'link-outside.txt', expect: { fails: /a symbolic link: not followed/ } });
  execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
  cases.push({ title: 'a named pipe (FIFO)', file: 'fifo.txt', expect: { fails: /a named pipe \(FIFO\), not a regular file/ } });
  put('.hidden plan.txt', readFileSync(GOOD_TEXT), 'a hidden name', { fails: /a hidden name \(it starts with "\."\): skipped/ });
  put(LONG_NAME, readFileSync(GOOD_TEXT), `a ${Buffer.byteLength(LONG_NAME)}-byte Vietnamese name`, { written: true });
  put('good.txt', readFileSync(GOOD_TEXT, 'utf8').replace('Kế hoạch', 'Kế hoạch (bản sao)'), 'a good plan among them', { written: true });
  return cases;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'pi-hostile-'));
  mkdirSync(dir, { recursive: true });
  for (const c of await makeHostileCorpus(dir)) process.stdout.write(`${c.file}\t${c.title}\n`);
  process.stdout.write(`corpus in ${dir}\n`);
}
