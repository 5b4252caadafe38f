import type { ClassicLevel } from 'classic-level';

type Op = { type: 'put'; key: string; value: Buffer } | { type: 'del'; key: string };

const Q = 'q!'; // marks a buffered record the hub refused: kept encrypted, never handed out again

/**
 * The read buffer's quarantine: reads the hub refused as invalid (or too large for it on their
 * own) are set aside here instead of blocking the uplink or being dropped. A quarantined read
 * stays where it is, still encrypted under the data key; only a marker with the hub's reason is
 * added, so retention deletes it at 30 days like any other read, and key rotation re-encrypts it.
 */
export class Quarantine {
  private readonly held = new Set<string>();

  async load(db: ClassicLevel<string, Buffer>): Promise<void> {
    this.held.clear();
    for await (const key of db.keys({ gt: Q, lt: `${Q}~` })) this.held.add(key.slice(Q.length));
  }

  has(seq: string): boolean {
    return this.held.has(seq);
  }

  get size(): number {
    return this.held.size;
  }

  /** The write that sets a record aside; call hold() once it is committed. */
  holdOp(seq: string, reason: string, atMs: number): Op {
    return { type: 'put', key: `${Q}${seq}`, value: Buffer.from(JSON.stringify({ reason: reason.slice(0, 500), at: atMs })) };
  }

  hold(seqs: readonly string[]): void {
    for (const s of seqs) this.held.add(s);
  }

  /** Adds the marker's deletion to `ops` when the record going away was quarantined; returns whether. */
  releaseOps(seq: string, ops: Op[]): boolean {
    if (!this.held.has(seq)) return false;
    ops.push({ type: 'del', key: `${Q}${seq}` });
    return true;
  }

  /** Forgets records whose deletion is committed. */
  forget(seqs: readonly string[]): void {
    for (const s of seqs) this.held.delete(s);
  }
}
