import t from 'tap';
import { BoundedQueue } from '../../../firmware/index.js';

t.test('items come out in order; a full queue drops and counts the newcomer', async (tt) => {
  const dropped: number[] = [];
  const q = new BoundedQueue<number>('q', 2, (n) => dropped.push(n));
  tt.equal(q.offer(1), true);
  tt.equal(q.offer(2), true);
  tt.equal(q.offer(3), false);
  tt.equal(q.dropped, 1);
  tt.same(dropped, [3]);
  tt.equal(q.depth, 2);
  tt.equal(await q.take(), 1);
  tt.equal(await q.take(), 2);
});

t.test('a waiting consumer gets the next item; closing wakes it with null', async (tt) => {
  const q = new BoundedQueue<string>('q', 1);
  const waiting = q.take();
  q.offer('a');
  tt.equal(await waiting, 'a');
  const second = q.take();
  q.close();
  tt.equal(await second, null);
  tt.throws(() => q.offer('b'), { code: 'ALPR_ERR_QUEUE_CLOSED' });
});
