import { Type, type Static } from '@sinclair/typebox';
import { ms, oneOf, validateAgainstSchema, type CamelCased, type Clock, type Logger } from '../core/index.js';
import { PLATE_REGION_CODES, type FormatRules } from './plateFormats.js';
import { PlateRecognizer } from './plateRecognizer.js';

/**
 * The recognizer's settings: the appliance config's `recognizer` section (firmware embeds this
 * schema) and what the evaluation and benchmark tools start from, so none of them reaches up
 * into firmware/.
 */
export const RecognizerConfigSchema = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Read plates (off: capture only, for commissioning the camera).' }),
    backend: oneOf(['auto', 'onnx', 'tfjs'], { default: 'onnx', description: 'Inference backend: ONNX Runtime (default), TensorFlow.js (tfjs-node where installed, else WASM), or auto (times each available one at start and keeps the fastest).' }),
    model_dir: Type.String({ default: '', description: 'Folder with manifest.json and the model files. Empty: the models shipped in inference/models.' }),
    detection_threshold: Type.Number({ minimum: 0.01, maximum: 0.99, default: 0.3, description: 'Detector score above which a region is a plate candidate (with the second look on, it must also pass zoom_verify_threshold).' }),
    detector_tiles: Type.Integer({ minimum: 1, maximum: 4, default: 2, description: '1: the detector sees the whole frame; n: also an n x n grid of overlapping tiles, for small distant plates (n*n+1 detector runs per frame).' }),
    detector_zoom_widths: Type.Array(Type.Number({ minimum: 1.5, maximum: 10 }), { maxItems: 4, default: [3, 4], description: 'Second look at each plate found: one detector run per entry on a view this many plate widths across, for a tighter box and to drop look-alikes. Empty: off.' }),
    zoom_verify_threshold: Type.Number({ minimum: 0, maximum: 2, default: 0.85, description: 'With the second look on: a plate is kept when its first detector score plus its mean score in the zoomed views reach this; below, it is dropped as a look-alike (grille, sign).' }),
    min_plate_chars: Type.Integer({ minimum: 1, maximum: 10, default: 4, description: 'A reading with fewer characters is not a plate (grille, sign). Nearly all US plates carry 4-8; lower it where shorter vanity plates matter more than look-alikes.' }),
    max_plate_chars: Type.Integer({ minimum: 1, maximum: 12, default: 8, description: 'A reading with more characters is not a plate (lettering on a vehicle).' }),
    min_read_confidence: Type.Number({ minimum: 0, maximum: 1, default: 0.1, description: 'A detection whose best reading is less sure than this is not a plate (grilles, signs).' }),
    low_confidence_below: Type.Number({ minimum: 0, maximum: 1, default: 0.5, description: 'Reads below this confidence are kept and flagged low_confidence, never dropped.' }),
    region_threshold: Type.Number({ minimum: 0, maximum: 1, default: 0.5, description: 'A reading names a state only at this confidence or above (else unknown). The readings of one plate (framings, readers, burst frames) then vote: the state named with the most confidence wins, and its reported confidence is its mean over all those readings, so it can be lower than this.' }),
    state_threshold: Type.Number({ minimum: 0, maximum: 1, default: 0, description: 'The plate\'s voted state is reported only at this confidence or above, else unknown: a state the officer cannot rely on is not guessed. Chosen by 5-fold cross-validation on the development crops (npm run eval -- --choose-state-threshold; see the model card).' }),
    plate_region: oneOf(PLATE_REGION_CODES, { default: 'us', description: 'The country whose plates this site reads (inference/plateFormats.ts PLATE_REGIONS). us: US states are named and their series settle 0 against O. A country with a national series (br, ar, gb, fr, it, es, de, ch, ru, in): a character its formats forbid at a position is read as its look-alike (0/O, 1/I, 8/B, 5/S, 2/Z, 6/G), a read that still fits none is flagged low_confidence, no state is named, and max_plate_chars rises to its longest format. eu: a mix of European formats, none enforced, no state named.' }),
    dedupe_window_ms: ms(10_000, 'The same plate read again at this site within this window is suppressed (0 = off).'),
  },
  { additionalProperties: false, default: {}, description: 'Plate recognition.' },
);

/** The validated, frozen recognizer settings the code reads. */
export type RecognizerConfig = CamelCased<Static<typeof RecognizerConfigSchema>>;

/** Applies the defaults to a `recognizer` section and validates it (ALPR_ERR_CONFIG_INVALID). */
export function validateRecognizerConfig(input: unknown): RecognizerConfig {
  return validateAgainstSchema<RecognizerConfig>(RecognizerConfigSchema, input);
}

/**
 * The plate recognizer these settings describe, or null when recognition is off. `formatRules`
 * is not an appliance setting: only evaluation passes it, to measure a rule by turning it off.
 */
export async function recognizerFromConfig(rc: RecognizerConfig, clock: Clock, logger: Logger, formatRules?: FormatRules): Promise<PlateRecognizer | null> {
  if (!rc.enabled) return null;
  return PlateRecognizer.create({
    ...(rc.modelDir ? { modelDir: rc.modelDir } : {}), backend: rc.backend, detectionThreshold: rc.detectionThreshold,
    detectorTiles: rc.detectorTiles,
    detectorZoom: { widths: rc.detectorZoomWidths, verifyThreshold: rc.zoomVerifyThreshold }, minReadConfidence: rc.minReadConfidence,
    plateChars: { min: rc.minPlateChars, max: rc.maxPlateChars },
    plateRegion: rc.plateRegion, lowConfidenceBelow: rc.lowConfidenceBelow, regionThreshold: rc.regionThreshold, stateThreshold: rc.stateThreshold, dedupeWindowMs: rc.dedupeWindowMs,
    ...(formatRules ? { formatRules } : {}), clock, logger: logger.child({ module: 'recognizer' }),
  });
}
