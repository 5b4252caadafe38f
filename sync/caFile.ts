import { readFile } from 'node:fs/promises';
import { AlprError } from '../core/index.js';

/** A PEM file (certificate, key, CA) for a TLS connection; `what` names it in the error. */
export async function readPemFile(path: string, what: string): Promise<Buffer> {
  let pem: Buffer;
  try {
    pem = await readFile(path);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_TLS_CONFIG', `${what} ${path} cannot be read`, { cause });
  }
  if (!pem.includes('-----BEGIN ')) throw new AlprError('ALPR_ERR_TLS_CONFIG', `${what} ${path} is not PEM`);
  return pem;
}

/**
 * The CA an appliance or the provisioning CLI trusts for the hub (HTTPS) and its broker
 * (mqtts://), in place of the system CAs: an agency CA is rarely a public one.
 */
export async function readCaFile(path: string): Promise<Buffer> {
  const pem = await readPemFile(path, 'the hub CA file');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new AlprError('ALPR_ERR_TLS_CONFIG', `the hub CA file ${path} holds no PEM certificate`);
  return pem;
}
