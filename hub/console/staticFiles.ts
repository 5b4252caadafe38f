import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** What the console's pages may load: only this origin, no inline script or style, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "manifest-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** A hash of the body: the bundle is a few hundred kilobytes (Leaflet, Chart.js), so a browser that has it gets 304. */
  etag: string;
}

/**
 * The built console (console/dist), read once at start: only files that exist then are served, so
 * no request path ever reaches the file system. Null when the console has not been built.
 */
export async function loadConsoleFiles(distDir: string): Promise<Map<string, StaticFile> | null> {
  let names: string[];
  try {
    names = await readdir(distDir);
  } catch {
    return null;
  }
  const files = new Map<string, StaticFile>();
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = await readFile(join(distDir, name));
    files.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
  return files.has('index.html') ? files : null;
}
