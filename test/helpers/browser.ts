import { access, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { tempDir } from './index.js';

type Tap = import('tap').Test;

const CANDIDATES = [process.env.ALPR_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
/** The launch flags: headless, and nothing that reaches out to the network on its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = new URL('../../test-results/console/', import.meta.url).pathname;

/**
 * Debian's Chromium, or null with the test skipped and the reason shown; under
 * ALPR_REQUIRE_SERVICES=1 (as .ci/run sets) a missing browser fails the test instead.
 */
export async function findChromium(t: Tap): Promise<string | null> {
  for (const path of CANDIDATES) {
    try {
      await access(path);
      return path;
    } catch { /* try the next */ }
  }
  const reason = 'Chromium is not installed (apt-get install chromium, or set ALPR_CHROMIUM)';
  if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
  else t.plan(0, `skipped: ${reason}`);
  return null;
}

/** A fresh Chromium profile for one test; closed at teardown. */
export async function openBrowser(t: Tap, executablePath: string): Promise<{ page: Page; cspViolations: string[] }> {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(await tempDir(t, 'alpr-chromium-'), {
    executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 900 }, colorScheme: 'dark',
  });
  t.teardown(() => context.close());
  const page = context.pages()[0] ?? await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  // A script error is a page that may look drawn but is not (a map or chart left half made).
  page.on('pageerror', (err) => cspViolations.push(`script error: ${err.message}`));
  return { page, cspViolations };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now: the serious and critical violations, described. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** Saves a full-page screenshot as test-results/console/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * Screenshot NAME.png, then axe-core on the page (no serious or critical violations) and the
 * Content-Security-Policy reports collected since the last check (none).
 */
export function pageChecker(t: Tap, page: Page, cspViolations: string[]): (name: string) => Promise<void> {
  return async (name) => {
    await screenshot(page, name);
    t.same(await accessibilityProblems(page), [], `${name}: no serious or critical accessibility violations`);
    t.same(cspViolations.splice(0), [], `${name}: the page broke no Content-Security-Policy rule and threw no script error`);
  };
}
