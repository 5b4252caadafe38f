import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

type Tap = import('tap').Test;

/**
 * Whether poppler-utils (pdftoppm, pdftotext) is installed: .ci/run installs it. Missing, the test
 * is skipped with the reason shown, unless ALPR_REQUIRE_SERVICES=1, where it fails instead.
 */
export async function popplerAvailable(t: Tap): Promise<boolean> {
  const ok = await run('pdftoppm', ['-v']).then(() => true, () => false);
  if (ok) return true;
  const reason = 'pdftoppm (Debian package poppler-utils) is not installed';
  if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
  else t.plan(0, `skipped: ${reason}`);
  return false;
}

/** Renders every page of a PDF to PNG (`dpi` dots per inch) and returns the files in page order. */
export async function renderPages(pdf: string, outDir: string, dpi = 60): Promise<string[]> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, 'page')]);
  return (await readdir(outDir)).filter((f) => /^page-\d+\.png$/.test(f)).sort().map((f) => join(outDir, f));
}

/** The text of a PDF, as a reader copying it would get it. */
export async function pdfText(pdf: string): Promise<string> {
  return (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}
