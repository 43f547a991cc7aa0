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

/**
 * Starts `redis-server` on a unix socket in `dir`, with append-only-file
 * persistence (fsync every second) so that queued work survives a crash or
 * restart, and no TCP port. When a server already answers on that socket
 * (another plan-ingest process on this machine started it), it is used as is.
 */
export async function startEmbeddedRedis(dir: string): Promise<EmbeddedRedis> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const socket = join(dir, 'redis.sock');
  if (socket.length > 100) throw new Error(`the data dir path is too long for a unix socket (${socket}); set PLAN_INGEST_DATA_DIR to a shorter path, or REDIS_URL`);
  if (await answers(socket)) return { socket };
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
    const fail = (why: string) => {
      clearInterval(poll);
      reject(new Error(why));
    };
    child.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? `redis-server not found: ${INSTALL_HINT}` : `cannot start redis-server: ${e.message}`));
    child.once('exit', (code) => fail(`redis-server exited (code ${code}) while starting:\n${output.trim()}`));
    const started = Date.now();
    const poll = setInterval(() => {
      void answers(socket).then((ok) => {
        if (ok) {
          clearInterval(poll);
          child.removeAllListeners('exit');
          resolve();
        } else if (Date.now() - started > 20_000) {
          child.kill('SIGKILL');
          fail('redis-server did not answer within 20 s');
        }
      });
    }, 50);
  });
  return { socket, stop: () => stopChild(child) };
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
