import t from 'tap';
import { FramePool } from '../../../firmware/index.js';

const image = (bytes: number) => ({ format: 'jpeg' as const, width: 1, height: 1, data: Buffer.alloc(bytes), capturedAt: 1, origin: 'x' });

t.test('frames are held under a byte budget and released explicitly', async (tt) => {
  const pool = new FramePool(100);
  const a = pool.put('cam0', image(60));
  tt.ok(a);
  tt.equal(pool.put('cam0', image(60)), null, 'over budget: refused');
  tt.equal(pool.refused, 1);
  tt.equal(pool.heldBytes, 60);
  tt.equal(pool.get(a!).data.length, 60);
  pool.release(a!);
  tt.equal(pool.heldBytes, 0);
  tt.throws(() => pool.get(a!), { code: 'ALPR_ERR_FRAME_RELEASED' });
  tt.ok(pool.put('cam0', image(60)), 'room again after release');
});
