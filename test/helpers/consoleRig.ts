import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { silentLogger } from '../../core/index.js';
import { buildApi } from '../../hub/api/server.js';
import { buildConsole } from '../../console/build.js';
import { DEMO_MAP_OUTLINE } from '../../demo/demoHub.js';
import { loadMapOutline } from '../../hub/sites/mapOutline.js';
import { findChromium, openBrowser, pageChecker } from './browser.js';
import { harness, PASSWORD, type Harness } from './hubHarness.js';
import { tempDir } from './index.js';

type Tap = import('tap').Test;
type User = Awaited<ReturnType<Harness['user']>>;

export interface ConsoleRig {
  h: Harness;
  base: string;
  page: Page;
  /** Signs `user` in through the console's sign-in page, with a fresh TOTP code. */
  signIn(user: User): Promise<void>;
  /** Screenshot NAME.png, and axe-core on the page: no serious or critical violations. */
  check(name: string): Promise<void>;
}

/**
 * A hub on SQLite (real services, manual clock) serving a freshly built console, and a fresh
 * Chromium on it. Null, with the test skipped and the reason shown, where Chromium is absent.
 */
export async function consoleRig(t: Tap): Promise<ConsoleRig | null> {
  const chromiumPath = await findChromium(t);
  if (!chromiumPath) return null;
  // The demo's outline, so the pages' maps look as they do at a hub with one configured.
  const h = (await harness(t, 'sqlite', { mapOutline: await loadMapOutline(DEMO_MAP_OUTLINE) }))!;
  const dist = await tempDir(t, 'alpr-console-');
  await buildConsole(dist);
  const app = await buildApi({ services: h.services, logger: silentLogger(), consoleDir: dist });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { page, cspViolations } = await openBrowser(t, chromiumPath);
  return {
    h, base, page,
    async signIn(user) {
      await page.goto(`${base}/console/`);
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Authenticator code').fill(h.code(user.secret));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
    check: pageChecker(t, page, cspViolations),
  };
}

/** A plate crop and a context picture, as JPEGs the browser can show. */
export async function plateImages(plate: string): Promise<{ crop: Buffer; context: Buffer }> {
  const svg = (w: number, h: number, body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`);
  const crop = await sharp(svg(320, 100, `<rect width="320" height="100" fill="#f4f4f0"/><rect x="4" y="4" width="312" height="92" fill="none" stroke="#1a3a8a" stroke-width="4"/><text x="160" y="70" font-family="DejaVu Sans Mono" font-weight="bold" font-size="52" text-anchor="middle" fill="#1a3a8a">${plate}</text>`)).jpeg().toBuffer();
  const context = await sharp(new URL('../../demo/frames/v02-f1.jpg', import.meta.url).pathname).resize(640).jpeg().toBuffer();
  return { crop, context };
}
