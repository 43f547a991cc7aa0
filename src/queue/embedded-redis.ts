import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** Where an embedded redis-server lives: its unix socket and its AOF files, in the data dir. */
export interface EmbeddedRedis {
  socket: string;
  /** Present when this process started the server (and so stops it). */
  stop?: () => Promise<void>;
}

const INSTALL_HINT = 'install the Debian package redis-server (apt-get install redis-server), or set REDIS_URL to a running Redis';

export interface EmbeddedRedisOptions {
  /**
   * Where the lines about a server that died and was restarted go.
   * Default: one line on stderr ("plan-ingest: embedded redis-server exited (SIGKILL); restarting in 1 s").
   */
  onEvent?: (line: string) => void;
}

/** Back-off between restarts of a server that keeps dying: 1, 2, 4 … s, at most 30 s; reset once it has stayed up a minute. */
const RESTART_DELAYS = { firstMs: 1000, maxMs: 30_000, healthyMs: 60_000 };

/**
 * Starts `redis-server` on a unix socket in `dir`, with append-only-file
 * persistence (fsync every second) so that queued work survives a crash or
 * restart, and no TCP port. When a server already answers on that socket
 * (another plan-ingest process on this machine started it), it is used as is.
 * A server this process started is watched: when it dies (killed, out of
 * memory) it is started again on the same socket, from its AOF, after a
 * back-off, and the clients (which retry forever) carry on.
 */
export async function startEmbeddedRedis(dir: string, opts: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const socket = join(dir, 'redis.sock');
  if (socket.length > 100) throw new Error(`the data dir path is too long for a unix socket (${socket}); set PLAN_INGEST_DATA_DIR to a shorter path, or REDIS_URL`);
  if (await answers(socket)) return { socket };
  const say = opts.onEvent ?? ((line: string) => process.stderr.write(`plan-ingest: ${line}\n`));
  let child = await launch(dir, socket);
  let stopped = false;
  let failures = 0;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  const supervise = (server: ChildProcess): void => {
    server.once('exit', (code, signal) => {
      if (stopped) return;
      if (Date.now() - startedAt > RESTART_DELAYS.healthyMs) failures = 0;
      const delay = Math.min(RESTART_DELAYS.maxMs, RESTART_DELAYS.firstMs * 2 ** failures++);
      say(`embedded redis-server exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      const restart = async (): Promise<void> => {
        timer = null;
        if (stopped) return;
        try {
          if (await answers(socket)) return say('another redis-server answers on the socket now; using it');
          child = await launch(dir, socket);
          if (stopped) return void (await stopChild(child));
          startedAt = Date.now();
          supervise(child);
          say(`embedded redis-server restarted (pid ${child.pid})`);
        } catch (e) {
          const next = Math.min(RESTART_DELAYS.maxMs, RESTART_DELAYS.firstMs * 2 ** failures++);
          say(`embedded redis-server could not be restarted (${(e as Error).message.split('\n')[0]}); trying again in ${next / 1000} s`);
          timer = setTimeout(() => void restart(), next);
        }
      };
      timer = setTimeout(() => void restart(), delay);
    });
  };
  supervise(child);
  return {
    socket,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await stopChild(child);
    },
  };
}

/** Starts one redis-server on `socket` and resolves once it answers. */
async function launch(dir: string, socket: string): Promise<ChildProcess> {
  await rm(socket, { force: true });
  const child = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      settled = true;
      clearInterval(poll);
      reject(new Error(why));
    };
    const exited = (code: number | null) => fail(`redis-server exited (code ${code}) while starting:\n${output.trim()}`);
    child.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? `redis-server not found: ${INSTALL_HINT}` : `cannot start redis-server: ${e.message}`));
    child.once('exit', exited);
    const started = Date.now();
    const poll = setInterval(() => {
      void answers(socket).then((ok) => {
        // polls overlap: only the first answer counts (a later one must not touch the listeners the caller adds)
        if (settled) return;
        if (ok) {
          settled = true;
          clearInterval(poll);
          child.off('exit', exited);
          resolve();
        } else if (Date.now() - started > 20_000) {
          child.kill('SIGKILL');
          fail('redis-server did not answer within 20 s');
        }
      });
    }, 50);
  });
  return child;
}

/** Stops the server (SIGTERM: it flushes its AOF) and waits for it to exit. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Whether a Redis answers PING on the socket. */
async function answers(socket: string): Promise<boolean> {
  const client = new Redis({ path: socket, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
