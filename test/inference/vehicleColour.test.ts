import sharp from 'sharp';
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { decodeFrame } from '../../inference/frameImage.js';
import { bodyRegion, classifyPixels, DEFAULT_COLOUR_RULES, judgeColour, panelFeatures, panelFeaturesOfRgb, vehicleColour } from '../../inference/vehicleColour.js';

const PLATE = { x: 280, y: 300, width: 80, height: 40 };

/** A 640x480 frame: a body of one colour with a white plate (dark characters) where PLATE says. */
async function car(body: [number, number, number], plateWhite = 240): Promise<Buffer> {
  const plate = await sharp({ create: { width: PLATE.width, height: PLATE.height, channels: 3, background: { r: plateWhite, g: plateWhite, b: plateWhite } } })
    .composite([{ input: { create: { width: 50, height: 14, channels: 3, background: { r: 20, g: 20, b: 20 } } }, left: 15, top: 13 }]).png().toBuffer();
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: body[0], g: body[1], b: body[2] } } })
    .composite([{ input: plate, left: PLATE.x, top: PLATE.y }]).jpeg({ quality: 90 }).toBuffer();
}

t.test('names the body colour of synthetic vehicles', async (tt) => {
  const cases: Array<[string, [number, number, number]]> = [
    ['red', [190, 25, 30]], ['blue', [30, 60, 170]], ['green', [30, 130, 50]], ['yellow', [230, 200, 40]],
    ['orange', [235, 120, 20]], ['brown', [110, 70, 40]], ['white', [252, 252, 252]], ['silver', [175, 178, 180]], ['black', [25, 25, 28]],
  ];
  for (const [name, rgb] of cases) tt.equal(await vehicleColour(await car(rgb), PLATE), name, `${name} body`);
  tt.equal(await vehicleColour(await car([110, 110, 112]), PLATE, { ...DEFAULT_COLOUR_RULES, minMargin: 0 }), 'grey', 'grey body, without the margin gate');
});

t.test('white to black: a brightness near a boundary is unknown; the shipped margin leaves no grey it is sure of', async (tt) => {
  const judged = await judgeColour(await car([232, 232, 232]), PLATE);
  tt.equal(judged.named, 'white', 'brightness 0.91, just over the white boundary of 0.9, looks white at first');
  tt.equal(judged.colour, 'unknown', 'but is within the 0.08 margin of it');
  for (const level of [95, 100, 105, 110, 115, 120, 125]) tt.equal(await vehicleColour(await car([level, level, level]), PLATE), 'unknown', `brightness ${level}`);
  tt.ok(DEFAULT_COLOUR_RULES.silverAt - DEFAULT_COLOUR_RULES.greyAt < 2 * DEFAULT_COLOUR_RULES.minMargin, 'the grey band (0.35-0.5) is narrower than twice the margin');
});

t.test('with the plate as the reference, a white car in a dark exposure is still white', async (tt) => {
  const plateReference = { ...DEFAULT_COLOUR_RULES, relativeToPlate: true };
  tt.equal(await vehicleColour(await car([150, 150, 150], 152), PLATE, plateReference), 'white');
  tt.equal(await vehicleColour(await car([150, 150, 150], 240), PLATE, plateReference), 'silver');
  tt.equal(await vehicleColour(await car([150, 150, 150], 152), PLATE), 'silver', 'the shipped rules read brightness as exposed');
});

t.test('says unknown rather than guess', async (tt) => {
  const split = Buffer.alloc(32 * 16 * 3);
  for (let i = 0; i < 32 * 16; i++) split.set(i % 2 ? [200, 20, 20] : [20, 160, 40], i * 3);
  tt.equal(classifyPixels(split), 'unknown', 'a panel split between two paints (a livery) is unknown');
  tt.equal(classifyPixels(Buffer.alloc(0)), 'unknown', 'no pixels');
  tt.equal(await vehicleColour(await car([190, 25, 30]), { x: 280, y: 0, width: 80, height: 40 }), 'unknown', 'no body above a plate at the top edge');
  tt.equal(bodyRegion({ x: 280, y: 0, width: 80, height: 40 }, 640, 480), null);
});

t.test('the colour judged from the RGB the plate was read from is the colour judged from the JPEG', async (tt) => {
  // The recognizer keeps the decoded RGB instead of decoding the JPEG again: same features, bit for bit.
  const frames = [await car([200, 30, 30]), await car([40, 40, 45], 200), await readFile(new URL('../../demo/frames/v03-f2.jpg', import.meta.url))];
  const plates = [PLATE, PLATE, { x: 400, y: 330, width: 120, height: 40 }];
  for (const [i, data] of frames.entries()) {
    const { rgb } = await decodeFrame({ data });
    tt.ok(rgb, `frame ${i + 1} decodes to RGB`);
    const fromJpeg = await panelFeatures(data, plates[i]!);
    tt.ok(fromJpeg, `frame ${i + 1} has a panel to judge`);
    tt.same(panelFeaturesOfRgb(rgb!, plates[i]!), fromJpeg, `frame ${i + 1}: the same features`);
  }
  const grey = await sharp(frames[0]!).toColourspace('b-w').jpeg().toBuffer();
  tt.equal((await decodeFrame({ data: grey })).rgb, null, 'a grey (IR) frame keeps no RGB: its colour is judged from the frame, unknown');
});
