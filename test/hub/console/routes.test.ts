import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger, tempDir } from '../../helpers/index.js';
import { harness, PASSWORD, type Harness } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;

async function api(t: Tap, h: Harness, consoleDir: string) {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger, consoleDir });
  t.teardown(() => app.close());
  return app;
}

async function builtConsole(t: Tap): Promise<string> {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="app.js"></script>');
  await writeFile(join(dir, 'app.js'), 'export {};');
  return dir;
}

t.test('the console signs in with an HttpOnly, SameSite=Strict cookie; a cookie alone changes nothing without the CSRF token', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const app = await api(t, h, await builtConsole(t));
  const admin = await h.user('admin');
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/console-session', payload: { username: admin.username, password: PASSWORD, code: h.code(admin.secret) } });
  t.equal(signIn.statusCode, 200, signIn.body);
  t.notOk('token' in signIn.json(), 'the token is not in the reply, where page scripts could read it');
  const setCookie = signIn.headers['set-cookie'] as string[];
  t.match(setCookie[0], /^alpr_session=[A-Za-z0-9_-]{20,}; HttpOnly; Path=\/; SameSite=Strict; Max-Age=\d+$/, 'HttpOnly, SameSite=Strict, and not Secure without TLS');
  t.match(setCookie[1], /^alpr_csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Strict/);
  const session = /^alpr_session=([^;]+)/.exec(setCookie[0]!)![1]!;
  const csrf = /^alpr_csrf=([^;]+)/.exec(setCookie[1]!)![1]!;
  const cookie = `alpr_session=${session}; alpr_csrf=${csrf}`;

  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie } })).statusCode, 200, 'a read needs only the cookie');
  const body = { username: 'new.officer', displayName: 'New Officer', role: 'officer' };
  const bare = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie }, payload: body });
  t.match({ status: bare.statusCode, code: bare.json().code }, { status: 403, code: 'ALPR_ERR_CSRF' }, 'a state change with the cookie alone is refused');
  const forged = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, 'x-csrf-token': 'A'.repeat(43) }, payload: body });
  t.equal(forged.json().code, 'ALPR_ERR_CSRF', 'a guessed token is refused');
  const otherSite = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' }, payload: body });
  t.equal(otherSite.json().code, 'ALPR_ERR_CSRF', 'a request from another origin is refused');
  t.equal((await h.services.accounts.byUsername('new.officer')), null, 'nothing was created');
  const ok = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, 'x-csrf-token': csrf, origin: 'https://hub.example:8443', host: 'hub.example:8443' }, payload: body });
  t.equal(ok.statusCode, 201, 'with the token from its own origin the change is made');
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { authorization: `Bearer ${admin.token}` }, payload: { ...body, username: 'api.client' } })).statusCode, 201, 'bearer clients need no CSRF token');

  const end = await app.inject({ method: 'POST', url: '/api/v1/auth/console-session/end', headers: { cookie, 'x-csrf-token': csrf } });
  t.equal(end.statusCode, 204);
  t.match((end.headers['set-cookie'] as string[])[0], /^alpr_session=; HttpOnly; Path=\/; SameSite=Strict; Max-Age=0/, 'sign-out clears the cookie');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode, 401, 'and ends the session at the hub');
});

t.test('the console pages carry a strict Content-Security-Policy; only built files are served', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const app = await api(t, h, await builtConsole(t));
  t.match((await app.inject({ method: 'GET', url: '/' })).headers.location, '/console/');
  const bare = await app.inject({ method: 'GET', url: '/console' });
  t.equal(bare.statusCode, 302, 'the console\'s address without its slash redirects');
  t.equal(bare.headers.location, '/console/');
  const page = await app.inject({ method: 'GET', url: '/console/' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /text\/html/);
  const csp = String(page.headers['content-security-policy']);
  t.match(csp, /default-src 'none'/);
  t.match(csp, /script-src 'self'(;|$)/, 'scripts only from the hub, none inline');
  t.notMatch(csp, /unsafe-inline|unsafe-eval|https?:/, 'no inline code and no third-party origin');
  t.match(csp, /frame-ancestors 'none'/);
  t.equal(page.headers['x-content-type-options'], 'nosniff');
  const script = await app.inject({ method: 'GET', url: '/console/app.js' });
  t.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  t.match(script.headers['cache-control'], 'no-cache');
  const again = await app.inject({ method: 'GET', url: '/console/app.js', headers: { 'if-none-match': String(script.headers.etag) } });
  t.equal(again.statusCode, 304, 'a browser holding the bundle revalidates it for a 304 instead of downloading it again');
  t.equal(again.body, '', 'with no body');
  t.match(again.headers['content-security-policy'], /default-src 'none'/, 'with the same headers');
  t.equal((await app.inject({ method: 'GET', url: '/console/..%2F..%2Fpackage.json' })).statusCode, 404, 'no path outside the built files');
  t.equal((await app.inject({ method: 'GET', url: '/console/missing.js' })).statusCode, 404);
});

t.test('a hub whose console was not built says so instead of failing', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const app = await api(t, h, join(await tempDir(t), 'no-such-dist'));
  const page = await app.inject({ method: 'GET', url: '/console/' });
  t.equal(page.statusCode, 503);
  t.match(page.body, /npm run build/);
});
