import t from 'tap';
import { ERROR_CODES, type ErrorCode } from '../../../core/index.js';
import { HTTP_STATUS } from '../../../hub/api/httpStatus.js';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

t.test('every error code has its own explicit HTTP status, an error status', async (t) => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    t.ok(Object.hasOwn(HTTP_STATUS, code), `${code} is mapped`);
    const status = HTTP_STATUS[code];
    t.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code} maps to an error status (${status})`);
  }
  t.same(Object.keys(HTTP_STATUS).filter((code) => !(code in ERROR_CODES)), [], 'the table names no code that does not exist');
});

t.test('a refusal the user can act on is a 4xx, never a 500', async (t) => {
  for (const code of ['ALPR_ERR_ENROLLMENT_TOKEN', 'ALPR_ERR_DEVICE_REQUEST', 'ALPR_ERR_INVALID_INPUT', 'ALPR_ERR_SITE_NOT_APPROVED', 'ALPR_ERR_SYNC_TOO_LARGE'] as const) {
    t.ok(HTTP_STATUS[code] >= 400 && HTTP_STATUS[code] < 500, `${code}: ${HTTP_STATUS[code]}`);
  }
});

onBothStores(t, 'a bad enrollment token and a forged device request are refused with 401 and 403, not 500', async (t, h) => {
  const log = captureLogger();
  const app = await buildApi({ services: h.services, logger: log.logger, provisioning: { brokerUrl: () => 'mqtt://127.0.0.1:1', sealPublicKeyPem: '', sealKeyId: 'k', signPublicKeyPem: '' } });
  t.teardown(() => app.close());
  const sites = await app.inject({ method: 'GET', url: '/api/v1/provisioning/sites', headers: { 'x-enrollment-token': 'enr_not-a-real-token' } });
  t.equal(sites.statusCode, 401, sites.body);
  t.equal(sites.json().code, 'ALPR_ERR_ENROLLMENT_TOKEN');
  const enroll = await app.inject({ method: 'POST', url: '/api/v1/provisioning/enroll', payload: { token: 'enr_not-a-real-token', deviceId: 'pole-9', publicKey: `${'A'.repeat(43)}=` } });
  t.equal(enroll.statusCode, 401, enroll.body);
  const forged = await app.inject({ method: 'POST', url: '/api/v1/provisioning/devices/pole-1/decommission', payload: { at: h.clock.now(), signature: 'AAAA', fields: {} } });
  t.equal(forged.statusCode, 403, forged.body);
  t.equal(forged.json().code, 'ALPR_ERR_DEVICE_REQUEST');
  t.notOk(log.lines().some((l) => l.msg === 'request failed'), 'no refusal is logged as a server failure');
});
