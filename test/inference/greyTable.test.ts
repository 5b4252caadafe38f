import t from 'tap';
import { greyOfRgb } from '../../inference/greyTable.js';

t.test('the grey of RGB pixels is each pixel looked up in the table, for every count and alignment', async (tt) => {
  let seed = 5;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  // A table that tells every colour apart from its neighbours (not libvips' grey, which needs sharp).
  const lookup = new Uint8Array(1 << 24);
  for (let i = 0; i < lookup.length; i++) lookup[i] = (i * 2654435761) >>> 24;
  for (const pixels of [0, 1, 3, 4, 5, 8, 13, 1000, 4099]) {
    for (const offset of [0, 1, 4]) {
      // Placed `offset` bytes into its buffer, as a pooled Buffer's bytes can be.
      const rgb = new Uint8Array(new ArrayBuffer(3 * pixels + offset), offset, 3 * pixels);
      for (let i = 0; i < rgb.length; i++) rgb[i] = i % 5 === 0 ? 255 : random();
      const want = Uint8Array.from({ length: pixels }, (_, p) => lookup[(rgb[3 * p]! << 16) | (rgb[3 * p + 1]! << 8) | rgb[3 * p + 2]!]!);
      tt.same(Array.from(greyOfRgb(rgb, pixels, lookup)), Array.from(want), `${pixels} pixels, ${offset} bytes into the buffer`);
    }
  }
});
