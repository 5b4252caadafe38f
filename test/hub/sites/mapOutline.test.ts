import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMapOutline } from '../../../hub/sites/mapOutline.js';
import { loadPolicyFile } from '../../../hub/policyFile.js';
import { tempDir } from '../../helpers/index.js';

const street = (name: string, coordinates: number[][]) => ({ type: 'Feature', properties: { name, kind: 'arterial', highway: 'primary' }, geometry: { type: 'LineString', coordinates } });

t.test('a GeoJSON outline of streets and a boundary is read, keeping only what the console draws', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'outline.geojson');
  await writeFile(file, JSON.stringify({
    type: 'FeatureCollection', name: 'Village streets', crs: { type: 'name' },
    features: [street('Lake St', [[-87.81, 41.888], [-87.77, 41.888]]), { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [[[-87.8, 41.9], [-87.77, 41.9], [-87.77, 41.87], [-87.8, 41.9]]] } }],
  }));
  const outline = await loadMapOutline(file);
  t.equal(outline.name, 'Village streets');
  t.same(outline.features.map((f) => f.geometry.type), ['LineString', 'Polygon']);
  t.same(outline.features[0]!.properties, { name: 'Lake St', kind: 'arterial' }, 'members the console does not use are left out');
  t.notOk('crs' in outline);

  // Policy file paths are relative to the policy file.
  await writeFile(join(dir, 'policy.yaml'), 'map_outline_file: outline.geojson\n');
  t.equal((await loadPolicyFile(join(dir, 'policy.yaml'))).mapOutline?.features.length, 2, 'map_outline_file in the policy file loads it at start');
  await writeFile(join(dir, 'policy.yaml'), 'max_results_per_query: 50\n');
  t.same((await loadPolicyFile(join(dir, 'policy.yaml'))).mapOutline, { type: 'FeatureCollection', features: [] }, 'without it the outline is empty');
});

t.test('an outline that is not GeoJSON lines in degrees is refused at start with the place named', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'outline.geojson');
  const refused = async (content: string, expected: { code: string; message: RegExp }, why: string) => {
    await writeFile(file, content);
    await t.rejects(loadMapOutline(file), expected, why);
  };
  await refused('{"type": "FeatureCollection", "features": [', { code: 'ALPR_ERR_CONFIG_PARSE', message: /not JSON/ }, 'cut-off JSON');
  await refused(JSON.stringify({ type: 'FeatureCollection', features: [street('Lake St', [[442_000, 4_637_000], [445_000, 4_637_000]])] }),
    { code: 'ALPR_ERR_CONFIG_INVALID', message: /\/features\/0\/geometry\/coordinates\/0: \[442000, 4637000\] is not \[longitude, latitude\]/ }, 'projected metres instead of degrees');
  await refused(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-87.8, 41.9] } }] }),
    { code: 'ALPR_ERR_CONFIG_INVALID', message: /\/features\/0\/geometry/ }, 'a point is not an outline');
  await refused(JSON.stringify({ type: 'Feature', geometry: null }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /invalid map outline/ }, 'a single feature');
  await t.rejects(loadMapOutline(join(dir, 'missing.geojson')), { code: 'ALPR_ERR_CONFIG_NOT_FOUND' }, 'a missing file');
  await writeFile(join(dir, 'policy.yaml'), 'map_outline_file: missing.geojson\n');
  await t.rejects(loadPolicyFile(join(dir, 'policy.yaml')), { code: 'ALPR_ERR_CONFIG_NOT_FOUND', message: /missing\.geojson/ }, 'the policy file names a missing outline: the hub does not start');
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', name: 'x'.repeat(3 * 1024 * 1024), features: [] }));
  await t.rejects(loadMapOutline(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /larger than/ }, 'a file too big to send with every map');
});
