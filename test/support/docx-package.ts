import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A w:document around body XML. */
export const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
/** A w:numbering part around abstractNum/num XML. */
export const numberingXml = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${inner}</w:numbering>`;
export const stylesXml = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${inner}</w:styles>`;
export const headerXml = (inner: string, tag: 'hdr' | 'ftr' = 'hdr'): string => `<?xml version="1.0" encoding="UTF-8"?><w:${tag} ${W}>${inner}</w:${tag}>`;
export const relsXml = (rels: Record<string, string>): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(rels)
    .map(([id, target]) => `<Relationship Id="${id}" Type="x" Target="${target}"/>`)
    .join('')}</Relationships>`;

/** A paragraph: text runs, optionally numbered (numId, ilvl), bold, with a style. */
export function p(text: string, opts: { num?: [string, number]; bold?: boolean; style?: string } = {}): string {
  const numPr = opts.num ? `<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>` : '';
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const rPr = opts.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p><w:pPr>${style}${numPr}</w:pPr><w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A Word package with these parts (word/document.xml at least), zipped as Word does. */
export function docxBytes(parts: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

/** Writes a package to dir/name and returns the path. */
export function writeDocx(dir: string, name: string, parts: Record<string, string>): string {
  const path = join(dir, name);
  writeFileSync(path, docxBytes(parts));
  return path;
}
