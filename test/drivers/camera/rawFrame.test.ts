import t from 'tap';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { evidenceJpeg, i420Bytes, i420OfRgb, rawFrameOfImage, rgbOfI420, type CapturedImage } from '../../../drivers/index.js';
import { solidJpeg } from '../../helpers/index.js';

const scene = new URL('../../../demo/frames/v02-f1.jpg', import.meta.url);

t.test('RGB to I420 and back keeps each pixel within a few levels (chroma is shared by 2x2 pixels)', async (tt) => {
  const meta = await sharp(await readFile(scene)).metadata();
  const width = meta.width! & ~1, height = meta.height! & ~1;
  const rgb = await sharp(await readFile(scene)).extract({ left: 0, top: 0, width, height }).removeAlpha().raw().toBuffer();
  const yuv = i420OfRgb(rgb, width, height);
  tt.equal(yuv.length, i420Bytes(width, height));
  const back = rgbOfI420(yuv, width, height);
  let sum = 0;
  for (let i = 0; i < rgb.length; i++) sum += Math.abs(rgb[i]! - back[i]!);
  tt.ok(sum / rgb.length < 4, `mean error ${(sum / rgb.length).toFixed(2)} levels`);
});

t.test('a flat colour survives the round trip exactly enough to name it', async (tt) => {
  const rgb = Buffer.alloc(8 * 4 * 3);
  for (let i = 0; i < 32; i++) rgb.set([31, 59, 115], i * 3); // the demo's blue car
  const back = rgbOfI420(i420OfRgb(rgb, 8, 4), 8, 4);
  for (let c = 0; c < 3; c++) tt.ok(Math.abs(back[c]! - rgb[c]!) <= 1, `channel ${c}: ${back[c]} for ${rgb[c]}`);
});

t.test('converting one area gives the same pixels as converting the frame and cutting the area out', async (tt) => {
  const { data, width, height } = await rawFrameOfImage(await readFile(scene), 'scene');
  const whole = rgbOfI420(data, width, height);
  const area = { x: 101, y: 57, width: 33, height: 21 }; // odd corners: the chroma of the pixel to the left and above
  const part = rgbOfI420(data, width, height, area);
  let same = true;
  for (let y = 0; y < area.height; y++) same &&= part.subarray(y * area.width * 3, (y + 1) * area.width * 3).equals(whole.subarray(((area.y + y) * width + area.x) * 3, ((area.y + y) * width + area.x + area.width) * 3));
  tt.ok(same);
});

t.test('every pixel is the full-range BT.601 formula in 16.16 fixed point, whatever the area', async (tt) => {
  // The conversion looks its terms up in tables and handles two pixels per chroma sample; the
  // formula written out per pixel is the reference.
  const fix = (x: number) => Math.round(x * 65536);
  const clampByte = (n: number) => (n < 0 ? 0 : n > 255 ? 255 : n);
  const width = 18, height = 10;
  const data = Buffer.alloc(i420Bytes(width, height));
  let seed = 7;
  for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
  data.fill(255, 0, 9).fill(0, 9, 18); // full-scale luma against extreme chroma: both clamps
  const expected = (x: number, y: number) => {
    const cw = width / 2, c = (y >> 1) * cw + (x >> 1);
    const l = (data[y * width + x]! << 16) + (1 << 15);
    const u = data[width * height + c]! - 128, v = data[width * height + cw * (height / 2) + c]! - 128;
    return [clampByte((l + fix(1.402) * v) >> 16), clampByte((l + fix(-0.344136) * u + fix(-0.714136) * v) >> 16), clampByte((l + fix(1.772) * u) >> 16)];
  };
  for (const area of [{ x: 0, y: 0, width, height }, { x: 1, y: 1, width: 7, height: 3 }, { x: 2, y: 3, width: 1, height: 1 }, { x: 3, y: 0, width: 15, height: 10 }]) {
    const got = rgbOfI420(data, width, height, area);
    let wrong = 0;
    for (let y = 0; y < area.height; y++) {
      for (let x = 0; x < area.width; x++) {
        const want = expected(area.x + x, area.y + y);
        for (let ch = 0; ch < 3; ch++) if (got[(y * area.width + x) * 3 + ch] !== want[ch]) wrong++;
      }
    }
    tt.equal(wrong, 0, `area ${JSON.stringify(area)}`);
    tt.equal(got.length, area.width * area.height * 3);
  }
});

t.test('the evidence JPEG: a JPEG frame is kept as the camera made it, a raw frame is encoded at its size', async (tt) => {
  const jpeg = await solidJpeg(64, 48, 90);
  const asJpeg: CapturedImage = { format: 'jpeg', width: 64, height: 48, data: jpeg, capturedAt: 0, origin: 'x' };
  tt.equal(await evidenceJpeg(asJpeg), jpeg, 'the same bytes');
  const raw = await rawFrameOfImage(await readFile(scene), 'scene');
  const encoded = await evidenceJpeg({ format: 'yuv420', ...raw, capturedAt: 0, origin: 'x' });
  const meta = await sharp(encoded).metadata();
  tt.match(meta, { format: 'jpeg', width: raw.width, height: raw.height, channels: 3 }, 'a colour JPEG of the whole frame');
});

t.test('a file too small to hold a 2x2 block is a typed size error', async (tt) => {
  await tt.rejects(rawFrameOfImage(await solidJpeg(1, 8), 'thin.jpg'), { code: 'ALPR_ERR_IMAGE_SIZE' });
});
