import t from 'tap';
import { captureLogger } from '../helpers/index.js';

t.test('plates, keys, tokens and passwords never reach the log', async (tt) => {
  const { logger, lines } = captureLogger();
  logger.info({ read: { plate: '7ABC123', confidence: 0.9 }, dataKey: 'c2VjcmV0', enrollment: { token: 'tok-1' }, password: 'hunter2' }, 'stored');
  const text = JSON.stringify(lines());
  for (const secret of ['7ABC123', 'c2VjcmV0', 'tok-1', 'hunter2']) tt.notMatch(text, secret);
  tt.match(text, /"confidence":0.9/, 'the rest of the object is kept');
});
