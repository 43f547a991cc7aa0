import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { digitFeatures, FEATURE_COUNT, normalizeDigit, type InkImage } from './digit-image.js';

/**
 * The handwritten-digit recognizer: a small neural network (one hidden
 * layer) over a normalized digit's features (digit-image.ts), learned from
 * the MNIST digits alone by scripts/ocr/train-digits.ts and shipped as
 * models/digits-mlp.json (model card in models/README.md). Its weights are
 * stored as 8-bit integers with one scale per unit.
 */

/** The model file as train-digits.ts writes it. */
export interface DigitModelFile {
  format: 'digits-mlp-1';
  inputs: number;
  hidden: number;
  /** Hidden weights, row by row (hidden × inputs), int8 in base64, and each row's scale. */
  w1: string;
  s1: number[];
  b1: number[];
  /** Output weights (10 × hidden), the same way. */
  w2: string;
  s2: number[];
  b2: number[];
  /**
   * The probability under which a digit is not taken: chosen on MNIST
   * digits held out from training (see the model card), so that of the
   * digits taken there, hardly any is wrong.
   */
  minProbability: number;
  /** What the file was made from and how it did, for the model card. */
  trained: Record<string, unknown>;
}

/** A loaded model: weights as floats, ready to run. */
export interface DigitModel {
  inputs: number;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  minProbability: number;
}

/** What the recognizer made of one digit. */
export interface DigitGuess {
  digit: number;
  /** The network's probability of that digit. */
  probability: number;
  /** The runner-up and its probability. */
  second: number;
  secondProbability: number;
}

/** Where the model is: models/ at the root of the source tree or of the built one (dist/src/ocr → ../../../models). */
const MODEL_PATHS = [new URL('../../models/digits-mlp.json', import.meta.url), new URL('../../../models/digits-mlp.json', import.meta.url)].map((u) => fileURLToPath(u));

let shipped: DigitModel | null | undefined;

/** The shipped model, loaded once; null when the file is missing (then figures are read by the OCR engine alone). */
export function loadDigitModel(): DigitModel | null {
  if (shipped !== undefined) return shipped;
  const path = MODEL_PATHS.find((p) => existsSync(p));
  shipped = path ? fromFile(JSON.parse(readFileSync(path, 'utf8')) as DigitModelFile) : null;
  return shipped;
}

/** Int8 rows back to floats. */
function dequantize(b64: string, scales: readonly number[], cols: number): Float32Array {
  const bytes = Buffer.from(b64, 'base64');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] ?? 0) * (scales[Math.floor(i / cols)] ?? 0);
  return out;
}

/** A model file as a runnable model (checks its shape: a file of another layout is refused, not misread). */
export function fromFile(f: DigitModelFile): DigitModel {
  if (f.format !== 'digits-mlp-1' || f.inputs !== FEATURE_COUNT) throw new Error(`digit model: format ${f.format} with ${f.inputs} inputs, expected digits-mlp-1 with ${FEATURE_COUNT}`);
  const m: DigitModel = { inputs: f.inputs, hidden: f.hidden, w1: dequantize(f.w1, f.s1, f.inputs), b1: Float32Array.from(f.b1), w2: dequantize(f.w2, f.s2, f.hidden), b2: Float32Array.from(f.b2), minProbability: f.minProbability };
  if (m.w1.length !== m.hidden * m.inputs || m.w2.length !== 10 * m.hidden || m.b1.length !== m.hidden || m.b2.length !== 10) throw new Error('digit model: weights do not match its shape');
  return m;
}

/** The network's ten probabilities for a feature vector. */
export function probabilities(m: Pick<DigitModel, 'inputs' | 'hidden' | 'w1' | 'b1' | 'w2' | 'b2'>, x: Float32Array): Float32Array {
  const h = new Float32Array(m.hidden);
  for (let j = 0; j < m.hidden; j++) {
    let s = m.b1[j] ?? 0;
    const row = j * m.inputs;
    for (let i = 0; i < m.inputs; i++) s += (m.w1[row + i] ?? 0) * (x[i] ?? 0);
    h[j] = s > 0 ? s : 0;
  }
  const z = new Float32Array(10);
  for (let k = 0; k < 10; k++) {
    let s = m.b2[k] ?? 0;
    for (let j = 0; j < m.hidden; j++) s += (m.w2[k * m.hidden + j] ?? 0) * (h[j] ?? 0);
    z[k] = s;
  }
  const top = Math.max(...z);
  let sum = 0;
  for (let k = 0; k < 10; k++) sum += z[k] = Math.exp((z[k] ?? 0) - top);
  for (let k = 0; k < 10; k++) z[k] = (z[k] ?? 0) / sum;
  return z;
}

/** The recognizer's best and second guess for one digit's ink (any size); null when there is no ink. */
export function classifyDigit(m: DigitModel, ink: InkImage): DigitGuess | null {
  const norm = normalizeDigit(ink);
  if (!norm) return null;
  const p = probabilities(m, digitFeatures(norm));
  const order = [...p.keys()].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
  const [digit, second] = [order[0]!, order[1]!];
  return { digit, probability: p[digit] ?? 0, second, secondProbability: p[second] ?? 0 };
}
