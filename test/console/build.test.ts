import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildConsole } from '../../console/build.js';
import { tempDir } from '../helpers/index.js';

t.test('the console bundles its chart and map libraries and their CSS into files served from the hub alone', async (t) => {
  const dist = await tempDir(t, 'alpr-console-build-');
  await buildConsole(dist);
  const files = await readdir(dist);
  const css = await readFile(join(dist, 'app.css'), 'utf8');
  const js = await readFile(join(dist, 'app.js'), 'utf8');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  t.match(css, /\.leaflet-pane\b/, 'Leaflet\'s stylesheet is inside app.css (the CSP allows no other origin)');
  t.ok(css.indexOf('.leaflet-pane') < css.indexOf('.map-box'), 'before the console\'s own rules, which override it');
  t.match(js, /leaflet-interactive/, 'Leaflet is in the bundle');
  t.match(js, /indexAxis/, 'Chart.js is in the bundle');
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
  for (const url of urls.filter((u) => !u.startsWith('#'))) t.ok(files.includes(url.replace(/^\.\//, '')), `app.css names ${url}, which is a built file served from /console/`);
  t.notMatch(css, /@import|https?:\/\//, 'the stylesheet imports nothing and names no other origin');
  t.notMatch(html, /<script(?![^>]*\bsrc=)|<style|\sstyle=/, 'the page has no inline script or style for the CSP to allow');
  t.same(files.filter((f) => !/^(index\.html|app\.js|app\.css|[\w-]+-[A-Z0-9]{8}\.png)$/.test(f)), [], 'and nothing else is built');
});
