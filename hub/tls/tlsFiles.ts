import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import { AlprError } from '../../core/index.js';
import { readPemFile } from '../../sync/index.js';

/** The hub's certificate (chain) and key, for HTTPS and mqtts://, and the agency CA for client certificates. */
export interface HubTls {
  key: Buffer;
  cert: Buffer;
  /** Set when operators must present a client certificate this CA issued (mutual TLS). */
  clientCa: Buffer | null;
}

export interface HubTlsPaths {
  certPath: string;
  keyPath: string;
  clientCaPath?: string | null;
}

/** Reads and checks the files at start, so a wrong path or a key that does not fit fails there, not at the first client. */
export async function loadHubTls(paths: HubTlsPaths): Promise<HubTls> {
  const tls: HubTls = {
    cert: await readPemFile(paths.certPath, 'the TLS certificate'),
    key: await readPemFile(paths.keyPath, 'the TLS key'),
    clientCa: paths.clientCaPath ? await readPemFile(paths.clientCaPath, 'the client CA') : null,
  };
  try {
    createSecureContext({ cert: tls.cert, key: tls.key, ...(tls.clientCa ? { ca: tls.clientCa } : {}) });
  } catch (cause) {
    throw new AlprError('ALPR_ERR_TLS_CONFIG', `the TLS certificate, key or client CA cannot be used (${(cause as Error).message})`, { cause });
  }
  return tls;
}

/** Whether a listen address only takes connections from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}

/**
 * Plain HTTP or MQTT is allowed on loopback (the demo, a reverse proxy on the same host) or
 * when the operator says so explicitly; anywhere else passwords, session and broker tokens
 * would cross the network in the clear.
 */
export function refusePlaintext(listeners: Array<{ what: string; host: string }>, allowPlaintext: boolean): void {
  if (allowPlaintext) return;
  const exposed = listeners.filter((l) => !isLoopback(l.host));
  if (exposed.length > 0) {
    throw new AlprError('ALPR_ERR_TLS_REQUIRED', `${exposed.map((l) => `${l.what} on ${l.host}`).join(' and ')} would be plain text off this machine: `
      + 'give --tls-cert and --tls-key, listen on 127.0.0.1, or pass --allow-plaintext');
  }
}

/** node:https options: the hub's certificate, and with a client CA, ask for (not demand) a client certificate. */
export function httpsOptions(tls: HubTls): { key: Buffer; cert: Buffer; ca?: Buffer; requestCert?: boolean; rejectUnauthorized?: boolean } {
  return { key: tls.key, cert: tls.cert, ...(tls.clientCa ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: false } : {}) };
}
