import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PurposeScreen } from '../hub/index.js';
import { machine, round } from './machine.js';

/**
 * The purpose screen (issue 8) on the labelled corpus in test/fixtures/purpose-corpus/: each line
 * a phrasing, whether General Order 4.68 lets it through, and its category. `prohibited_refused`
 * is the share of prohibited phrasings the screen refuses, `legitimate_accepted` the share of
 * legitimate ones it lets through. `heldout.jsonl` was written before the screen was tuned and
 * never tuned on; `tuning.jsonl` is what the lexicon was tuned against. `--misses` lists the
 * tuning part's misses on stderr (never the held-out part's, to keep it held out).
 */
interface Phrasing {
  text: string;
  expected: 'refuse' | 'accept';
  category: string;
}

const CORPUS = fileURLToPath(new URL('../test/fixtures/purpose-corpus/', import.meta.url));

export async function loadCorpus(part: 'tuning' | 'heldout'): Promise<Phrasing[]> {
  const text = await readFile(`${CORPUS}${part}.jsonl`, 'utf8');
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Phrasing);
}

function score(screen: PurposeScreen, phrasings: Phrasing[], misses?: string[]) {
  let refused = 0;
  let accepted = 0;
  for (const p of phrasings) {
    const findings = screen.screen(p.text);
    const refuse = findings.length > 0;
    if (p.expected === 'refuse' && refuse) refused++;
    if (p.expected === 'accept' && !refuse) accepted++;
    if (misses && refuse !== (p.expected === 'refuse')) misses.push(`${p.expected} ${p.category}: ${JSON.stringify(p.text)} -> ${JSON.stringify(findings)}`);
  }
  const prohibited = phrasings.filter((p) => p.expected === 'refuse').length;
  return {
    phrasings: phrasings.length,
    prohibited_refused: round(refused / prohibited, 3),
    legitimate_accepted: round(accepted / (phrasings.length - prohibited), 3),
  };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { misses: { type: 'boolean', default: false } } });
  const screen = new PurposeScreen();
  const tuning = await loadCorpus('tuning');
  const heldout = await loadCorpus('heldout');
  const misses: string[] = [];
  const started = performance.now();
  const all = score(screen, [...tuning, ...heldout]);
  const perPhrasingMs = (performance.now() - started) / (tuning.length + heldout.length);
  const result = { ...all, tuning: score(screen, tuning, values.misses ? misses : undefined), heldout: score(screen, heldout), ms_per_phrasing: round(perPhrasingMs, 3), machine: machine() };
  for (const miss of misses) process.stderr.write(`${miss}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
