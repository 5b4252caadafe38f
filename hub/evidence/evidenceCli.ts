import { readFile } from 'node:fs/promises';
import { AlprError } from '../../core/index.js';
import { verifyAgainstChain, type ChainVerifyOptions } from '../audit/chainVerifyCommand.js';
import type { EvidenceFile } from './evidenceService.js';
import { verifyEvidence } from './evidenceVerify.js';

/**
 * `alpr-hub evidence verify FILE`: checks an evidence file's signature with the hub's key (not the
 * one it carries) and that it is the export the audit chain records. Writes nothing.
 */
export async function verifyEvidenceCommand(file: string | undefined, o: ChainVerifyOptions): Promise<number> {
  if (!file) throw new AlprError('ALPR_ERR_USAGE', 'evidence verify needs the FILE of an evidence export (its JSON)');
  let parsed: EvidenceFile;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as EvidenceFile;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_EVIDENCE_VERIFY', `the evidence file ${file} cannot be read as JSON`, { cause });
  }
  return verifyAgainstChain(o, { code: 'ALPR_ERR_EVIDENCE_VERIFY', what: 'the evidence file' }, (publicKey, audit) => verifyEvidence(parsed, publicKey, audit));
}
