import { z } from 'zod';

/** A task sent to a child: its id (unique per child), the handler's name and its input. */
export const ChildRequest = z.object({ id: z.number().int(), task: z.string(), input: z.unknown() });
export type ChildRequest = z.infer<typeof ChildRequest>;

/** A child's answer: the handler's value, or its error as data (name, code, message). */
export const ChildReply = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.object({ name: z.string(), message: z.string(), code: z.string().nullable() }) }),
]);
export type ChildReply = z.infer<typeof ChildReply>;

/** What a child can do: named async handlers (each validates its own input). */
export type ChildHandlers = Record<string, (input: unknown) => Promise<unknown>>;

/**
 * The child side of src/core/child-runner.ts: answers each request on the
 * IPC channel with its handler's value, or its error as data (a thrown
 * error is a failed task, not a dead child). Exits when the parent goes
 * away (its IPC channel closes), so no child outlives the process that
 * started it; SIGINT and SIGTERM are left to the parent.
 */
export function serveChildTasks(handlers: ChildHandlers): void {
  if (!process.send) throw new Error('serveChildTasks: not started by child-runner (no IPC channel)');
  const send = (reply: ChildReply) => process.send!(reply);
  process.on('message', (message: unknown) => {
    const request = ChildRequest.safeParse(message);
    if (!request.success) return; // not ours: nothing to answer
    const { id, task, input } = request.data;
    const handler = handlers[task];
    if (!handler) return void send({ id, ok: false, error: { name: 'Error', message: `unknown task "${task}"`, code: null } });
    handler(input).then(
      (value) => send({ id, ok: true, value }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = (e as { code?: unknown }).code;
        send({ id, ok: false, error: { name: e.name, message: e.message, code: typeof code === 'string' ? code : null } });
      },
    );
  });
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C and a service manager's SIGTERM reach the whole process group: the parent decides
  // when to stop (it may let running work finish), and this child follows it through `disconnect`
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
}
