/** A refusal or failure from the hub, with its stable code (docs/errors.md) and its plain message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();
const activityListeners = new Set<Listener>();

/** Called when the hub says the session is over (signed out, idle-locked, deactivated). */
export function onSignedOut(fn: Listener): () => void {
  signedOutListeners.add(fn);
  return () => signedOutListeners.delete(fn);
}
/** Called on every answered call: the hub counts each one as activity for its idle lock. */
export function onActivity(fn: Listener): () => void {
  activityListeners.add(fn);
  return () => activityListeners.delete(fn);
}

/** The CSRF token the hub set beside the HttpOnly session cookie; echoed on every state change. */
function csrfToken(): string {
  return document.cookie.split('; ').find((c) => c.startsWith('alpr_csrf='))?.slice('alpr_csrf='.length) ?? '';
}

/** One call to the hub's JSON API, signed in by the session cookie. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (json ?? {}) as { code?: string; message?: string };
    if (res.status === 401 && err.code === 'ALPR_ERR_SESSION_EXPIRED') for (const fn of signedOutListeners) fn();
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText);
  }
  for (const fn of activityListeners) fn();
  return json as T;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
