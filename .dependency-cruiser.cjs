/**
 * Dependency direction (../shared/STYLE.md): stages never import each other;
 * everything may use src/core, src/lexicon and schemas/; the lexicon only core and schemas; schemas import only zod; only the
 * CLI imports src/review; nothing imports src/cli or workers/; the queue sits
 * above the pipeline and below the CLI and the review server. Checked by test/unit/architecture.
 */
const STAGES = ['intake', 'extract', 'ocr', 'restore', 'layout', 'segment', 'records', 'output'];
module.exports = {
  forbidden: [
    ...STAGES.map((stage) => ({
      name: `stage-${stage}-imports-another-stage`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(${STAGES.filter((s) => s !== stage).join('|')}|pipeline|queue|review|cli)/` },
    })),
    { name: 'core-imports-upward', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/(?!core/)' } },
    // the lexicon (what the pipeline knows about Vietnamese plans, as data) sits between core and the stages
    { name: 'lexicon-imports-upward', severity: 'error', from: { path: '^src/lexicon/' }, to: { path: '^src/(?!core/|lexicon/)' } },
    { name: 'schemas-import-code', severity: 'error', from: { path: '^schemas/' }, to: { path: '^(src|workers)/' } },
    { name: 'only-cli-imports-review', severity: 'error', from: { pathNot: '^src/(review|cli)/' }, to: { path: '^src/review/' } },
    { name: 'queue-imports-upward', severity: 'error', from: { path: '^src/queue/' }, to: { path: '^src/(review|cli)/' } },
    { name: 'nothing-imports-cli', severity: 'error', from: { pathNot: '^src/cli/' }, to: { path: '^src/cli/' } },
    { name: 'nothing-imports-workers', severity: 'error', from: { pathNot: '^workers/' }, to: { path: '^workers/' } },
    { name: 'pipeline-without-queue', severity: 'error', from: { path: '^src/pipeline/' }, to: { path: '^src/(queue|review|cli)/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|scripts|dist)/' },
  },
};
