import { afterEach, describe, expect, it } from 'vitest';
import { ChildRunner, isChildFailure, isInputError } from '../../../src/core/index.js';

const entry = new URL('../../support/test-child.ts', import.meta.url);

describe('child runner', () => {
  const runners: ChildRunner[] = [];
  const start = (opts: Partial<ConstructorParameters<typeof ChildRunner>[0]> = {}): ChildRunner => {
    const r = new ChildRunner({ entry, label: 'test child', ...opts });
    runners.push(r);
    return r;
  };
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.close();
  });

  it('runs tasks in one reused child, passing bytes as they are', async () => {
    const runner = start();
    const a = (await runner.run('echo', { page: 1 })) as { input: unknown; pid: number };
    const b = (await runner.run('echo', { page: 2 })) as { input: unknown; pid: number };
    expect(a.input).toEqual({ page: 1 });
    expect(b.pid).toBe(a.pid);
    expect(a.pid).not.toBe(process.pid);
    const bytes = (await runner.run('bytes', 1_000_000)) as Uint8Array;
    expect(bytes.length).toBe(1_000_000);
    expect(bytes[999_999]).toBe(7);
  });

  it('turns a child that dies under a task into a failure with the signal and the page, and goes on with a new child', async () => {
    const runner = start();
    const before = (await runner.run('echo', null)) as { pid: number };
    const crash = await runner.run('segfault', null, { what: 'on page 3' }).catch((e: unknown) => e);
    expect(isChildFailure(crash)).toBe(true);
    expect((crash as Error).message).toBe('test child crashed (SIGSEGV) on page 3');
    const after = (await runner.run('echo', null)) as { pid: number };
    expect(after.pid).not.toBe(before.pid);
  });

  it('kills a task past its time limit and says so; the next task runs', async () => {
    const runner = start({ timeoutMs: 60_000 });
    const started = Date.now();
    const hung = await runner.run('hang', null, { timeoutMs: 300, what: 'on page 7', label: 'page renderer' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isChildFailure(hung) && hung.code).toBe('timed-out');
    expect((hung as Error).message).toBe('page renderer took longer than 0.3 s on page 7; stopped');
    expect(await runner.run('echo', 'next')).toMatchObject({ input: 'next' });
  });

  it('brings a thrown error back as an error (an InputError stays one), with the child alive', async () => {
    const runner = start();
    const before = (await runner.run('echo', null)) as { pid: number };
    const error = await runner.run('throw-input-error', null).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe('cannot read the PNG header');
    expect(((await runner.run('echo', null)) as { pid: number }).pid).toBe(before.pid);
  });

  it('spreads tasks over several children and replaces a child after maxTasks', async () => {
    const runner = start({ size: 2, maxTasks: 2 });
    const pids = await Promise.all([1, 2, 3, 4].map(async (n) => ((await runner.run('echo', n)) as { pid: number }).pid));
    expect(new Set(pids).size).toBeGreaterThanOrEqual(2);
    for (const pid of new Set(pids)) expect(pids.filter((p) => p === pid).length).toBeLessThanOrEqual(2);
  });
});
