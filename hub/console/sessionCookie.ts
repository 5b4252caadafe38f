import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AlprError } from '../../core/index.js';

/** The console's session: the same token the API issues, kept where page scripts cannot read it. */
export const SESSION_COOKIE = 'alpr_session';
/** Readable by the page, which echoes it in X-CSRF-Token (double submit, bound to the session). */
export const CSRF_COOKIE = 'alpr_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
/** The session cookie's value in a Set-Cookie header. */
const ISSUED_SESSION = new RegExp(`^${SESSION_COOKIE}=([^;]*)`);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token for a session: a hash of the session token, so another site can neither read it
 * (the cookie is same-origin) nor compute it (the session cookie is HttpOnly), and the hub keeps no
 * second secret per session.
 */
export function csrfToken(sessionToken: string): string {
  return createHash('sha256').update(`alpr-console-csrf:${sessionToken}`).digest('base64url');
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

/**
 * The session token behind a request: a bearer header (API clients), else the console's cookie.
 * A cookie alone never changes state: an unsafe method also needs X-CSRF-Token matching the
 * session and, when the browser names an Origin, this host as that origin.
 */
export function sessionToken(request: FastifyRequest): string {
  const bearer = bearerToken(request);
  if (bearer) return bearer;
  const cookie = cookieToken(request);
  if (!cookie) throw new AlprError('ALPR_ERR_SESSION_EXPIRED', 'sign in: send Authorization: Bearer <token>, or sign in to the console');
  if (!SAFE_METHODS.has(request.method)) {
    const origin = request.headers.origin;
    if (origin !== undefined && !sameHost(origin, request.headers.host)) throw new AlprError('ALPR_ERR_CSRF', `a console request from another origin (${origin}) was refused`);
    const sent = Buffer.from(String(request.headers[CSRF_HEADER] ?? ''));
    const expected = Buffer.from(csrfToken(cookie));
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw new AlprError('ALPR_ERR_CSRF', 'the X-CSRF-Token header is missing or does not match the session: reload the console');
  }
  return cookie;
}

function bearerToken(request: FastifyRequest): string | null {
  return /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

function cookieToken(request: FastifyRequest): string | null {
  const cookie = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  return cookie && TOKEN.test(cookie) ? cookie : null;
}

/**
 * The token a request presents, as sessionToken reads it (bearer first, else the console's
 * cookie), without the CSRF checks: for checks that must follow whichever token will be used
 * (the device binding, hub/tls/clientCertPlugin.ts). Null when none is presented.
 */
export function presentedToken(request: FastifyRequest): string | null {
  return bearerToken(request) ?? cookieToken(request);
}

/** The session token a reply's Set-Cookie hands the browser, or null. */
export function issuedCookieToken(setCookie: string | string[] | number | undefined): string | null {
  const headers = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
  for (const header of headers) {
    const token = ISSUED_SESSION.exec(header)?.[1];
    if (token && TOKEN.test(token)) return token;
  }
  return null;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Set-Cookie values for a new console session; Secure whenever the hub serves TLS. */
export function sessionCookies(token: string, o: { secure: boolean; maxAgeS: number }): string[] {
  const flags = `Path=/; SameSite=Strict; Max-Age=${o.maxAgeS}${o.secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=${token}; HttpOnly; ${flags}`, `${CSRF_COOKIE}=${csrfToken(token)}; ${flags}`];
}

export function clearedCookies(secure: boolean): string[] {
  const flags = `Path=/; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=; HttpOnly; ${flags}`, `${CSRF_COOKIE}=; ${flags}`];
}
