import t from 'tap';
import { fileURLToPath } from 'node:url';
import { parseCensus, readCensus } from '../../../hub/reports/census.js';

t.test('the shipped census fixture reads as four tracts of three sites', async (t) => {
  const table = await readCensus(fileURLToPath(new URL('../../fixtures/reports/census-example.csv', import.meta.url)));
  t.same(table.groups, ['white', 'black', 'hispanic', 'asian']);
  t.same(table.tracts.map((r) => [r.siteId, r.population]), [['site-1', 4200], ['site-1', 3800], ['site-2', 5000], ['site-3', 2000]]);
});

t.test('a census table not in the documented columns is refused with the line and the reason', async (t) => {
  const bad: Array<[string, RegExp]> = [
    ['tract,site_id,population,pop_a\n1,s,10,5', /header must start site_id,tract,population/],
    ['site_id,tract,population\ns,1,10', /pop_<group>/],
    ['site_id,tract,population,Pop A\ns,1,10,5', /pop_<group>/],
    ['site_id,tract,population,pop_a\ns,1,10', /line 2 has 3 fields/],
    ['site_id,tract,population,pop_a\ns,1,ten,5', /line 2, population: a whole number/],
    ['site_id,tract,population,pop_a\ns,1,10,-5', /line 2, pop_a: a whole number/],
    ['site_id,tract,population,pop_a,pop_b\ns,1,10,6,6', /add up to more than the population/],
    ['site_id,tract,population,pop_a\ns,1,10,5\ns,1,10,5', /listed twice/],
    ['site_id,tract,population,pop_a\n', /no tracts/],
    ['site_id,tract,population,pop_a\n"s,1,10,5', /never closed/],
  ];
  for (const [csv, message] of bad) t.throws(() => parseCensus(csv, 'census.csv'), { code: 'ALPR_ERR_CENSUS_TABLE', message }, message.source);
  await t.rejects(readCensus('/no/such/census.csv'), { code: 'ALPR_ERR_CENSUS_TABLE', message: /cannot be read/ });
});
