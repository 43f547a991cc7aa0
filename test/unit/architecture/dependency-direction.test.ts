import { createRequire } from 'node:module';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('dependency direction', () => {
  it('has no forbidden imports between stages and layers', async () => {
    const ruleSet = require('../../../.dependency-cruiser.cjs');
    const result: IReporterOutput = await cruise(['src', 'schemas', 'workers'].filter((d) => require('node:fs').existsSync(d)), {
      ruleSet,
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '^(test|scripts|dist)/' },
    }, undefined, { tsConfig: { fileName: 'tsconfig.json' } } as never);
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    const violations = output.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(output.summary.totalCruised).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  });
});
