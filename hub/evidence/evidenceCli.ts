import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AlprError, EXIT, systemClock } from '../../core/index.js';
import { AuditLog } from '../audit/auditLog.js';
import { openStore } from '../hubProcess.js';
import { signingPublicKey } from '../reports/reportCli.js';
import type { EvidenceFile } from './evidenceService.js';
import { verifyEvidence } from './evidenceVerify.js';

/**
 * `alpr-hub evidence verify FILE`: checks an evidence file's signature with the hub's key (not the
 * one it carries) and that it is the export the audit chain records. Writes nothing.
 */
export async function verifyEvidenceCommand(file: string | undefined, o: { dataDir: string; pgUrl: string | null; pgSchema: string; publicKeyFile: string | undefined }): Promise<number> {
  if (!file) throw new AlprError('ALPR_ERR_USAGE', 'evidence verify needs the FILE of an evidence export (its JSON)');
  let parsed: EvidenceFile;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as EvidenceFile;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_EVIDENCE_VERIFY', `the evidence file ${file} cannot be read as JSON`, { cause });
  }
  const publicKey = await signingPublicKey(o.publicKeyFile, o.dataDir);
  // The audit table holds no images; the image key is never used here, so none is read.
  const store = openStore({ ...o, clock: systemClock }, { imageKey: randomBytes(32) });
  try {
    await store.migrate();
    const result = await verifyEvidence(parsed, publicKey, new AuditLog({ sql: store.sql, clock: systemClock }));
    for (const p of result.problems) process.stdout.write(`${p}\n`);
    process.stdout.write(`${JSON.stringify({ ...result, problems: result.problems.length })}\n`);
    if (result.problems.length === 0) return EXIT.ok;
    process.stderr.write(`ALPR_ERR_EVIDENCE_VERIFY: the evidence file does not verify: ${result.problems[0]}\n`);
    return EXIT.failure;
  } finally {
    await store.close();
  }
}
