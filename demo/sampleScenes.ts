import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Makes the demo's replay frames: street scenes of the project's own drawing (no photographs),
 * three frames per vehicle as a car crosses the view, like a triggered burst. Deterministic, so
 * re-running it gives the same files. Run: npm run demo:frames
 */
export interface SceneVehicle {
  plate: string;
  state: string;
  bodyColour: string;
}

export const SAMPLE_VEHICLES: SceneVehicle[] = [
  { plate: '7ABC123', state: 'CALIFORNIA', bodyColour: '#8a1c1c' },
  { plate: 'KTX4492', state: 'ILLINOIS', bodyColour: '#1f3b73' },
  { plate: '5HJR870', state: 'TEXAS', bodyColour: '#d0d0d0' },
  { plate: 'BR2T665', state: 'NEW YORK', bodyColour: '#2e2e2e' },
  { plate: '3MKD218', state: 'OHIO', bodyColour: '#4f6b3a' },
  { plate: 'YLV9034', state: 'FLORIDA', bodyColour: '#b88a1b' },
];

const WIDTH = 960;
const HEIGHT = 540;

export function sceneSvg(vehicle: SceneVehicle, step: number): string {
  const x = 250 + step * 40;
  const y = 150 + step * 12;
  const plateX = x + 165;
  const plateY = y + 215;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <rect width="100%" height="100%" fill="#5b5f63"/>
  <rect y="${HEIGHT - 90}" width="100%" height="90" fill="#3d4043"/>
  <rect x="0" y="${HEIGHT - 50}" width="${WIDTH}" height="6" fill="#e8e3c8"/>
  <rect x="${x}" y="${y}" width="460" height="300" rx="40" fill="${vehicle.bodyColour}"/>
  <rect x="${x + 40}" y="${y + 25}" width="380" height="110" rx="18" fill="#9fb4c2"/>
  <circle cx="${x + 60}" cy="${y + 175}" r="24" fill="#f4f1d0"/>
  <circle cx="${x + 400}" cy="${y + 175}" r="24" fill="#f4f1d0"/>
  <rect x="${plateX}" y="${plateY}" width="130" height="66" rx="6" fill="#f7f7f2" stroke="#202020" stroke-width="3"/>
  <text x="${plateX + 65}" y="${plateY + 17}" font-family="DejaVu Sans" font-size="12" font-weight="bold" text-anchor="middle" fill="#1d3f8a">${vehicle.state}</text>
  <text x="${plateX + 65}" y="${plateY + 52}" font-family="DejaVu Sans Mono" font-size="26" font-weight="bold" text-anchor="middle" fill="#111">${vehicle.plate}</text>
</svg>`;
}

/** The file of one frame of one vehicle (0-based both): `v02-f1.jpg` is the second car's first frame. */
export const sampleFrameName = (vehicle: number, step: number) => `v${String(vehicle + 1).padStart(2, '0')}-f${step + 1}.jpg`;

export async function writeSampleFrames(folder: string, vehicles: SceneVehicle[] = SAMPLE_VEHICLES, framesPerVehicle = 3): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [v, vehicle] of vehicles.entries()) {
    for (let step = 0; step < framesPerVehicle; step++) {
      const file = join(folder, sampleFrameName(v, step));
      await writeFile(file, await sharp(Buffer.from(sceneSvg(vehicle, step))).jpeg({ quality: 85 }).toBuffer());
      written.push(file);
    }
  }
  return written;
}

export async function main(argv: string[]): Promise<number> {
  const folder = argv[0] ?? new URL('./frames', import.meta.url).pathname;
  const files = await writeSampleFrames(folder);
  process.stdout.write(`wrote ${files.length} frames to ${folder}\n`);
  return 0;
}
