import type { InferenceBackend } from './backends/types.js';
import type { GrayFrame } from './frameImage.js';
import { pyramid, sampleView, type GrayImage } from './pyramid.js';

export const DET_W = 384;
export const DET_H = 288;
export const DET_STRIDE = 4;

export interface PlateBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The views the detector looks at: the whole frame, and (with `tiles` > 1) a grid of overlapping
 * tiles, each seen at the detector's full input size. Distant plates are only a few dozen pixels
 * wide once a 1080p frame is shrunk to 384; in a tile they are twice that.
 */
export function detectorViews(width: number, height: number, tiles: number): Region[] {
  const views: Region[] = [{ left: 0, top: 0, width, height }];
  if (tiles <= 1) return views;
  const overlap = 0.2;
  const tw = width / (tiles - (tiles - 1) * overlap);
  const th = height / (tiles - (tiles - 1) * overlap);
  for (let ty = 0; ty < tiles; ty++) {
    for (let tx = 0; tx < tiles; tx++) {
      const left = Math.round(tx * tw * (1 - overlap));
      const top = Math.round(ty * th * (1 - overlap));
      views.push({ left, top, width: Math.min(width - left, Math.round(tw)), height: Math.min(height - top, Math.round(th)) });
    }
  }
  return views;
}

/**
 * Finds plates: each view is scaled to fit 384x288 (top-left, zero padding, as in training;
 * shrunk through a 2x2-average pyramid, see pyramid.ts), the
 * network gives a plate-centre heatmap with sizes and offsets, local maxima above the threshold
 * become boxes in frame pixels, and boxes found in several views are merged.
 */
export async function detectPlates(backend: InferenceBackend, frame: GrayFrame, threshold: number, maxPlates = 8, tiles = 1): Promise<PlateBox[]> {
  const levels = pyramid(frame, DET_W);
  const found: PlateBox[] = [];
  for (const view of detectorViews(frame.width, frame.height, tiles)) found.push(...(await detectInView(backend, levels, view, threshold)));
  found.sort((a, b) => b.score - a.score);
  // Overlapping peaks of one plate (a wide plate can peak twice, tiles overlap): keep the strongest.
  const kept: PlateBox[] = [];
  for (const p of found) if (kept.length < maxPlates && kept.every((k) => iou(k, p) < 0.3 && !inside(p, k))) kept.push(p);
  return kept;
}

/** True when box a lies mostly inside box b (a fragment of a plate seen whole elsewhere). */
function inside(a: PlateBox, b: PlateBox): boolean {
  const iw = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const ih = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return iw * ih > 0.6 * a.width * a.height;
}

async function detectInView(backend: InferenceBackend, levels: GrayImage[], view: Region, threshold: number): Promise<PlateBox[]> {
  const scale = Math.min(DET_W / view.width, DET_H / view.height);
  const w = Math.max(1, Math.round(view.width * scale));
  const h = Math.max(1, Math.round(view.height * scale));
  const input = new Float32Array(DET_W * DET_H);
  sampleView(levels, view, w, h, input, DET_W);
  const { maps } = await backend.detect({ data: input, dims: [1, 1, DET_H, DET_W] });
  const [, , gh, gw] = maps.dims as [number, number, number, number];
  const plane = gh * gw;
  const m = maps.data;
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  const peaks: PlateBox[] = [];
  for (let iy = 0; iy < gh; iy++) {
    for (let ix = 0; ix < gw; ix++) {
      const logit = m[iy * gw + ix]!;
      const score = sigmoid(logit);
      if (score < threshold) continue;
      let isPeak = true;
      for (let dy = -1; dy <= 1 && isPeak; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = iy + dy;
          const xx = ix + dx;
          if ((dy || dx) && yy >= 0 && yy < gh && xx >= 0 && xx < gw && m[yy * gw + xx]! > logit) {
            isPeak = false;
            break;
          }
        }
      }
      if (!isPeak) continue;
      const at = iy * gw + ix;
      const wc = Math.exp(m[plane + at]!);
      const hc = Math.exp(m[2 * plane + at]!);
      const cx = ix + m[3 * plane + at]!;
      const cy = iy + m[4 * plane + at]!;
      peaks.push({
        x: view.left + ((cx - wc / 2) * DET_STRIDE) / scale,
        y: view.top + ((cy - hc / 2) * DET_STRIDE) / scale,
        width: (wc * DET_STRIDE) / scale,
        height: (hc * DET_STRIDE) / scale,
        score,
      });
    }
  }
  return peaks;
}

export function iou(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): number {
  const iw = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const ih = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = iw * ih;
  return inter / (a.width * a.height + b.width * b.height - inter + 1e-9);
}
