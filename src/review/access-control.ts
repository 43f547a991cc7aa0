import type { NextFunction, Request, Response } from 'express';
import type { ApiTokenScope } from '../../schemas/index.js';
import { scopeAllows, type ApiTokens } from './api-tokens.js';
import type { Session, Sessions } from './sessions.js';

/**
 * Who is asking: a signed-in reviewer (session cookie, and the CSRF token
 * on writes) or a downstream system (an API token: no cookie, so no CSRF to
 * guard against). Set on `res.locals.principal` by {@link identify}.
 */
export type Principal = { kind: 'session'; session: Session } | { kind: 'token'; name: string; scope: ApiTokenScope };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** API paths anyone may use: signing in and out, whether one is signed in, health, and the published schemas (no document data). */
const PUBLIC_API = [/^\/health$/, /^\/session$/, /^\/login$/, /^\/logout$/, /^\/schemas\/[^/]+$/];

export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | undefined) ?? null;
}

function scopeOf(p: Principal): ApiTokenScope {
  if (p.kind === 'token') return p.scope;
  return p.session.role === 'admin' ? 'admin' : 'review';
}

/**
 * Finds the principal of a request. An `Authorization` header must carry
 * a valid `Bearer` token (401 otherwise: a wrong token is an error to see,
 * not a silent fall-back to anonymous); without one, the session cookie.
 */
export function identify(sessions: Sessions, tokens: ApiTokens) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization');
    if (header === undefined) {
      const session = sessions.get(req);
      if (session) res.locals.principal = { kind: 'session', session } satisfies Principal;
      return next();
    }
    const token = /^Bearer ([\x21-\x7e]+)$/.exec(header.trim())?.[1];
    const found = token ? await tokens.verify(token) : null;
    if (!found) return void res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: 'unknown or revoked API token (send Authorization: Bearer <token>)' });
    res.locals.principal = { kind: 'token', name: found.name, scope: found.scope } satisfies Principal;
    next();
  };
}

/**
 * Every API route but the public ones needs a principal: reads (GET) a
 * session or a token of any scope, unless `publicRead` (serve
 * --public-read) opens them; writes are checked further by
 * {@link requireWriter}.
 */
export function requireApiAccess(publicRead: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (PUBLIC_API.some((p) => p.test(req.path))) return next();
    if (principalOf(res) || (publicRead && SAFE_METHODS.has(req.method))) return next();
    res.status(401).json({ error: 'sign in first, or send an API token (Authorization: Bearer …)' });
  };
}

/** Middleware for edits: a signed-in reviewer with the session's CSRF token, or a token of scope review or admin; and a JSON body. */
export function requireWriter() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const p = principalOf(res);
    if (!p) return void res.status(401).json({ error: 'sign in first' });
    if (p.kind === 'token' && !scopeAllows(p.scope, 'review')) return void res.status(403).json({ error: `the token ${p.name} may only read (scope ${p.scope}); edits need scope review` });
    if (p.kind === 'session' && req.get('x-csrf-token') !== p.session.csrf) return void res.status(403).json({ error: 'missing or wrong CSRF token' });
    if (req.method !== 'DELETE' && !req.is('application/json')) return void res.status(415).json({ error: 'send JSON' });
    // "token:" cannot start a reviewer's name (letters, digits, . _ -), so the audit trail tells them apart
    res.locals.reviewer = p.kind === 'session' ? p.session.reviewer : `token:${p.name}`;
    next();
  };
}

/**
 * Middleware for the queue dashboard: a signed-in admin or an admin token.
 * Its own writes are further guarded: read-only unless `serve
 * --dashboard-actions`, and jobs that anything but plan-ingest adds are
 * refused by the workers (unsigned).
 */
export function requireAdmin() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const p = principalOf(res);
    if (!p) return void res.status(401).type('text/plain').send('Sign in on the review page (/) with an admin account first.');
    if (!scopeAllows(scopeOf(p), 'admin')) {
      const hint = p.kind === 'session' ? `\`plan-ingest reviewer add ${p.session.reviewer} --admin\` makes them one` : 'a token of scope admin is needed';
      return void res.status(403).type('text/plain').send(`${p.kind === 'session' ? p.session.reviewer : `token ${p.name}`} is not an admin: ${hint}.`);
    }
    if (p.kind === 'session' && !SAFE_METHODS.has(req.method) && req.get('x-csrf-token') !== p.session.csrf && !sameOrigin(req)) return void res.status(403).type('text/plain').send('cross-site request refused');
    next();
  };
}

/** A browser's write from our own origin (bull-board's UI sends no CSRF header; SameSite=Strict and this check stand in). */
function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  return origin !== undefined && origin === `${req.protocol}://${req.get('host')}`;
}

/**
 * Refuses a state-changing request whose `Origin` (when the browser sends
 * one) is not the site served: the Host the request came to, or a name
 * allowed with --allow-host. SameSite=Strict treats every port of
 * localhost as the same site, so without this a page served on another
 * local port could post sign-ins (a login flood, login CSRF) from a
 * visitor's browser. Clients other than browsers send no Origin and pass.
 */
export function checkOrigin(allowedHosts: readonly string[]) {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (SAFE_METHODS.has(req.method) || origin === undefined) return next();
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // "null" (sandboxed frames, file: pages) and garbage are no origin of ours
    }
    if (url && (url.host === (req.get('host') ?? '').toLowerCase() || allowed.has(url.hostname))) return next();
    res.status(403).json({ error: 'cross-origin request refused' });
  };
}
