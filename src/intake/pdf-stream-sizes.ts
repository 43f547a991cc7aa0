import { createInflate } from 'node:zlib';

/** A Flate stream of a PDF that inflates past the limit. */
export interface OversizedStream {
  /** The object holding it ("12 0"), when its header could be read. */
  object: string | null;
  /** Bytes it holds compressed. */
  compressed: number;
}

const STREAM = Buffer.from('stream', 'latin1');
const END = Buffer.from('endstream', 'latin1');
/** How far before a stream keyword its dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

/**
 * The first FlateDecode stream of a PDF that inflates to more than `limit`
 * bytes, or null when none does. Run on the raw bytes before pdfjs sees the
 * file: pdfjs inflates a content stream whole, and a 3 MB stream that
 * inflates to 3 GiB takes the process past any memory bound. Each stream is
 * inflated in small chunks that are counted and dropped, and inflating stops
 * at the limit, so this costs at most `limit` bytes of zlib work per stream
 * and almost no memory. Streams zlib cannot read (encrypted, damaged) count
 * as far as they inflate; pdfjs reports them itself.
 */
export async function findOversizedStream(pdf: Buffer, limit: number): Promise<OversizedStream | null> {
  for (let at = pdf.indexOf(STREAM); at >= 0; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] !== 0x0a) continue; // "stream" as a word in some text, not a stream keyword
    start++;
    const header = pdf.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
    const dict = header.slice(header.lastIndexOf(' obj') >= 0 ? header.lastIndexOf(' obj') : 0);
    if (!/\/FlateDecode\b|\/Fl\b/.test(dict)) continue;
    const end = pdf.indexOf(END, start);
    const data = pdf.subarray(start, end < 0 ? pdf.length : end);
    if ((await inflatedSize(data, limit)) > limit) {
      const object = /(\d+)\s+(\d+)\s+obj\b(?![\s\S]*\bobj\b)/.exec(header);
      return { object: object ? `${object[1]} ${object[2]}` : null, compressed: data.length };
    }
    at = start + data.length;
  }
  return null;
}

/** Inflates `data`, counting its output; stops as soon as it passes `limit` (returns limit + 1 then). */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    let total = 0;
    const done = (): void => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(total);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) done();
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.end(data);
  });
}
