import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, PUBLISHED_SCHEMAS, toJsonSchema } from '../../../schemas/index.js';

describe('published JSON Schema files', () => {
  for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
    it(`schemas/${name} is up to date with the zod schemas (run npm run schemas)`, () => {
      const committed = JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), 'utf8'));
      expect(committed).toEqual(toJsonSchema(name));
    });
  }

  it('carries every field ../shared/CONTRACT.md names', () => {
    const shape = Document.shape;
    for (const key of ['schemaVersion', 'id', 'source', 'metadata', 'pages', 'indicators', 'assignments']) expect(shape).toHaveProperty(key);
    expect(Object.keys(shape.source.shape)).toEqual(expect.arrayContaining(['file', 'sha256', 'pages']));
    expect(Object.keys(shape.metadata.shape)).toEqual(expect.arrayContaining(['issuer', 'number', 'date', 'place', 'title']));
    const page = shape.pages.element.shape;
    expect(Object.keys(page)).toEqual(expect.arrayContaining(['number', 'origin', 'text']));
    const ind = shape.indicators.element.shape;
    expect(Object.keys(ind)).toEqual(expect.arrayContaining(['id', 'code', 'name', 'unit', 'targets', 'agencies', 'directing', 'lead', 'output', 'source', 'confidence']));
    const asg = shape.assignments.element.shape;
    expect(Object.keys(asg)).toEqual(expect.arrayContaining(['id', 'code', 'section', 'task', 'lead', 'cooperating', 'timeline', 'output', 'directing', 'notes', 'source', 'confidence']));
  });
});
