import type { Site } from '../sites/siteRegistry.js';
import type { ReadHit } from './readSearch.js';

/** Where a search's reads were taken: the site's name and position, nothing of its approval. */
export interface ResultSite {
  siteId: string;
  name: string;
  latitude: number;
  longitude: number;
}

/**
 * The sites that appear in a search's hits, and only those: an officer is entitled to where the
 * reads they lawfully found were taken (to map them), not to the position of every camera
 * (GET /api/v1/sites keeps coordinates to those who approve and manage sites). A read whose
 * site is not in the registry (a retired or unknown id) is simply not placed.
 */
export async function resultSites(hits: ReadHit[], getSite: (siteId: string) => Promise<Site | null>): Promise<ResultSite[]> {
  const ids = [...new Set(hits.map((h) => h.siteId))].sort();
  const sites = await Promise.all(ids.map(getSite));
  return sites.filter((s): s is Site => s !== null).map((s) => ({ siteId: s.siteId, name: s.name, latitude: s.latitude, longitude: s.longitude }));
}
