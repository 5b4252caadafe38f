import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './index.js';

const run = promisify(execFile);

export interface Ca {
  dir: string;
  certPath: string;
  keyPath: string;
  pem: Buffer;
}

export interface Issued {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

/** A throwaway certificate authority made with the openssl CLI (P-256, valid two days). */
export async function makeCa(t: { teardown(fn: () => unknown): void }, name: string): Promise<Ca> {
  const dir = await tempDir(t, 'alpr-ca-');
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca.key');
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2',
    '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  return { dir, certPath, keyPath, pem: await readFile(certPath) };
}

let serial = 1;

/** A certificate the CA signs: a server (names as subjectAltName entries like IP:127.0.0.1) or a client. */
export async function issue(ca: Ca, cn: string, kind: { server: string[] } | 'client'): Promise<Issued> {
  const base = join(ca.dir, `${cn.replace(/[^A-Za-z0-9.-]/g, '_')}-${serial++}`);
  const ext = `${base}.ext`;
  await writeFile(ext, kind === 'client'
    ? 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n'
    : `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${kind.server.join(',')}\n`);
  await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${cn}`]);
  await run('openssl', ['x509', '-req', '-in', `${base}.csr`, '-CA', ca.certPath, '-CAkey', ca.keyPath, '-set_serial', String(Date.now() * 100 + serial), '-days', '2', '-extfile', ext, '-out', `${base}.pem`]);
  return { certPath: `${base}.pem`, keyPath: `${base}.key`, cert: await readFile(`${base}.pem`), key: await readFile(`${base}.key`) };
}
