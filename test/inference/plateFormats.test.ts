import t from 'tap';
import { formatPrior, patternOf, US_PLATE_FORMATS } from '../../inference/index.js';

t.test('every US state and DC has at least one format', async (tt) => {
  tt.equal(Object.keys(US_PLATE_FORMATS).length, 51);
  for (const [state, formats] of Object.entries(US_PLATE_FORMATS)) tt.ok(formats.length > 0 && formats.every((f) => /^[LD]+$/.test(f)), state);
});

t.test('formats rank readings but never reject a plate', async (tt) => {
  tt.equal(patternOf('7ABC123'), 'DLLLDDD');
  tt.equal(formatPrior('7ABC123', 'CA'), 1);
  tt.equal(formatPrior('7ABC123', 'NY'), 0.6, 'fits another state');
  tt.equal(formatPrior('GOBEARS', 'CA'), 0.3, 'a vanity plate still scores above zero');
});
