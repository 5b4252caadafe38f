import t from 'tap';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { toGray } from '../../inference/index.js';

// The models were trained and scored on libvips' grey (sharp's greyscale()); the faster decode must
// hand them exactly those pixels, or every accuracy figure measured before it would no longer hold.
const libvipsGrey = async (data: Buffer) => sharp(data).greyscale().raw().toBuffer();

t.test('a colour JPEG from the camera becomes the same grey, bit for bit, as libvips makes of it', async (tt) => {
  const data = await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url));
  const gray = await toGray({ data });
  tt.same([gray.width, gray.height], [960, 540]);
  tt.ok(Buffer.from(gray.pixels).equals(await libvipsGrey(data)), 'identical pixels');
});

t.test('saturated and dark colours, where grey conversions differ most, are turned grey as libvips does', async (tt) => {
  // Every 8th level of each channel: 32^3 colours, one pixel each, losslessly stored.
  const side = 32 * 32;
  const rgb = Buffer.alloc(side * 32 * 3);
  for (let i = 0; i < side * 32; i++) rgb.set([(i >> 10) * 8 + 7, ((i >> 5) & 31) * 8, (i & 31) * 8 + 3], i * 3);
  const png = await sharp(rgb, { raw: { width: side, height: 32, channels: 3 } }).png().toBuffer();
  const expected = await libvipsGrey(png);
  tt.ok(Buffer.from((await toGray({ data: png })).pixels).equals(expected), 'an encoded frame');
  tt.ok(Buffer.from((await toGray({ raw: rgb, width: side, height: 32, channels: 3 })).pixels).equals(expected), 'a raw RGB frame');
});

t.test('grey (IR) and transparent frames keep their grey as before', async (tt) => {
  const data = await readFile(new URL('../../demo/frames/v02-f2.jpg', import.meta.url));
  const greyJpeg = await sharp(data).toColourspace('b-w').jpeg().toBuffer();
  tt.equal((await sharp(greyJpeg).metadata()).channels, 1, 'stored as one channel');
  tt.ok(Buffer.from((await toGray({ data: greyJpeg })).pixels).equals(await libvipsGrey(greyJpeg)), 'a one-channel JPEG');
  const withAlpha = await sharp(data).ensureAlpha(0.5).png().toBuffer();
  const gray = await toGray({ data: withAlpha });
  tt.equal(gray.pixels.length, gray.width * gray.height, 'one byte a pixel');
});
