import type { CensusTable } from './census.js';
import type { SiteActivity } from './reportStore.js';

export const MEASURES = ['reads', 'hits', 'stops'] as const;
export type Measure = (typeof MEASURES)[number];

export interface DisparateImpact {
  method: string;
  census: string | null;
  /** Each site's residents per group, as a share of the site's area population. */
  sites: Array<SiteActivity & { population: number; shares: Record<string, number> | null }>;
  /** Per group: its share of all the sites' residents, and its activity-weighted share per measure with the ratio of the two. */
  groups: Array<{ group: string; populationShare: number } & Record<Measure, { share: number | null; ratio: number | null }>>;
  /** Sites with activity but no census rows: left out of the shares. */
  uncovered: string[];
}

/** Ratios outside this band are called out in the report (the four-fifths rule, both ways). */
export const RATIO_BAND = [0.8, 1.25] as const;

export const METHOD = [
  'Each site\'s area is the census tracts the agency assigned to it in its census table. For each group, the site\'s share is the group\'s residents over the population of those tracts.',
  'For each measure (reads, hits, stops) the group\'s exposure share is the average of the site shares weighted by the measure at each site: sum over sites of (measure at site x group share at site) / (sum of the measure). Its baseline is the group\'s share of all residents of all sites\' areas, each tract counted once.',
  `The ratio is exposure share / baseline share: 1.0 means the group lives where the cameras read in proportion to its population; ratios outside ${RATIO_BAND[0]}-${RATIO_BAND[1]} are marked for the committee's attention.`,
  'Limits: ALPR records plates, not people; this measures where the cameras read, hit and led to stops relative to who lives in each site\'s area, not who was driving. Reads purged under the 30-day rule before the report ran are not counted per site.',
].join(' ');

/** Reads, hits and stops per site set against the demographics of each site's area (VII.G). */
export function disparateImpact(activity: SiteActivity[], census: CensusTable | null): DisparateImpact {
  if (!census) return { method: METHOD, census: null, sites: activity.map((s) => ({ ...s, population: 0, shares: null })), groups: [], uncovered: activity.filter((s) => s.reads + s.hits + s.stops > 0).map((s) => s.siteId) };
  const bySite = new Map<string, { population: number; groups: Record<string, number> }>();
  const tractTotals = new Map<string, { population: number; groups: Record<string, number> }>();
  for (const t of census.tracts) {
    const site = bySite.get(t.siteId) ?? { population: 0, groups: Object.fromEntries(census.groups.map((g) => [g, 0])) };
    site.population += t.population;
    for (const g of census.groups) site.groups[g]! += t.groups[g]!;
    bySite.set(t.siteId, site);
    tractTotals.set(t.tract, t); // a tract shared by two sites' areas counts once in the baseline
  }
  const sites = activity.map((s) => {
    const c = bySite.get(s.siteId);
    const shares = c && c.population > 0 ? Object.fromEntries(census.groups.map((g) => [g, c.groups[g]! / c.population])) : null;
    return { ...s, population: c?.population ?? 0, shares };
  });
  let residents = 0;
  for (const t of tractTotals.values()) residents += t.population;
  const covered = sites.filter((s) => s.shares);
  const groups = census.groups.map((group) => {
    let members = 0;
    for (const t of tractTotals.values()) members += t.groups[group]!;
    const populationShare = residents > 0 ? members / residents : 0;
    const row = { group, populationShare } as DisparateImpact['groups'][number];
    for (const m of MEASURES) {
      const total = covered.reduce((n, s) => n + s[m], 0);
      const share = total > 0 ? covered.reduce((n, s) => n + s[m] * s.shares![group]!, 0) / total : null;
      row[m] = { share, ratio: share !== null && populationShare > 0 ? share / populationShare : null };
    }
    return row;
  });
  return { method: METHOD, census: census.source, sites, groups, uncovered: sites.filter((s) => !s.shares && s.reads + s.hits + s.stops > 0).map((s) => s.siteId) };
}
