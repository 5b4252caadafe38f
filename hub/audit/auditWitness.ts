import { sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AlprError } from '../../core/index.js';
import type { AuditKey } from './auditKey.js';
import { canonicalJson } from './auditLog.js';

/** A chain position: the record number and its hash. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * One line of the witness file (JSON lines), each signed with the audit key so that someone who
 * can append to the witness (a shared syslog, an append-only file) still cannot add to it:
 * - `start`: the chain head when this witness began; records up to it are covered by their hashes;
 * - `record`: a record the hub is appending, written under the append lock before its commit;
 * - `commit`: that record's transaction committed (written after the commit; until then, or if
 *   it rolled back or the hub died first, the record is witnessed but not confirmed);
 * - `checkpoint`: the signed head, every minute and at stop.
 */
export type WitnessEntry =
  | { kind: 'start' | 'checkpoint'; seq: number; hash: string; at: number }
  | { kind: 'record' | 'commit'; seq: number; hash: string };

/** What a witness file says, read back for `audit verify`. */
export interface WitnessContents {
  start: ChainPoint | null;
  /** Record hashes the witness holds for each seq, committed or not. */
  records: Map<number, Set<string>>;
  /** Of those, the ones whose commit the witness confirms. */
  committed: Map<number, Set<string>>;
  /** The highest seq witnessed (the start's when no record was witnessed after it). */
  lastSeq: number;
  checkpoints: Array<ChainPoint & { at: number }>;
  /** Lines that are not witness entries signed by the audit key: `line N: why`. */
  rejected: string[];
  /** Where the witness file itself began, when `start` is a later checkpoint (a start check reads only the tail). */
  began?: ChainPoint;
}

const HASH = /^[0-9a-f]{64}$/;
const KINDS = new Set(['start', 'record', 'commit', 'checkpoint']);

function entryOf(line: Record<string, unknown>): WitnessEntry | null {
  const { kind, seq, hash, at } = line;
  if (typeof kind !== 'string' || !KINDS.has(kind) || !Number.isSafeInteger(seq) || (seq as number) < 0 || typeof hash !== 'string' || !HASH.test(hash)) return null;
  if (kind === 'start' || kind === 'checkpoint') return Number.isSafeInteger(at) ? { kind, seq: seq as number, hash, at: at as number } : null;
  return (seq as number) > 0 ? { kind: kind as 'record' | 'commit', seq: seq as number, hash } : null;
}

/**
 * The append-only witness of the audit chain, outside the database and the data folder. Each
 * line goes out with O_APPEND and is fsynced before the append that wrote it commits, so the file
 * always reaches at least as far as the chain; `audit verify` then requires the chain to match it
 * exactly. Several hub processes on one host share the file: their appends already take turns on
 * the chain's lock, and O_APPEND keeps each line whole.
 */
export class AuditWitness {
  private constructor(readonly path: string, private readonly file: FileHandle, private readonly key: AuditKey) {}

  static async open(path: string, key: AuditKey): Promise<AuditWitness> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    let witness: AuditWitness;
    try {
      witness = new AuditWitness(path, await open(path, 'a+', 0o600), key);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_CONFIG_INVALID', `audit witness ${path}: cannot be opened for appending`, { cause });
    }
    await witness.endPartialLine();
    return witness;
  }

  /** Whether nothing was ever written: the caller then records where this witness starts. */
  async isEmpty(): Promise<boolean> {
    return (await this.file.stat()).size === 0;
  }

  /**
   * `durable`: fsynced before returning. Record lines are, since they must be on disk before the
   * record commits; a commit line lost in a power cut only leaves its record unconfirmed.
   */
  async write(entry: WitnessEntry, durable = true): Promise<void> {
    const signature = sign(null, Buffer.from(canonicalJson(entry)), this.key.privateKey).toString('base64');
    await this.file.write(`${JSON.stringify({ ...entry, sig: signature })}\n`);
    if (durable) await this.file.datasync();
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /** A line cut short by a crash is closed off, so the next line is not glued onto it. */
  private async endPartialLine(): Promise<void> {
    const { size } = await this.file.stat();
    if (size === 0) return;
    const last = Buffer.alloc(1);
    await this.file.read(last, 0, 1, size - 1);
    if (last[0] !== 0x0a) await this.file.write('\n');
  }
}

function signedBy(publicKey: KeyObject, entry: WitnessEntry, signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(canonicalJson(entry)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Reads a witness file for verification, keeping only lines signed by the audit key. A missing
 * or unreadable file is an audit failure: without it a cut or rewritten chain cannot be found.
 */
export async function readWitness(path: string, publicKey: KeyObject): Promise<WitnessContents> {
  return parseWitness(splitLines(await readText(path)), publicKey, (index) => `line ${index + 1}`);
}

/** Where the last signed start or checkpoint line of a witness is: the tail a start check reads from. */
export interface WitnessAnchor {
  kind: 'start' | 'checkpoint';
  point: ChainPoint;
  /** Byte offset of the anchor's line in the file. */
  offset: number;
  /** The witness's own start (its first signed start line), which the chain's `audit.witnessStarted` records must name. */
  began: ChainPoint | null;
}

/** How much of the witness is read at a time from its end (a witness grows by about 400 bytes per record). */
const CHUNK = 1024 * 1024;

/**
 * The last line of the witness that is a start or checkpoint signed by the audit key, or null
 * when there is none. Read backwards from the end a chunk at a time, so a start costs the tail
 * since the last checkpoint, not the whole file (hundreds of megabytes after a year).
 */
export async function findWitnessAnchor(path: string, publicKey: KeyObject): Promise<WitnessAnchor | null> {
  const file = await openForReading(path);
  try {
    const { size } = await file.stat();
    const began = await firstStart(file, size, publicKey);
    let end = size;
    // The start of the line the previous chunk began inside, carried into the next chunk down.
    let carry = Buffer.alloc(0);
    while (end > 0) {
      const from = Math.max(0, end - CHUNK);
      const chunk = Buffer.alloc(end - from);
      await file.read(chunk, 0, chunk.length, from);
      const data = Buffer.concat([chunk, carry]);
      let lineEnd = data.length;
      for (let i = data.length - 1; i >= -1; i--) {
        if (i >= 0 && data[i] !== 0x0a) continue;
        if (i === -1 && from > 0) break;
        const entry = lineEnd > i + 1 ? anchorEntry(data.subarray(i + 1, lineEnd).toString('utf8'), publicKey) : null;
        if (entry) return { kind: entry.kind, point: { seq: entry.seq, hash: entry.hash }, offset: from + i + 1, began };
        lineEnd = i;
      }
      carry = Buffer.from(data.subarray(0, lineEnd));
      end = from;
    }
    return null;
  } finally {
    await file.close();
  }
}

/** The witness's first signed start line, looked for in its first chunk (a witness's first line is its start). */
async function firstStart(file: FileHandle, size: number, publicKey: KeyObject): Promise<ChainPoint | null> {
  const head = Buffer.alloc(Math.min(size, CHUNK));
  await file.read(head, 0, head.length, 0);
  for (const raw of splitLines(head.toString('utf8'))) {
    const entry = anchorEntry(raw, publicKey);
    if (entry?.kind === 'start') return { seq: entry.seq, hash: entry.hash };
  }
  return null;
}

function anchorEntry(raw: string, publicKey: KeyObject): (WitnessEntry & { kind: 'start' | 'checkpoint' }) | null {
  if (!raw.includes('"checkpoint"') && !raw.includes('"start"')) return null;
  const entry = signedEntry(raw, publicKey);
  return entry && (entry.kind === 'start' || entry.kind === 'checkpoint') ? entry as WitnessEntry & { kind: 'start' | 'checkpoint' } : null;
}

/**
 * The witness from `anchor` to its end, as a witness that starts at the anchor: records up to the
 * anchor are pinned by its signed hash and the chain's links, so their lines are left out (a
 * commit line written after the checkpoint for a record before it included).
 */
export async function readWitnessTail(path: string, publicKey: KeyObject, anchor: WitnessAnchor | null): Promise<WitnessContents> {
  if (!anchor) return readWitness(path, publicKey);
  const file = await openForReading(path);
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(size - anchor.offset, 0));
    await file.read(buffer, 0, buffer.length, anchor.offset);
    const lines = splitLines(buffer.toString('utf8')).map((raw, index) => {
      const entry = index === 0 ? null : signedEntry(raw, publicKey);
      return index === 0 || !entry || entry.kind === 'checkpoint' || entry.seq > anchor.point.seq ? raw : null;
    });
    const contents = parseWitness(lines, publicKey, (index) => `line ${index + 1} from the ${anchor.kind} at byte ${anchor.offset}`);
    contents.start = anchor.point;
    if (anchor.began) contents.began = anchor.began;
    contents.lastSeq = Math.max(contents.lastSeq, anchor.point.seq);
    return contents;
  } finally {
    await file.close();
  }
}

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (cause) {
    throw unreadable(path, cause);
  }
}

function unreadable(path: string, cause: unknown): AlprError {
  return new AlprError('ALPR_ERR_AUDIT_CHAIN', `the audit witness ${path} cannot be read: without it the chain cannot be checked for cut or rewritten records`, { cause });
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw unreadable(path, cause);
  }
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A line's entry if it is one signed by the audit key, else null. */
function signedEntry(raw: string, publicKey: KeyObject): WitnessEntry | null {
  try {
    const line = JSON.parse(raw) as Record<string, unknown>;
    const entry = line && typeof line === 'object' ? entryOf(line) : null;
    return entry && signedBy(publicKey, entry, line.sig) ? entry : null;
  } catch {
    return null;
  }
}

/** `where` names a line in messages: `line N` of the file, or of a tail read from a byte offset; null lines are skipped. */
function parseWitness(lines: Array<string | null>, publicKey: KeyObject, where: (index: number) => string): WitnessContents {
  const contents: WitnessContents = { start: null, records: new Map(), committed: new Map(), lastSeq: 0, checkpoints: [], rejected: [] };
  const add = (map: Map<number, Set<string>>, e: ChainPoint) => map.set(e.seq, (map.get(e.seq) ?? new Set()).add(e.hash));
  lines.forEach((raw, index) => {
    if (raw === null) return;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      contents.rejected.push(`${where(index)}: not JSON`);
      return;
    }
    const entry = line && typeof line === 'object' ? entryOf(line) : null;
    if (!entry) return void contents.rejected.push(`${where(index)}: not a witness entry`);
    if (!signedBy(publicKey, entry, line.sig)) return void contents.rejected.push(`${where(index)}: not signed by the audit key`);
    if (entry.kind === 'start') {
      const start = contents.start;
      if (start && (start.seq !== entry.seq || start.hash !== entry.hash)) return void contents.rejected.push(`${where(index)}: a second start`);
      contents.start = { seq: entry.seq, hash: entry.hash };
      contents.lastSeq = Math.max(contents.lastSeq, entry.seq);
    } else if (entry.kind === 'checkpoint') {
      contents.checkpoints.push({ seq: entry.seq, hash: entry.hash, at: entry.at });
    } else if (entry.kind === 'commit') {
      add(contents.committed, entry);
    } else {
      add(contents.records, entry);
    }
  });
  for (const [seq, hashes] of contents.committed) {
    for (const hash of hashes) {
      if (!contents.records.get(seq)?.has(hash)) contents.rejected.push(`a commit of record ${seq} that was never witnessed`);
    }
  }
  for (const seq of contents.records.keys()) contents.lastSeq = Math.max(contents.lastSeq, seq);
  return contents;
}
