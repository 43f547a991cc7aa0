/**
 * A child for src/core/child-runner.ts tests, with tasks that answer,
 * throw, crash and hang on purpose (as BullMQ's own tests do with processors).
 */
// the two modules it needs, not the core's index (which loads pdfjs): children start faster
import { serveChildTasks } from '../../src/core/child-tasks.js';
import { InputError } from '../../src/core/input-error.js';

serveChildTasks({
  echo: async (input) => ({ input, pid: process.pid }),
  bytes: async (input) => Buffer.alloc(Number(input), 7),
  'throw-input-error': async () => {
    throw new InputError('corrupt-image', 'cannot read the PNG header');
  },
  segfault: async () => {
    process.kill(process.pid, 'SIGSEGV');
    await new Promise((r) => setTimeout(r, 10_000));
  },
  hang: () => new Promise(() => setInterval(() => {}, 1000)),
});
