import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const SESSION_COOKIE = 'plan_ingest_session';
const LIFETIME_MS = 12 * 3600 * 1000;

export interface Session {
  reviewer: string;
  role: 'reviewer' | 'admin';
  /** Sent back by the page in the X-CSRF-Token header of every write. */
  csrf: string;
  expires: number;
}

/**
 * Signed-in reviewers, in memory (a restart signs everyone out). The session
 * cookie is HttpOnly and SameSite=Strict; writes also need the session's
 * CSRF token in a header and a JSON body, which a foreign page cannot send.
 */
export class Sessions {
  readonly #byToken = new Map<string, Session>();

  create(reviewer: string, role: Session['role'] = 'reviewer'): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session = { reviewer, role, csrf: randomBytes(24).toString('base64url'), expires: Date.now() + LIFETIME_MS };
    this.#byToken.set(token, session);
    return { token, session };
  }

  get(req: Request): Session | null {
    const token = cookie(req, SESSION_COOKIE);
    const session = token ? this.#byToken.get(token) : undefined;
    if (!session) return null;
    if (session.expires < Date.now()) {
      this.#byToken.delete(token!);
      return null;
    }
    return session;
  }

  destroy(req: Request): void {
    const token = cookie(req, SESSION_COOKIE);
    if (token) this.#byToken.delete(token);
  }

  /** Middleware for writes: a signed-in reviewer, the CSRF token, a JSON body. */
  requireWriter() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const session = this.get(req);
      if (!session) return void res.status(401).json({ error: 'sign in first' });
      if (req.get('x-csrf-token') !== session.csrf) return void res.status(403).json({ error: 'missing or wrong CSRF token' });
      if (req.method !== 'DELETE' && !req.is('application/json')) return void res.status(415).json({ error: 'send JSON' });
      res.locals.reviewer = session.reviewer;
      next();
    };
  }
}

/**
 * Middleware for the queue dashboard: a signed-in admin. Its own writes are
 * further guarded: read-only unless `serve --dashboard-actions`, and jobs
 * that anything but plan-ingest adds are refused by the workers (unsigned).
 */
export function requireAdmin(sessions: Sessions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const session = sessions.get(req);
    if (!session) return void res.status(401).type('text/plain').send('Sign in on the review page (/) with an admin account first.');
    if (session.role !== 'admin') return void res.status(403).type('text/plain').send(`${session.reviewer} is not an admin: \`plan-ingest reviewer add ${session.reviewer} --admin\` makes them one.`);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.get('x-csrf-token') !== session.csrf && !sameOrigin(req)) return void res.status(403).type('text/plain').send('cross-site request refused');
    next();
  };
}

/** A browser's write from our own origin (bull-board's UI sends no CSRF header; SameSite=Strict and this check stand in). */
function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  return origin !== undefined && origin === `${req.protocol}://${req.get('host')}`;
}

/** Cookie header value by name (no dependency for one header). */
function cookie(req: Request, name: string): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a malformed cookie is no session, not a server error
    }
  }
  return null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${LIFETIME_MS / 1000}${secure ? '; Secure' : ''}`;
}
