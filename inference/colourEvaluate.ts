import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '../core/index.js';
import { VEHICLE_COLOURS, vehicleColour, type VehicleColour } from './vehicleColour.js';

/**
 * `node bin/tool.js inference/colourEvaluate.ts --dataset DIR/endtoend/us [--labels FILE]`
 * Scores the vehicle-colour classifier on the hand-labelled development sample at the truth plate
 * box; prints accuracy, how often it says unknown, and the confusion (truth -> said: count).
 */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, labels: { type: 'string' } } }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n`);
    return 64;
  }
  if (!values.dataset) {
    process.stderr.write('usage: colourEvaluate --dataset DIR/endtoend/us [--labels FILE]\n');
    return 64;
  }
  const labelsFile = values.labels ?? new URL('./fixtures/vehicle-colours.csv', import.meta.url).pathname;
  const rows = (await readFile(labelsFile, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(',') as [string, VehicleColour]);
  const confusion = new Map<string, number>();
  let right = 0, unknown = 0;
  for (const [file, truth] of rows) {
    const line = (await readFile(join(values.dataset, file.replace(/\.\w+$/, '.txt')), 'utf8')).trim().split('\n')[0]!.split('\t');
    const said = await vehicleColour(await readFile(join(values.dataset, file)), { x: Number(line[1]), y: Number(line[2]), width: Number(line[3]), height: Number(line[4]) });
    if (said === truth) right++;
    if (said === 'unknown') unknown++;
    if (said !== truth) confusion.set(`${truth}->${said}`, (confusion.get(`${truth}->${said}`) ?? 0) + 1);
  }
  const perColour = Object.fromEntries(VEHICLE_COLOURS.map((c) => [c, rows.filter((r) => r[1] === c).length]).filter(([, n]) => n));
  const result = { vehicles: rows.length, accuracy: Math.round((right / rows.length) * 1000) / 1000, right, unknown, labelled: perColour, mistakes: Object.fromEntries([...confusion.entries()].sort((a, b) => b[1] - a[1])) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
