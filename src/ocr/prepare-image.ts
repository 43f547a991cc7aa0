import type { Ruling } from '../../schemas/index.js';
import { decodeRgba, encodePgm, otsuThreshold, rotateGray, turnGray, whiteOutGray, type GrayBitmap, type RgbaBitmap } from './gray-bitmap.js';
import { isSideways, isUpsideDown, type Orientation } from './page-orientation.js';
import { findImageRulings } from './image-rulings.js';
import { maskColouredInk, type InkRegion } from './coloured-ink.js';
import type { PageImage } from './ocr-engine.js';
import { rectifyPagePhoto } from './page-photo.js';
import type { Quad } from './perspective.js';
import { findSeals, maskSeals, type SealRing } from './seal-shape.js';
import { estimateSkew } from './skew-angle.js';

/** Skews smaller than this (degrees) are left alone: rotating costs sharpness. */
const MIN_SKEW = 0.15;
/** A page with less ink than this share of its pixels is blank. */
const BLANK_INK = 0.002;

export interface PreparedImage {
  /** The page as the engine reads it: for PNG and JPEG input, a gray PGM (gray-bitmap.ts `encodePgm`), straightened, coloured ink and table rules painted white. */
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
  /** When the page was a photo of a sheet (page-photo.ts): the sheet's corners in the page as rendered, and that rendering's resolution (`image.dpi` is the sheet's, drawn square-on). */
  photo: { corners: Quad; dpi: number } | null;
  /** Round seals found by their shape (seal-shape.ts: a gray or black-and-white scan's seal) and painted white, in pixels of `image`. */
  seals: SealRing[];
}

/**
 * Gets a page image ready for OCR (see `preparePixels`). PNG and JPEG
 * only, decoded once; other formats go to the engine as they are.
 */
export async function prepareImage(image: PageImage, mediaType = 'image/png'): Promise<PreparedImage> {
  if (mediaType !== 'image/png' && mediaType !== 'image/jpeg') return { image, skew: 0, orientation: 0, rulings: [], blank: false, gray: null, masked: [], photo: null, seals: [] };
  return preparePixels(await decodeRgba(image.bytes), image.dpi);
}

/**
 * Gets a page's pixels ready for OCR, each step measured: red and blue ink
 * (seals, signatures, handwriting: coloured-ink.ts) is painted white, a
 * phone photo of a sheet is drawn square-on (page-photo.ts), blank pages are found (and not OCR'd), a page scanned sideways or upside down is
 * turned upright, skew is measured and undone, round seals as dark as
 * print are painted white by their shape (seal-shape.ts), and table rules are found in
 * the straightened image for the table builder, then erased so that OCR
 * does not read them as "|" or "_". Every step works on one gray buffer;
 * the page is encoded once, at the end, in a format that costs nothing to
 * write or read (PGM).
 */
export function preparePixels(rgba: RgbaBitmap, renderDpi: number): PreparedImage {
  const ink = maskColouredInk(rgba, renderDpi);
  const masked = ink.regions;
  let gray = ink.gray;
  let dpi = renderDpi;
  const sheet = rectifyPagePhoto(gray, renderDpi);
  const photo = sheet ? { corners: sheet.corners, dpi: renderDpi } : null;
  if (sheet) [gray, dpi] = [sheet.gray, sheet.dpi];
  const threshold = Math.min(otsuThreshold(gray), 160);
  let dark = 0;
  for (let i = 0, px = gray.data; i < px.length; i++) if (px[i]! < threshold) dark++;
  if (dark / gray.data.length < BLANK_INK) return { image: { bytes: encodePgm(gray), dpi }, skew: 0, orientation: 0, rulings: [], blank: true, gray, masked, photo, seals: [] };
  // a page scanned sideways is turned a quarter, then straightened; one that reads upside down is turned over
  let orientation: Orientation = 0;
  if (isSideways(gray, threshold)) {
    gray = turnGray(gray, 270);
    orientation = 90;
  }
  let straight = straighten(gray);
  if (isUpsideDown(straight.gray, threshold)) {
    straight = straighten(turnGray(gray, 180));
    orientation = orientation === 90 ? 270 : 180;
  }
  const { skew } = straight;
  // a seal as dark as print (a gray or black-and-white scan) goes by its shape, on the upright page
  const seals = findSeals(straight.gray, dpi);
  gray = maskSeals(straight.gray, dpi, seals);
  const rulings = findImageRulings(gray, dpi);
  const read = rulings.length ? whiteOutGray(gray, ruleBoxesPx(rulings, dpi)) : gray;
  return { image: { bytes: encodePgm(read), dpi }, skew, orientation, rulings, blank: false, gray, masked, photo, seals };
}

/** Measures a page's skew and turns it back (skews under MIN_SKEW are left: rotating costs sharpness). */
function straighten(gray: GrayBitmap): { gray: GrayBitmap; skew: number } {
  const skew = estimateSkew(gray);
  if (Math.abs(skew) < MIN_SKEW) return { gray, skew: 0 };
  return { gray: rotateGray(gray, -skew), skew };
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
