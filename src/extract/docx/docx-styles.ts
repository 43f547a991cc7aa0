import { attrAt, child, elements, type XmlElement } from './xml-tree.js';

/** What a paragraph inherits from its style: list membership and bold. */
export interface ParagraphStyle {
  numId: string | null;
  ilvl: number | null;
  bold: boolean | null;
}

/**
 * Paragraph styles of styles.xml, resolved through their w:basedOn chain
 * ("Heading 2" numbered by its style's w:numPr, as Vietnamese templates number
 * their "I.", "1." headings).
 */
export class DocxStyles {
  readonly #raw = new Map<string, { basedOn: string | null; own: ParagraphStyle }>();

  constructor(styles: XmlElement | null) {
    for (const s of elements(styles ?? undefined, 'w:style')) {
      const pPr = child(s, 'w:pPr');
      this.#raw.set(s.attrs['w:styleId'] ?? '', {
        basedOn: attrAt(s, ['w:basedOn'], 'w:val') ?? null,
        own: {
          numId: attrAt(pPr, ['w:numPr', 'w:numId'], 'w:val') ?? null,
          ilvl: numberOrNull(attrAt(pPr, ['w:numPr', 'w:ilvl'], 'w:val')),
          bold: onOff(child(child(s, 'w:rPr'), 'w:b')),
        },
      });
    }
  }

  /** The style's settings with what it does not set taken from the styles it is based on. */
  resolve(styleId: string | null): ParagraphStyle {
    const out: ParagraphStyle = { numId: null, ilvl: null, bold: null };
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = this.#raw.get(id)?.basedOn ?? null) {
      seen.add(id);
      const own = this.#raw.get(id)?.own;
      if (!own) break;
      out.numId ??= own.numId;
      out.ilvl ??= own.ilvl;
      out.bold ??= own.bold;
    }
    return out;
  }
}

const numberOrNull = (v: string | undefined): number | null => (v === undefined ? null : Number(v) || 0);

/** A w:b-like toggle: present means on unless its w:val says "0"/"false"/"off"; absent is null (inherit). */
export function onOff(el: XmlElement | undefined): boolean | null {
  if (!el) return null;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
