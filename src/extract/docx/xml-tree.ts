import { SaxesParser } from 'saxes';

/** An XML element with its attributes (qualified names as written: "w:val") and children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Parses one XML part of a Word package into a tree. A part with a DOCTYPE is
 * refused: Word never writes one, and a DTD is how entity-expansion attacks
 * ("billion laughs") and external entities get in. saxes itself knows only
 * the five predefined entities and character references, so nothing else is
 * ever expanded.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('doctype', () => {
    failure ??= new Error('a DOCTYPE (document type declaration) is not allowed in a Word part');
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => void stack.at(-1)!.children.push(text));
  parser.write(xml).close();
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  return top;
}

/** Child elements, optionally only those named `name`. */
export function elements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The first child element named `name`. */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => elements(el, name)[0];

/** A child's attribute by path: `attrAt(pPr, ['w:numPr', 'w:ilvl'], 'w:val')`. */
export function attrAt(el: XmlElement | undefined, path: readonly string[], attr: string): string | undefined {
  let at = el;
  for (const name of path) at = child(at, name);
  return at?.attrs[attr];
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(el);
  return found;
}

/** The element's text content (character data of it and its descendants). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
