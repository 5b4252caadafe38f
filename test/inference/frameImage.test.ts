import t from 'tap';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { i420Bytes } from '../../drivers/index.js';
import { decodeFrame, toGray } from '../../inference/index.js';

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

t.test('a raw I420 frame needs no decode: its Y plane is the grey frame, without a copy', async (tt) => {
  const width = 64, height = 32;
  const yuv420 = Buffer.alloc(i420Bytes(width, height), 128);
  for (let i = 0; i < width * height; i++) yuv420[i] = i & 0xff;
  const { gray, rgb } = await decodeFrame({ yuv420, width, height });
  tt.same([gray.width, gray.height], [width, height]);
  tt.ok(gray.pixels.equals(yuv420.subarray(0, width * height)), 'the Y plane');
  tt.equal(gray.pixels.buffer, yuv420.buffer, 'the same memory as the camera\'s frame');
  tt.equal(rgb, null, 'no RGB frame is made: the colour step reads U and V around the plate');
});

t.test('a raw frame whose bytes do not fit its size is refused, not read', async (tt) => {
  const frame = Buffer.alloc(i420Bytes(64, 32));
  await tt.rejects(decodeFrame({ yuv420: frame.subarray(1), width: 64, height: 32 }), { code: 'ALPR_ERR_IMAGE_SIZE' }, 'one byte short');
  await tt.rejects(decodeFrame({ yuv420: frame, width: 64, height: 30 }), { code: 'ALPR_ERR_IMAGE_SIZE' }, 'bytes for another size');
  await tt.rejects(decodeFrame({ yuv420: Buffer.alloc(i420Bytes(64, 32) + 64), width: 63, height: 33 }), { code: 'ALPR_ERR_IMAGE_SIZE' }, 'odd sides');
  await tt.rejects(decodeFrame({ yuv420: Buffer.alloc(0), width: 0, height: 0 }), { code: 'ALPR_ERR_IMAGE_SIZE' }, 'empty');
});

t.test('a photograph stored on its side with an EXIF orientation is turned upright, as a viewer shows it', async (tt) => {
  const data = await readFile(new URL('../../demo/frames/v01-f1.jpg', import.meta.url));
  const upright = await toGray({ data });
  // Stored rotated a quarter turn anticlockwise, with orientation 6 ("rotate 90 clockwise to view").
  const sideways = await sharp(data).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 100 }).toBuffer();
  tt.same(((await sharp(sideways).metadata()).orientation), 6);
  const read = await toGray({ data: sideways });
  tt.same([read.width, read.height], [upright.width, upright.height], 'landscape again');
  let differ = 0;
  for (let i = 0; i < read.pixels.length; i++) if (Math.abs(read.pixels[i]! - upright.pixels[i]!) > 24) differ++;
  tt.ok(differ / read.pixels.length < 0.01, `the same picture, up to JPEG loss (${differ} pixels differ by more than 24)`);
  const pixelsOf = await sharp(sideways).png().toBuffer();
  tt.same([(await toGray({ data: pixelsOf })).width], [540], 'a PNG carries no orientation and is read as stored');
});
