import t from 'tap';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { main, regionOfDataset } from '../../inference/evaluate.js';
import { SAMPLE_VEHICLES } from '../../demo/sampleScenes.js';
import { runCli } from '../helpers/cliRunner.js';
import { tempDir } from '../helpers/index.js';

// A small dataset in the openalpr-benchmarks layout, made from the demo's own drawn scenes: the
// first frame of each vehicle, whose plate sits at a known place (demo/sampleScenes.ts).
const FRAMES = fileURLToPath(new URL('../../demo/frames', import.meta.url));
const PLATE = { x: 415, y: 365, w: 130, h: 66 };

async function dataset(t: { teardown(fn: () => unknown): void }, wrongTruth: string): Promise<{ endtoend: string; crops: string }> {
  const root = await tempDir(t, 'alpr-eval-');
  const endtoend = join(root, 'endtoend', 'us');
  const crops = join(root, 'seg_and_ocr');
  await mkdir(endtoend, { recursive: true });
  await mkdir(join(crops, 'usimages'), { recursive: true });
  const csv: string[] = [];
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    const name = `v0${i + 1}-f1.jpg`;
    // The last vehicle's truth is deliberately wrong, so there is one mistake to report.
    const truth = i === SAMPLE_VEHICLES.length - 1 ? wrongTruth : vehicle.plate;
    await copyFile(join(FRAMES, name), join(endtoend, name));
    await writeFile(join(endtoend, name.replace('.jpg', '.txt')), `${name}\t${PLATE.x}\t${PLATE.y}\t${PLATE.w}\t${PLATE.h}\t${truth}\n`);
    const crop = `crop${i + 1}.png`;
    await sharp(join(FRAMES, name)).extract({ left: PLATE.x, top: PLATE.y, width: PLATE.w, height: PLATE.h }).png().toFile(join(crops, 'usimages', crop));
    csv.push(`${crop},ca,${truth}`);
  }
  await writeFile(join(crops, 'groundtruth.csv'), `${csv.join('\n')}\n`);
  return { endtoend, crops };
}

t.test('end-to-end folder: the figures the issue names, as one JSON line, and --mistakes lists each miss', async (tt) => {
  const { endtoend } = await dataset(tt, 'NOTME1');
  const run = await runCli(main, ['--dataset', endtoend, '--json', '--mistakes']);
  tt.equal(run.code, 0, 'exit 0');
  const result = run.json();
  for (const key of ['images', 'detection_recall', 'top1', 'top5', 'false_positives_per_image', 'ms_median', 'ms_p95']) tt.type(result[key], 'number', key);
  tt.equal(result.images, 5, 'all but the locked test split (v02-f1.jpg falls in it)');
  tt.equal(result.detection_recall, 1, 'every drawn plate is found');
  tt.ok(result.top1 <= 4 / 5, 'the wrong truth is not matched');
  tt.ok(result.top1 >= 3 / 5, `top1 ${result.top1}`);
  tt.match(run.err, /misread v06-f1\.jpg: truth NOTME1, read \w+/, 'the mistake names the image, the truth and the read');
});

t.test('crop folder: detection is skipped and top1 is read accuracy on the crops', async (tt) => {
  const { crops } = await dataset(tt, 'NOTME1');
  const run = await runCli(main, ['--dataset', crops, '--json', '--mistakes']);
  tt.equal(run.code, 0, 'exit 0');
  const result = run.json();
  tt.equal(result.images, 5, 'all but the locked test split (crop3.png falls in it)');
  tt.equal(result.detection_recall, null);
  tt.equal(result.false_positives_per_image, null);
  tt.ok(result.top1 >= 3 / 5 && result.top1 <= 4 / 5, `top1 ${result.top1}`);
  tt.match(run.err, /misread crop6\.png: truth NOTME1, read \w+ \(confidence \d\.\d\d\)/, 'with the read\'s confidence, as for frames');
  tt.same(result.format_rules, { stateSeries: true }, 'the product applies the 0/O step');
  const off = (await runCli(main, ['--dataset', crops, '--json', '--no-state-series'])).json();
  tt.same(off.format_rules, { stateSeries: false }, 'it can be turned off to measure it');
});

t.test('the region read with: --region, else the folder\'s name where it is a region code, else us; reported in the JSON', async (tt) => {
  tt.equal(regionOfDataset('/data/endtoend/br'), 'br', 'as the OpenALPR benchmarks name their folders');
  tt.equal(regionOfDataset('/data/endtoend/eu/'), 'eu');
  tt.equal(regionOfDataset('/data/seg_and_ocr'), 'us', 'a folder named otherwise: an appliance installed without one');
  const { endtoend } = await dataset(tt, 'NOTME1');
  tt.equal((await runCli(main, ['--dataset', endtoend, '--json'])).json().plate_region, 'us');
  tt.equal((await runCli(main, ['--dataset', endtoend, '--json', '--region', 'gb'])).json().plate_region, 'gb');
  tt.equal((await runCli(main, ['--dataset', endtoend, '--region', 'xx'])).code, 64, 'an unknown region is a usage error');
});

t.test('the locked test split is scored only when asked for; k-fold figures with intervals', async (tt) => {
  const { crops } = await dataset(tt, 'NOTME1');
  const locked = (await runCli(main, ['--dataset', crops, '--json', '--split', 'locked'])).json();
  tt.equal(locked.images, 1, 'only the locked crop');
  const val = (await runCli(main, ['--dataset', crops, '--json', '--split', 'val'])).json();
  tt.equal(val.images, 0, 'val without its locked half: crop3.png is the only val crop here');
  const run = await runCli(main, ['--dataset', crops, '--json', '--folds', '3']);
  tt.equal(run.code, 0);
  const result = run.json();
  tt.equal(result.folds.k, 3);
  tt.ok(result.folds.top1.length >= 1 && result.folds.top1.every((x: number) => x >= 0 && x <= 1));
  tt.ok(result.top1_ci95[0] <= result.top1 && result.top1 <= result.top1_ci95[1], `top1 ${result.top1} in ${result.top1_ci95}`);
  tt.equal((await runCli(main, ['--dataset', crops, '--folds', '1'])).code, 64, 'one fold is no cross-validation');
});

t.test('a folder with no truth files is a typed error, exit 1; bad arguments exit 64', async (tt) => {
  const empty = await tempDir(tt, 'alpr-eval-empty-');
  const run = await runCli(main, ['--dataset', empty, '--json']);
  tt.equal(run.code, 1);
  tt.match(run.err, /ALPR_ERR_EVAL_DATASET/);
  tt.equal((await runCli(main, ['--split', 'val'])).code, 64, 'no --dataset');
  tt.equal((await runCli(main, ['--dataset', empty, '--split', 'some'])).code, 64, 'unknown split');
});
