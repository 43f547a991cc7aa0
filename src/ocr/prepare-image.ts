import type { Ruling } from '../../schemas/index.js';
import { decodeGray, otsuThreshold, rotatePng, turnPng, whiteOut, type GrayBitmap } from './gray-bitmap.js';
import { isSideways, isUpsideDown, type Orientation } from './page-orientation.js';
import { findImageRulings } from './image-rulings.js';
import { maskColouredInk, type InkRegion } from './coloured-ink.js';
import type { PageImage } from './ocr-engine.js';
import { estimateSkew } from './skew-angle.js';

/** Skews smaller than this (degrees) are left alone: rotating costs sharpness. */
const MIN_SKEW = 0.15;
/** A page with less ink than this share of its pixels is blank. */
const BLANK_INK = 0.002;

export interface PreparedImage {
  image: PageImage;
  /** Measured skew in degrees, counter-clockwise positive; the image was turned back by it. */
  skew: number;
  /** The quarter turn (clockwise) the page was scanned at; the image was turned upright. */
  orientation: Orientation;
  rulings: Ruling[];
  blank: boolean;
  /** The straightened page in gray levels, rules not yet erased (null for formats not decoded here). */
  gray: GrayBitmap | null;
  /** Red and blue ink (seals, stamps, signatures, handwriting) painted white before OCR, in pixels of the page as rendered. */
  masked: InkRegion[];
}

/**
 * Gets a page image ready for OCR, each step measured: red and blue ink
 * (seals, signatures, handwriting: coloured-ink.ts) is painted white, blank
 * pages are found (and not OCR'd), a page scanned sideways or upside down is turned
 * upright, skew is measured and undone, and table rules are
 * found in the straightened image for the table builder, then erased so
 * that OCR does not read them as "|" or "_".
 * PNG and JPEG only; other formats go to the engine as they are.
 */
export async function prepareImage(image: PageImage, mediaType = 'image/png'): Promise<PreparedImage> {
  if (mediaType !== 'image/png' && mediaType !== 'image/jpeg') return { image, skew: 0, orientation: 0, rulings: [], blank: false, gray: null, masked: [] };
  const ink = await maskColouredInk(image.bytes, image.dpi);
  const masked = ink.regions;
  let bytes = ink.bytes;
  let gray = await decodeGray(bytes);
  const threshold = Math.min(otsuThreshold(gray), 160);
  let dark = 0;
  for (const v of gray.data) if (v < threshold) dark++;
  if (dark / gray.data.length < BLANK_INK) return { image: { bytes, dpi: image.dpi }, skew: 0, orientation: 0, rulings: [], blank: true, gray, masked };
  // a page scanned sideways is turned a quarter, then straightened; one that reads upside down is turned over
  let orientation: Orientation = 0;
  if (isSideways(gray, threshold)) {
    bytes = await turnPng(bytes, 270);
    gray = await decodeGray(bytes);
    orientation = 90;
  }
  let straight = await straighten(bytes, gray);
  if (isUpsideDown(straight.gray, threshold)) {
    bytes = await turnPng(bytes, 180);
    straight = await straighten(bytes, await decodeGray(bytes));
    orientation = orientation === 90 ? 270 : 180;
  }
  const { skew } = straight;
  bytes = straight.bytes;
  gray = straight.gray;
  const rulings = findImageRulings(gray, image.dpi);
  if (rulings.length) bytes = await whiteOut(bytes, ruleBoxesPx(rulings, image.dpi));
  return { image: { bytes, dpi: image.dpi }, skew, orientation, rulings, blank: false, gray, masked };
}

/** Measures a page's skew and turns it back (skews under MIN_SKEW are left: rotating costs sharpness). */
async function straighten(bytes: Buffer, gray: GrayBitmap): Promise<{ bytes: Buffer; gray: GrayBitmap; skew: number }> {
  const skew = estimateSkew(gray);
  if (Math.abs(skew) < MIN_SKEW) return { bytes, gray, skew: 0 };
  const rotated = await rotatePng(bytes, -skew);
  return { bytes: rotated, gray: await decodeGray(rotated), skew };
}

/** The pixels a rule covers, a little wider than the rule so that its blurred edges go too. */
function ruleBoxesPx(rulings: readonly Ruling[], dpi: number): { x0: number; y0: number; x1: number; y1: number }[] {
  const k = dpi / 72;
  const half = Math.max(3, Math.round(dpi / 50));
  return rulings.map((r) =>
    r.orientation === 'h'
      ? { x0: r.from * k - half, y0: r.at * k - half, x1: r.to * k + half, y1: r.at * k + half + 1 }
      : { x0: r.at * k - half, y0: r.from * k - half, x1: r.at * k + half + 1, y1: r.to * k + half },
  );
}
