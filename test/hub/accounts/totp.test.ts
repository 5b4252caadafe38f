import t from 'tap';
import { base32Encode, hotp, matchTotp, otpauthUri, totp } from '../../../hub/accounts/totp.js';

// RFC 6238 appendix B (SHA-1 secret "12345678901234567890"), truncated to 6 digits.
const secret = Buffer.from('12345678901234567890');

t.test('TOTP matches the RFC 6238 test vectors', async (t) => {
  t.equal(totp(secret, 59_000), '287082');
  t.equal(totp(secret, 1111111109_000), '081804');
  t.equal(totp(secret, 1234567890_000), '005924');
  t.equal(totp(secret, 2000000000_000), '279037');
  t.equal(hotp(secret, 0), '755224', 'RFC 4226 HOTP vector');
});

t.test('a code is accepted one step either side of now and not further', async (t) => {
  const now = 1234567890_000;
  t.equal(matchTotp(secret, totp(secret, now - 30_000), now), Math.floor(now / 30_000) - 1);
  t.equal(matchTotp(secret, totp(secret, now + 30_000), now), Math.floor(now / 30_000) + 1);
  t.equal(matchTotp(secret, totp(secret, now - 90_000), now), null);
  t.equal(matchTotp(secret, '12345', now), null, 'wrong length');
  t.equal(matchTotp(secret, "' OR 1=1", now), null);
});

t.test('the otpauth URI carries the base32 secret an authenticator app reads', async (t) => {
  t.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  const uri = new URL(otpauthUri(secret, 'officer1', 'ALPR Hub'));
  t.equal(uri.protocol, 'otpauth:');
  t.equal(uri.searchParams.get('secret'), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  t.equal(uri.searchParams.get('issuer'), 'ALPR Hub');
  t.equal(uri.searchParams.get('digits'), '6');
  t.equal(uri.searchParams.get('period'), '30');
});
