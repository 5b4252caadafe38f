import { readFile, stat } from 'node:fs/promises';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AlprError } from '../../core/index.js';

/** A position as GeoJSON writes it: [longitude, latitude], an altitude allowed and ignored. */
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Line = Type.Array(Position, { minItems: 2 });
const Geometry = Type.Union([
  Type.Object({ type: Type.Literal('LineString'), coordinates: Line }),
  Type.Object({ type: Type.Literal('MultiLineString'), coordinates: Type.Array(Line) }),
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Line) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Line)) }),
]);

/**
 * The agency's map outline (streets, the boundary) the console draws the sites over, since map
 * tiles cannot be fetched: a GeoJSON FeatureCollection of lines and polygons. `properties.name`
 * labels a street; `properties.kind` "boundary" draws it as the jurisdiction's edge.
 */
export const MapOutlineBody = Type.Object({
  type: Type.Literal('FeatureCollection'),
  name: Type.Optional(Type.String({ maxLength: 200, description: 'What the outline shows and where it came from (shown under the map).' })),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Optional(Type.Union([Type.Null(), Type.Object({
      name: Type.Optional(Type.String({ maxLength: 200 })),
      kind: Type.Optional(Type.String({ maxLength: 40, description: '"boundary", or a kind of street such as "arterial".' })),
    })])),
    geometry: Geometry,
  }), { maxItems: 20_000 }),
});
export type MapOutline = Static<typeof MapOutlineBody>;

export const EMPTY_OUTLINE: MapOutline = { type: 'FeatureCollection', features: [] };

/** An outline bigger than this is a tile set or a state's street file, not a department's outline: the console loads it on every map. */
const MAX_OUTLINE_BYTES = 2 * 1024 * 1024;

/** Reads and checks the outline file at start; every mistake is named as `path: message`. */
export async function loadMapOutline(file: string): Promise<MapOutline> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_OUTLINE_BYTES) throw new AlprError('ALPR_ERR_CONFIG_INVALID', `map outline ${file} is larger than ${MAX_OUTLINE_BYTES} bytes: simplify it`);
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (cause instanceof AlprError) throw cause;
    throw new AlprError('ALPR_ERR_CONFIG_NOT_FOUND', `map outline ${file} cannot be read`, { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_PARSE', `map outline ${file} is not JSON (GeoJSON expected)`, { cause });
  }
  const problems = Value.Check(MapOutlineBody, raw) ? outOfRange(raw as MapOutline) : [...Value.Errors(MapOutlineBody, raw)].slice(0, 10).map((e) => `${e.path || '/'}: ${e.message}`);
  if (problems.length) throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid map outline ${file}:\n  ${problems.join('\n  ')}`);
  // Unknown members (ids, styling, foreign members) are left out: the console needs only these.
  return Value.Clean(MapOutlineBody, structuredClone(raw)) as MapOutline;
}

/** Positions outside longitude -180..180 or latitude -90..90 (often a file in a projected system, or lat/lon swapped). */
function outOfRange(outline: MapOutline): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (!Array.isArray(node) || problems.length >= 10) return;
    if (typeof node[0] === 'number') {
      const [lon, lat] = node as number[];
      if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) problems.push(`${path}: [${lon}, ${lat}] is not [longitude, latitude] in degrees (WGS 84)`);
      return;
    }
    node.forEach((child, i) => visit(child, `${path}/${i}`));
  };
  outline.features.forEach((f, i) => visit(f.geometry.coordinates, `/features/${i}/geometry/coordinates`));
  return problems;
}
