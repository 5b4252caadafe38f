import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, createLogger, errorMessage, systemClock } from '../core/index.js';
import type { BackendChoice } from './backends/createBackend.js';
import { toGray } from './frameImage.js';
import { iou } from './plateDetector.js';
import { ALL_FORMAT_RULES, PLATE_REGION_CODES, type FormatRules, type PlateRegionCode } from './plateFormats.js';
import { CROP_MARGIN } from './plateReader.js';
import { recognizerFromConfig, validateRecognizerConfig } from './recognizerConfig.js';
import { crossValidateThreshold, foldOf, scoreStates, wilson, type CrossValidation, type StateSample } from './stateThreshold.js';

/**
 * `npm run eval -- --dataset DIR [--json] [--split all|val|train] [--backend auto|onnx|tfjs]`
 * [--mistakes: each missed or misread plate and each false plate on stderr, one line each]
 * Scores the recognizer on a folder in the openalpr/benchmarks layout with that project's
 * definitions: a plate is detected when a returned plate overlaps the truth box with IoU > 0.4;
 * top1 when that plate's best text equals the truth (upper case, spaces and dashes ignored); top5
 * when the truth is among its five candidates. seg_and_ocr folders are plate crops: detection is
 * skipped and top1 is read accuracy on the crop. --split picks the deterministic development split
 * used in training (val is never trained on); `locked` is the locked test split, left out of all
 * the others. --folds K reports top1 per hash fold with its mean and spread (k-fold reporting; no
 * retraining), and top1_ci95 is always printed. --no-state-series leaves out the 0/O step after
 * the vote, to measure what it changes (with --mistakes, plate by plate); the appliance always
 * applies it.
 */
interface Truth {
  image: string;
  plates: Array<{ x: number; y: number; w: number; h: number; text: string; region?: string }>;
}

const normalise = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

/** Same split as inference/training/dataset.py. */
export function splitOf(name: string): 'val' | 'train' {
  return Number.parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16) % 5 === 0 ? 'val' : 'train';
}

/**
 * The locked test split: about half of `val` (never trained on), chosen by a hash of the file name
 * and listed in the model card. No choice (threshold, rule, configuration) may look at it: `all`
 * and `val` leave it out, and only `--split locked` scores it, to report.
 */
export function isLocked(name: string): boolean {
  return splitOf(name) === 'val' && Number.parseInt(createHash('sha256').update(`locked:${name}`).digest('hex').slice(0, 8), 16) % 2 === 0;
}

export type Split = 'all' | 'val' | 'train' | 'locked';

function inSplit(name: string, split: Split): boolean {
  if (split === 'locked') return isLocked(name);
  if (isLocked(name)) return false;
  return split === 'all' || splitOf(name) === split;
}

async function loadTruth(dir: string): Promise<{ kind: 'endtoend' | 'crops'; items: Truth[] }> {
  if (existsSync(join(dir, 'groundtruth.csv'))) {
    const rows = (await readFile(join(dir, 'groundtruth.csv'), 'utf8')).trim().split('\n').map((l) => l.split(','));
    return {
      kind: 'crops',
      items: rows.filter((r) => r.length >= 3 && r[0]!.endsWith('.png')).map((r) => ({ image: join(dir, 'usimages', r[0]!), plates: [{ x: 0, y: 0, w: 0, h: 0, text: normalise(r[2]!), region: r[1]!.toUpperCase() }] })),
    };
  }
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  } catch (cause) {
    throw new AlprError('ALPR_ERR_EVAL_DATASET', `${dir} cannot be read`, { cause });
  }
  if (names.length === 0) throw new AlprError('ALPR_ERR_EVAL_DATASET', `${dir} has neither groundtruth.csv nor .txt truth files`);
  const items: Truth[] = [];
  for (const name of names) {
    const plates: Truth['plates'] = [];
    let image = '';
    for (const line of (await readFile(join(dir, name), 'utf8')).trim().split('\n')) {
      const p = line.split('\t');
      if (p.length < 6) continue;
      image = join(dir, p[0]!);
      plates.push({ x: Number(p[1]), y: Number(p[2]), w: Number(p[3]), h: Number(p[4]), text: normalise(p[5]!) });
    }
    if (image) items.push({ image, plates });
  }
  return { kind: 'endtoend', items };
}

export interface EvalResult {
  images: number;
  detection_recall: number | null;
  top1: number;
  top5: number;
  false_positives_per_image: number | null;
  ms_median: number;
  ms_p95: number;
  /** Crops only: the state read (at or above state_threshold) equals the truth; unknown counts as wrong. */
  region_top1: number | null;
  /** Crops only: of the crops where a state is given (not unknown), the share where it is right. */
  region_top1_given: number | null;
  /** Crops only: share of crops where a state is given. */
  region_coverage: number | null;
  state_threshold: number;
  /** Crops with --choose-state-threshold: 5-fold cross-validation of the state threshold. */
  state_threshold_cv?: CrossValidation;
  /** 95% Wilson interval of top1 over the plates scored. */
  top1_ci95: [number, number];
  /** With --folds K: top1 per fold (folds by a hash of the file name), and their mean and spread. */
  folds?: { k: number; top1: number[]; mean: number; sd: number };
  failed_images: number;
  backend: string;
  /** The readers' precision on this machine: int8 or float (int8Support.ts). */
  readers: 'int8' | 'float';
  split: string;
  /** The plate-format rules applied (both, unless turned off to measure one). */
  format_rules: FormatRules;
  /** The region read with (--region, else the dataset folder's name where it is one, else us). */
  plate_region: PlateRegionCode;
}

export async function evaluate(dir: string, options: { split: Split; folds?: number; backend?: BackendChoice; limit?: number; modelDir?: string; tiles?: number; threshold?: number; zoomVerify?: number; zoomWidths?: number[]; minReadConfidence?: number; regionThreshold?: number; stateThreshold?: number; chooseStateThreshold?: number; formatRules?: FormatRules; region?: PlateRegionCode; onMistake?: (line: string) => void; betweenImages?: () => Promise<void> }): Promise<EvalResult> {
  const { kind, items: all } = await loadTruth(dir);
  const items = all.filter((i) => inSplit(basename(i.image), options.split)).slice(0, options.limit ?? Infinity);
  const logger = createLogger({ level: 'warn', name: 'alpr-eval' });
  // As configured for the appliance (the recognizer schema's defaults), with dedupe off: every image
  // is a different vehicle here.
  const config = validateRecognizerConfig({
    ...(options.backend ? { backend: options.backend } : {}), dedupe_window_ms: 0, ...(options.modelDir ? { model_dir: options.modelDir } : {}),
    ...(options.tiles ? { detector_tiles: options.tiles } : {}), ...(options.threshold ? { detection_threshold: options.threshold } : {}),
    ...(options.zoomVerify !== undefined ? { zoom_verify_threshold: options.zoomVerify } : {}),
    ...(options.zoomWidths ? { detector_zoom_widths: options.zoomWidths } : {}),
    ...(options.minReadConfidence !== undefined ? { min_read_confidence: options.minReadConfidence } : {}),
    ...(options.regionThreshold !== undefined ? { region_threshold: options.regionThreshold } : {}),
    // The state gate is the last step of a read: read ungated here and gate below, so that one
    // pass scores any threshold (and cross-validation can choose one).
    state_threshold: 0,
    plate_region: options.region ?? regionOfDataset(dir),
  });
  const stateThreshold = options.stateThreshold ?? validateRecognizerConfig({}).stateThreshold;
  const stateSamples: StateSample[] = [];
  const formatRules = options.formatRules ?? ALL_FORMAT_RULES;
  const recognizer = (await recognizerFromConfig(config, systemClock, logger, formatRules))!;
  let plates = 0, detected = 0, top1 = 0, top5 = 0, falsePositives = 0, failed = 0;
  const times: number[] = [];
  // Per image: plates scored and read right, for the fold report.
  const perImage: Array<{ name: string; plates: number; top1: number }> = [];
  for (const item of items) {
    const before = { plates, top1 };
    const data = await readFile(item.image);
    const started = performance.now();
    try {
      if (kind === 'crops') {
        // The crop is the plate: read it whole (the reader adds its margin, so inset the box by it).
        const gray = await toGray({ data });
        const w = gray.width / (1 + 2 * CROP_MARGIN.x);
        const h = gray.height / (1 + 2 * CROP_MARGIN.y);
        const read = await recognizer.readBox(gray, { x: (gray.width - w) / 2, y: (gray.height - h) / 2, width: w, height: h, score: 1 });
        times.push(performance.now() - started);
        plates++;
        const truth = item.plates[0]!.text;
        if (read.candidates[0]?.text === truth) top1++;
        else options.onMistake?.(`misread ${basename(item.image)}: truth ${truth}, read ${read.candidates[0] ? `${read.candidates[0].text} (confidence ${read.candidates[0].confidence.toFixed(2)})` : '(nothing)'}`);
        if (read.candidates.some((c) => c.text === truth)) top5++;
        stateSamples.push({ name: basename(item.image), truth: item.plates[0]!.region!, region: read.region, confidence: read.regionConfidence });
        continue;
      }
      const found = await recognizer.recognize({ data });
      times.push(performance.now() - started);
      const used = new Set<number>();
      for (const truth of item.plates) {
        plates++;
        const box = { x: truth.x, y: truth.y, width: truth.w, height: truth.h };
        const matches = found.map((f, i) => ({ f, i, o: iou(f.box, box) })).filter((m) => m.o > 0.4).sort((a, b) => b.o - a.o);
        const match = matches[0];
        if (!match) {
          options.onMistake?.(`missed ${basename(item.image)}: truth ${truth.text}`);
          continue;
        }
        used.add(match.i);
        detected++;
        if (match.f.text === truth.text) top1++;
        else options.onMistake?.(`misread ${basename(item.image)}: truth ${truth.text}, read ${match.f.text} (confidence ${match.f.confidence.toFixed(2)})`);
        if (match.f.candidates.some((c) => c.text === truth.text)) top5++;
      }
      const falsePlates = found.filter((f, i) => !used.has(i) && !item.plates.some((t) => iou(f.box, { x: t.x, y: t.y, width: t.w, height: t.h }) > 0.4));
      falsePositives += falsePlates.length;
      for (const f of falsePlates) options.onMistake?.(`false plate ${basename(item.image)}: read ${f.text} (confidence ${f.confidence.toFixed(2)}) at ${Math.round(f.box.x)},${Math.round(f.box.y)} ${Math.round(f.box.width)}x${Math.round(f.box.height)}`);
    } catch (err) {
      failed++;
      plates += item.plates.length;
      logger.warn({ image: basename(item.image), err: errorMessage(err) }, 'image failed');
    } finally {
      perImage.push({ name: basename(item.image), plates: plates - before.plates, top1: top1 - before.top1 });
      // Outside the timed part: the photographs bench times its reference unit here, under the same load.
      await options.betweenImages?.();
    }
  }
  await recognizer.close();
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : NaN);
  const r4 = (n: number) => Math.round(n * 10000) / 10000;
  const states = scoreStates(stateSamples, stateThreshold);
  return {
    images: items.length,
    detection_recall: kind === 'crops' ? null : r4(detected / Math.max(1, plates)),
    top1: r4(top1 / Math.max(1, plates)),
    top5: r4(top5 / Math.max(1, plates)),
    false_positives_per_image: kind === 'crops' ? null : r4(falsePositives / Math.max(1, items.length)),
    ms_median: Math.round(pct(0.5) * 10) / 10,
    ms_p95: Math.round(pct(0.95) * 10) / 10,
    region_top1: kind === 'crops' ? r4(states.right / Math.max(1, plates)) : null,
    region_top1_given: kind === 'crops' && states.top1Given !== null ? r4(states.top1Given) : null,
    region_coverage: kind === 'crops' ? r4(states.given / Math.max(1, plates)) : null,
    state_threshold: stateThreshold,
    ...(kind === 'crops' && options.chooseStateThreshold !== undefined ? { state_threshold_cv: crossValidateThreshold(stateSamples, options.chooseStateThreshold) } : {}),
    top1_ci95: wilson(top1, plates).map(r4) as [number, number],
    ...(options.folds ? { folds: foldReport(perImage, options.folds) } : {}),
    failed_images: failed,
    backend: recognizer.backendName,
    readers: recognizer.readerPrecision,
    split: options.split,
    format_rules: formatRules,
    plate_region: config.plateRegion,
  };
}

/**
 * The region a dataset's photographs come from, as the OpenALPR benchmarks name their folders
 * (endtoend/us, endtoend/eu, endtoend/br): the folder's name where it is a region code
 * (plateFormats.ts PLATE_REGIONS), else us, as an appliance installed without one. `--region`
 * overrides it; the JSON reports the region read with.
 */
export function regionOfDataset(dir: string): PlateRegionCode {
  const name = basename(resolve(dir)).toLowerCase();
  return (PLATE_REGION_CODES as readonly string[]).includes(name) ? (name as PlateRegionCode) : 'us';
}

function foldReport(perImage: ReadonlyArray<{ name: string; plates: number; top1: number }>, k: number): NonNullable<EvalResult['folds']> {
  const top1 = Array.from({ length: k }, (_, fold) => {
    const mine = perImage.filter((p) => foldOf(p.name, k) === fold);
    const n = mine.reduce((a, p) => a + p.plates, 0);
    return n ? mine.reduce((a, p) => a + p.top1, 0) / n : NaN;
  }).filter((x) => !Number.isNaN(x));
  const mean = top1.reduce((a, b) => a + b, 0) / Math.max(1, top1.length);
  const sd = Math.sqrt(top1.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, top1.length - 1));
  const r4 = (n: number) => Math.round(n * 10000) / 10000;
  return { k, top1: top1.map(r4), mean: r4(mean), sd: r4(sd) };
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, json: { type: 'boolean' }, split: { type: 'string', default: 'all' }, backend: { type: 'string' }, limit: { type: 'string' }, models: { type: 'string' }, tiles: { type: 'string' }, threshold: { type: 'string' }, 'zoom-verify': { type: 'string' }, 'zoom-widths': { type: 'string' }, 'min-read-confidence': { type: 'string' }, 'region-threshold': { type: 'string' }, 'state-threshold': { type: 'string' }, 'choose-state-threshold': { type: 'string' }, folds: { type: 'string' }, mistakes: { type: 'boolean' }, 'no-state-series': { type: 'boolean' }, region: { type: 'string' } } }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n`);
    return 64;
  }
  if (!values.dataset || !['all', 'val', 'train', 'locked'].includes(values.split!) || (values.folds !== undefined && !/^([2-9]|10)$/.test(values.folds)) || (values.backend && !['auto', 'onnx', 'tfjs'].includes(values.backend)) || (values.region !== undefined && !(PLATE_REGION_CODES as readonly string[]).includes(values.region))) {
    process.stderr.write(`usage: npm run eval -- --dataset DIR [--json] [--split all|val|train|locked] [--folds 2-10] [--backend auto|onnx|tfjs] [--limit N] [--models DIR] [--tiles N] [--threshold P] [--zoom-verify P] [--zoom-widths W,W] [--min-read-confidence P] [--region-threshold P] [--state-threshold P] [--choose-state-threshold TARGET_TOP1] [--no-state-series] [--region ${PLATE_REGION_CODES.join('|')}] [--mistakes]\n`);
    return 64;
  }
  try {
    const result = await evaluate(values.dataset, {
      split: values.split as Split, ...(values.folds ? { folds: Number(values.folds) } : {}), ...(values.backend ? { backend: values.backend as BackendChoice } : {}),
      ...(values.limit ? { limit: Number(values.limit) } : {}), ...(values.models ? { modelDir: values.models } : {}),
      ...(values.tiles ? { tiles: Number(values.tiles) } : {}), ...(values.threshold ? { threshold: Number(values.threshold) } : {}),
      ...(values['zoom-verify'] ? { zoomVerify: Number(values['zoom-verify']) } : {}),
      ...(values['zoom-widths'] !== undefined ? { zoomWidths: values['zoom-widths'].split(',').filter(Boolean).map(Number) } : {}),
      ...(values['min-read-confidence'] ? { minReadConfidence: Number(values['min-read-confidence']) } : {}),
      ...(values['region-threshold'] !== undefined ? { regionThreshold: Number(values['region-threshold']) } : {}),
      ...(values['state-threshold'] ? { stateThreshold: Number(values['state-threshold']) } : {}),
      ...(values['choose-state-threshold'] ? { chooseStateThreshold: Number(values['choose-state-threshold']) } : {}),
      ...(values['no-state-series'] ? { formatRules: { stateSeries: false } } : {}),
      ...(values.region ? { region: values.region as PlateRegionCode } : {}),
      ...(values.mistakes ? { onMistake: (line: string) => process.stderr.write(`${line}\n`) } : {}),
    });
    if (!values.json) process.stdout.write(`${Object.entries(result).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}`).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ` : ''}${errorMessage(err)}\n`);
    return 1;
  }
}
