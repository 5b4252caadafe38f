import t from 'tap';
import { ManualClock } from '../../core/index.js';
import { DedupeWindow } from '../../inference/index.js';

t.test('the same plate within the window is suppressed; after it, it is a new read', async (tt) => {
  const clock = new ManualClock();
  const dedupe = new DedupeWindow({ windowMs: 10_000, clock });
  tt.equal(dedupe.seenRecently('ABC1234'), false);
  clock.advance(3000);
  tt.equal(dedupe.seenRecently('ABC1234'), true, 'the next trigger re-reads the waiting car');
  tt.equal(dedupe.seenRecently('ABC1284'), true, 'one OCR slip is still the same plate');
  tt.equal(dedupe.seenRecently('XYZ9876'), false, 'another car is a read');
  clock.advance(10_001);
  tt.equal(dedupe.seenRecently('ABC1234'), false, 'the window has passed');
});
