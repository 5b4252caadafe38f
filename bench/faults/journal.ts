/**
 * The journal a fault worker keeps of what it was told, one line per event, on a real disk.
 *
 * SIGKILL can land inside a write() that spans a page boundary and leave a line cut short. The
 * next incarnation would then glue its first line onto that fragment, and the event it records
 * would be lost from the journal (seen in CI: a read whose "about to append" line had merged into
 * the torn line before it was reported as "never appended"). Opening the journal therefore ends a
 * torn last line first, so the fragment stays a line of its own and every later line parses.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export function openJournal(path: string): (line: string) => void {
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    if (text.length > 0 && !text.endsWith('\n')) appendFileSync(path, '\n');
  }
  return (line: string) => appendFileSync(path, `${line}\n`);
}
