import t from 'tap';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../hub/accounts/password.js';

t.test('passwords are salted scrypt hashes that verify only the right password', async (t) => {
  const a = await hashPassword('violet ferry lantern pebble', { logN: 10 });
  const b = await hashPassword('violet ferry lantern pebble', { logN: 10 });
  t.not(a, b, 'a fresh salt each time');
  t.match(a, /^scrypt\$10\$8\$1\$/);
  t.ok(await verifyPassword('violet ferry lantern pebble', a));
  t.notOk(await verifyPassword('violet ferry lantern pebbles', a));
  t.notOk(await verifyPassword('anything', 'md5$whatever'), 'an unknown scheme never verifies');
});

t.test('the password policy takes passphrases and refuses short, banned or username-based ones', async (t) => {
  t.doesNotThrow(() => checkPasswordPolicy('violet ferry lantern pebble', 'jsmith'));
  t.throws(() => checkPasswordPolicy('Sh0rt!pass', 'jsmith'), { code: 'ALPR_ERR_PASSWORD_POLICY' });
  t.throws(() => checkPasswordPolicy('jsmith jsmith jsmith 2026', 'jsmith'), { code: 'ALPR_ERR_PASSWORD_POLICY' });
  t.throws(() => checkPasswordPolicy('my police password is long', 'jsmith'), { code: 'ALPR_ERR_PASSWORD_POLICY' });
  t.throws(() => checkPasswordPolicy('aaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'jsmith'), { code: 'ALPR_ERR_PASSWORD_POLICY' });
});
