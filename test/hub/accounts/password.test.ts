import t from 'tap';
import { checkPasswordPolicy, hashPassword, PasswordHasher, verifyPassword } from '../../../hub/accounts/password.js';

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

t.test('the decoy hash has the configured cost, takes a full scrypt and matches no password', async (t) => {
  const hasher = new PasswordHasher({ logN: 10 });
  t.match(hasher.decoy, /^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
  const real = await hasher.hash('correct horse battery staple cobalt');
  t.equal(real.split('$').slice(0, 4).join('$'), hasher.decoy.split('$').slice(0, 4).join('$'), 'the same cost fields as a real hash');
  for (const guess of ['', 'correct horse battery staple cobalt', 'decoy']) t.equal(await hasher.verify(guess, hasher.decoy), false);
  t.not(new PasswordHasher({ logN: 10 }).decoy, hasher.decoy, 'each hasher draws its own');
});
