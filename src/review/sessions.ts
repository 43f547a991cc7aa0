import { randomBytes } from 'node:crypto';
import type { Request } from 'express';

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
 * CSRF token in a header and a JSON body, which a foreign page cannot send
 * (see access-control.ts).
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
