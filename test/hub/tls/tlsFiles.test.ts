import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlprError } from '../../../core/index.js';
import { main } from '../../../hub/cli.js';
import { isLoopback, loadHubTls } from '../../../hub/tls/tlsFiles.js';
import { issue, makeCa } from '../../helpers/certs.js';
import { runCli } from '../../helpers/cliRunner.js';
import { tempDir } from '../../helpers/index.js';

const failure = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);

t.test('a missing file, a file that is not PEM, or a key that does not fit the certificate stops the hub at start with ALPR_ERR_TLS_CONFIG', async (t) => {
  const ca = await makeCa(t, 'Test CA');
  const a = await issue(ca, 'hub-a', { server: ['IP:127.0.0.1'] });
  const b = await issue(ca, 'hub-b', { server: ['IP:127.0.0.1'] });
  const dir = await tempDir(t);
  const notPem = join(dir, 'cert.der');
  await writeFile(notPem, Buffer.from([0x30, 0x82, 0x01, 0x00]));
  const cases = [
    [{ certPath: join(dir, 'missing.pem'), keyPath: a.keyPath }, /cannot be read/],
    [{ certPath: notPem, keyPath: a.keyPath }, /is not PEM/],
    [{ certPath: a.certPath, keyPath: b.keyPath }, /cannot be used/],
    [{ certPath: a.certPath, keyPath: a.keyPath, clientCaPath: notPem }, /client CA .* is not PEM/],
  ] as const;
  for (const [paths, message] of cases) {
    const err = await failure(loadHubTls(paths));
    t.ok(isAlprError(err, 'ALPR_ERR_TLS_CONFIG'), `refused: ${(err as Error).message}`);
    t.match((err as Error).message, message);
  }
  const good = await loadHubTls({ certPath: a.certPath, keyPath: a.keyPath, clientCaPath: ca.certPath });
  t.same(good.clientCa, ca.pem, 'a fitting pair and a CA load');
});

t.test('only loopback addresses count as loopback', async (t) => {
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', 'localhost']) t.ok(isLoopback(host), host);
  for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', 'hub.oppd.local', '128.0.0.1']) t.notOk(isLoopback(host), host);
});

t.test('alpr-hub refuses half a TLS setup on the command line', async (t) => {
  const certOnly = await runCli(main, ['serve', '--tls-cert', '/nonexistent/cert.pem']);
  t.equal(certOnly.code, 64);
  t.match(certOnly.err, /--tls-cert and --tls-key go together/);
  const caOnly = await runCli(main, ['serve', '--client-ca', '/nonexistent/ca.pem']);
  t.equal(caOnly.code, 64);
  t.match(caOnly.err, /--client-ca needs --tls-cert and --tls-key/);
});
