import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChildFailure } from './child-failure.js';
import { ChildReply } from './child-tasks.js';
import { InputError, type InputErrorCode } from './input-error.js';

export interface ChildRunnerOptions {
  /**
   * The child's module, which calls `serveChildTasks` (child-tasks.ts). A
   * `.ts` module (development, tests) is run through tsx; the built `.js` needs nothing.
   */
  entry: URL;
  /** What the child is called in reasons: "page renderer" → "page renderer crashed (SIGSEGV) on page 3". */
  label: string;
  /** Children at most, each running one task at a time; more tasks wait their turn. Default 1. */
  size?: number;
  /** A child is replaced after this many tasks, so that what native code leaks stays bounded. Default 200. */
  maxTasks?: number;
  /** A child idle this long is stopped (ms); the next task starts a new one. Default 30000. */
  idleMs?: number;
  /** Wall-time limit of a task (ms) when its call gives none: past it the child is killed. Default none. */
  timeoutMs?: number;
  /** Extra node flags for the children (`--max-old-space-size=1024`). Default none. */
  execArgv?: readonly string[];
}

/** Per call. */
export interface ChildTaskOptions {
  /** Wall-time limit (ms); overrides the runner's. */
  timeoutMs?: number;
  /** Said after the label in a failure's reason: "on page 3". */
  what?: string;
  /** Overrides the runner's label for this call ("image decoder"). */
  label?: string;
}

interface Pending {
  task: string;
  input: unknown;
  opts: ChildTaskOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  child: ChildProcess;
  tasks: number;
  current: (Pending & { id: number; timer: NodeJS.Timeout | null }) | null;
  idle: NodeJS.Timeout | null;
  stderr: string;
  /** Set when this side killed it (time limit, close): its exit is no crash. */
  stopping: boolean;
}

/**
 * Runs tasks in child processes (node:child_process fork), so that code
 * which can abort the whole process — a native decoder that cannot
 * allocate (Skia's SIGILL on a PNG claiming 65535² pixels), a renderer that
 * segfaults — takes down only its child. Children are reused for many
 * tasks (a fork costs a few hundred ms; a task, a page). A child that dies
 * under a task rejects it with a ChildFailure ("page renderer crashed
 * (SIGILL) on page 3"); a task past its time limit has its child killed
 * and is rejected the same way ("timed-out"). The next task gets a fresh
 * child. Errors the task throws come back as errors (an InputError stays
 * one); the parent never dies of the child.
 */
export class ChildRunner {
  readonly #opts: Required<Omit<ChildRunnerOptions, 'timeoutMs'>> & { timeoutMs: number | null };
  readonly #slots = new Set<Slot>();
  readonly #waiting: Pending[] = [];
  #nextId = 1;
  #closed = false;

  constructor(opts: ChildRunnerOptions) {
    this.#opts = {
      entry: opts.entry,
      label: opts.label,
      size: Math.max(1, opts.size ?? 1),
      maxTasks: opts.maxTasks ?? 200,
      idleMs: opts.idleMs ?? 30_000,
      execArgv: opts.execArgv ?? [],
      timeoutMs: opts.timeoutMs ?? null,
    };
  }

  /** Runs `task` with `input` in a child; resolves with its value (validate it: it crossed a process boundary). */
  run(task: string, input: unknown, opts: ChildTaskOptions = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error(`${this.#opts.label}: closed`));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ task, input, opts, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every child (tasks still waiting are rejected) and waits for them to exit. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#waiting.splice(0)) p.reject(new Error(`${this.#opts.label}: closed`));
    await Promise.all([...this.#slots].map((s) => this.#stop(s)));
  }

  #dispatch(): void {
    while (this.#waiting.length) {
      const slot = [...this.#slots].find((s) => !s.current && !s.stopping) ?? (this.#slots.size < this.#opts.size ? this.#spawn() : null);
      if (!slot) return;
      this.#start(slot, this.#waiting.shift()!);
    }
  }

  #start(slot: Slot, pending: Pending): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const id = this.#nextId++;
    const limit = pending.opts.timeoutMs ?? this.#opts.timeoutMs;
    const timer = limit === null ? null : setTimeout(() => this.#timedOut(slot, limit), limit);
    slot.current = { ...pending, id, timer };
    // a child at work keeps this process alive (it awaits the answer); an idle one does not
    slot.child.ref();
    slot.child.channel?.ref();
    (slot.child.stderr as { ref?: () => void } | null)?.ref?.();
    try {
      // a failed send means the child is gone: its exit reports the crash
      slot.child.send({ id, task: pending.task, input: pending.input }, () => {});
    } catch (e) {
      // the input cannot be serialized: the task fails, the child is fine
      this.#settle(slot, e as Error);
      this.#rest(slot);
    }
  }

  #spawn(): Slot {
    const entry = fileURLToPath(this.#opts.entry);
    const ts = entry.endsWith('.ts');
    const child = fork(entry, [], {
      execArgv: [...(ts ? ['--import', tsxLoader()] : []), ...this.#opts.execArgv],
      serialization: 'advanced', // Buffers and typed arrays (page images) cross without base64
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { child, tasks: 0, current: null, idle: null, stderr: '', stopping: false };
    this.#slots.add(slot);
    child.stderr?.on('data', (d: Buffer) => (slot.stderr = (slot.stderr + d.toString()).slice(-2000)));
    child.on('message', (message: unknown) => this.#reply(slot, message));
    child.on('error', (e) => this.#fail(slot, e));
    child.on('exit', (code, signal) => {
      this.#slots.delete(slot);
      if (slot.idle) clearTimeout(slot.idle);
      if (slot.current && slot.stopping) this.#settle(slot, new Error(`${this.#describe(slot.current)}: stopped`));
      else if (slot.current) {
        const how = signal ?? `exit code ${code}`;
        this.#settle(slot, new ChildFailure('crashed', this.#reason(slot.current, `crashed (${how})`), { signal, exitCode: code, stderr: slot.stderr }));
      }
      this.#dispatch();
    });
    return slot;
  }

  #reply(slot: Slot, message: unknown): void {
    const reply = ChildReply.safeParse(message);
    if (!reply.success || !slot.current || reply.data.id !== slot.current.id) return;
    slot.tasks++;
    if (reply.data.ok) this.#settle(slot, null, reply.data.value);
    else this.#settle(slot, revive(reply.data.error));
    if (slot.tasks >= this.#opts.maxTasks) void this.#stop(slot);
    else this.#rest(slot);
    this.#dispatch();
  }

  /** An idle child lets this process exit, and is stopped after `idleMs`. */
  #rest(slot: Slot): void {
    if (slot.current || slot.stopping) return;
    slot.child.unref();
    slot.child.channel?.unref();
    (slot.child.stderr as { unref?: () => void } | null)?.unref?.();
    slot.idle = setTimeout(() => void this.#stop(slot), this.#opts.idleMs);
    slot.idle.unref();
  }

  #timedOut(slot: Slot, ms: number): void {
    const current = slot.current;
    if (!current) return;
    slot.stopping = true;
    slot.child.kill('SIGKILL');
    const seconds = ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
    this.#settle(slot, new ChildFailure('timed-out', `${this.#reason(current, `took longer than ${seconds}`)}; stopped`, { signal: 'SIGKILL', exitCode: null, stderr: slot.stderr }));
    this.#dispatch();
  }

  /** The child could not be started (or signalled): its task fails and the slot is given up. */
  #fail(slot: Slot, e: Error): void {
    slot.stopping = true;
    this.#slots.delete(slot);
    slot.child.kill('SIGKILL');
    if (slot.current) this.#settle(slot, new Error(`${this.#describe(slot.current)} could not run: ${e.message}`));
    this.#dispatch();
  }

  /** Ends the current task with an error or a value. */
  #settle(slot: Slot, error: Error | null, value?: unknown): void {
    const current = slot.current;
    if (!current) return;
    slot.current = null;
    if (current.timer) clearTimeout(current.timer);
    if (error) current.reject(error);
    else current.resolve(value);
  }

  /** "page renderer crashed (SIGSEGV) on page 3". */
  #reason(p: Pending, happened: string): string {
    return `${p.opts.label ?? this.#opts.label} ${happened}${p.opts.what ? ` ${p.opts.what}` : ''}`;
  }

  #describe(p: Pending): string {
    return `${p.opts.label ?? this.#opts.label}${p.opts.what ? ` ${p.opts.what}` : ''}`;
  }

  async #stop(slot: Slot): Promise<void> {
    slot.stopping = true;
    if (slot.idle) clearTimeout(slot.idle);
    const child = slot.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // a child exits when its channel closes (serveChildTasks); one stuck in native code is killed
    if (child.connected) child.disconnect();
    const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(kill);
  }
}

/** A task's error as the child reported it, as an error again (an InputError stays one: the file cannot be processed). */
function revive(e: { name: string; message: string; code: string | null }): Error {
  if (e.name === 'InputError' && e.code) return new InputError(e.code as InputErrorCode, e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/** tsx's loader, found from this module (the child's working folder may be anywhere). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
