import t from 'tap';
import { readFile } from 'node:fs/promises';
import { AlprError, ERROR_CODES } from '../../core/index.js';

t.test('docs/errors.md lists exactly the codes the product can raise', async (tt) => {
  const doc = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| `(ALPR_ERR_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
  const declared = new Set(Object.keys(ERROR_CODES));
  tt.same([...declared].filter((c) => !documented.has(c)), [], 'every declared code is documented');
  tt.same([...documented].filter((c) => !declared.has(c as string)), [], 'every documented code exists');
});

t.test('an error carries its code, whether a retry can help, a cause and loggable details', async (tt) => {
  const cause = new Error('EBUSY');
  const err = new AlprError('ALPR_ERR_GPIO_OPEN', 'pin 18 busy', { cause, details: { pin: 18 } });
  tt.equal(err.code, 'ALPR_ERR_GPIO_OPEN');
  tt.equal(err.retryable, true);
  tt.equal(err.cause, cause);
  tt.same(err.toJSON(), { code: 'ALPR_ERR_GPIO_OPEN', message: 'pin 18 busy', retryable: true, pin: 18 });
});
