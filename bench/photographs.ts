import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { evaluate, type Split } from '../inference/index.js';
import { machine, percentile, round } from './machine.js';
import { openReferenceWorkload } from './referenceWorkload.js';

/**
 * `npm run bench -- photographs --dataset DIR [--split all|val] [--limit N] [--models DIR] [--mistakes]`: `npm run eval` on real
 * photographs (ms per image, decode included, one thread for ONNX Runtime and libvips) with the
 * frozen reference unit timed between images in the same run, so a speed cut can be shown beside
 * its accuracy figures and compared across machines as `ratio` = ms_median / reference_ms. The
 * locked split is refused: no choice may look at it. `--models` runs another model folder (a
 * candidate beside the shipped one, timed in the same sitting).
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, split: { type: 'string', default: 'all' }, limit: { type: 'string' }, models: { type: 'string' }, mistakes: { type: 'boolean' } } });
  if (!values.dataset || !['all', 'val', 'train'].includes(values.split!)) {
    process.stderr.write('usage: npm run bench -- photographs --dataset DIR [--split all|val|train] [--limit N] [--models DIR] [--mistakes]\n');
    return 64;
  }
  sharp.concurrency(1);
  const reference = await openReferenceWorkload();
  for (let i = 0; i < 2; i++) await reference.once();
  const referenceTimes: number[] = [];
  const result = await evaluate(values.dataset, {
    split: values.split as Split, ...(values.limit ? { limit: Number(values.limit) } : {}), ...(values.models ? { modelDir: values.models } : {}),
    ...(values.mistakes ? { onMistake: (line: string) => process.stderr.write(`${line}\n`) } : {}),
    betweenImages: async () => {
      referenceTimes.push(await reference.once());
    },
  });
  await reference.close();
  referenceTimes.sort((a, b) => a - b);
  const referenceMs = percentile(referenceTimes, 50);
  process.stdout.write(`${JSON.stringify({
    benchmark: 'photographs', split: result.split, images: result.images, detection_recall: result.detection_recall, top1: result.top1, top5: result.top5,
    false_positives_per_image: result.false_positives_per_image, ms_median: result.ms_median, ms_p95: result.ms_p95,
    reference_ms: round(referenceMs, 1), ratio: round(result.ms_median / referenceMs, 2), backend: result.backend, readers: result.readers, machine: machine(),
  })}\n`);
  return 0;
}
