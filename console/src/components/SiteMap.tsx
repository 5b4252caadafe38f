import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { MapOutline } from '../types.js';

export interface MapPoint { siteId: string; label: string; count: number }
/** A site as the map needs it: positions come from the listing (admins, Chief) or a search reply. */
export interface MapSite { siteId: string; name: string; latitude?: number; longitude?: number }

/** How each kind of outline line is drawn on the dark map: the boundary dashed, arterials brighter. */
const LINE_STYLES: Record<string, L.PathOptions> = {
  boundary: { color: '#ffd479', weight: 3, dashArray: '8 6', fill: true, fillColor: '#13263b', fillOpacity: 0.6 },
  arterial: { color: '#8aa4bf', weight: 4 },
  highway: { color: '#c39bd3', weight: 6 },
  rail: { color: '#6c7a89', weight: 2, dashArray: '2 6' },
};
const STREET: L.PathOptions = { color: '#4f6478', weight: 2 };
/** Streets are named where they cross the view; a narrow view gets fewer names so they do not collide. */
const MAX_STREET_NAMES = 10;

/**
 * The sites on a Leaflet map drawn over the agency's vector outline (GET /api/v1/map/outline:
 * streets and boundary); no tile layer, so nothing is fetched from anywhere but the hub. Sites are
 * circle markers sized by their reads, named beside them. Sites whose position this role may not
 * see are listed under the map instead.
 */
export function SiteMap({ sites, points }: { sites: MapSite[]; points: MapPoint[] }) {
  const located = sites.filter((s) => s.latitude !== undefined && s.longitude !== undefined);
  const counts = new Map(points.map((p) => [p.siteId, p.count]));
  const hidden = points.filter((p) => !located.some((s) => s.siteId === p.siteId));
  const [outline, setOutline] = useState<MapOutline | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Without an outline the sites are still drawn, on a plain background.
    api<MapOutline>('GET', '/api/v1/map/outline').then(setOutline, () => setOutline({ type: 'FeatureCollection', features: [] }));
  }, []);
  useEffect(() => {
    if (!box.current || !outline || located.length === 0) return;
    const map = L.map(box.current, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.5 });
    // The view comes first (vector layers are drawn for a view): the sites with room around them
    // (a few blocks at least), not the whole outline.
    map.fitBounds(L.latLngBounds(located.map((s) => [s.latitude!, s.longitude!] as [number, number])).pad(0.4), { maxZoom: 15, padding: [48, 48] });
    L.geoJSON(outline as FeatureCollection, { interactive: false, style: (f) => LINE_STYLES[String(f?.properties?.kind)] ?? STREET }).addTo(map);
    for (const s of located) {
      const n = counts.get(s.siteId) ?? 0;
      L.circleMarker([s.latitude!, s.longitude!], { radius: n > 0 ? 10 + Math.min(20, 4 * Math.sqrt(n)) : 8, color: '#e8edf2', weight: 2, fillColor: n > 0 ? '#ff9f43' : '#7c8b9a', fillOpacity: 0.9, className: n > 0 ? 'map-site hit' : 'map-site' })
        .bindTooltip(textOf(`${s.name}${n > 0 ? ` (${n})` : ''}`), { permanent: true, direction: 'auto', offset: [12, 0], className: 'map-label' })
        .addTo(map);
    }
    nameStreets(map, outline, located.map((s) => L.latLng(s.latitude!, s.longitude!)));
    return () => void map.remove();
  }, [outline, JSON.stringify(located), JSON.stringify(points)]);

  const summary = points.map((p) => `${p.label}: ${p.count} reads`).join('; ');
  if (located.length === 0) {
    return (
      <figure class="map">
        <figcaption>Map of sites</figcaption>
        <p class="hint">Site positions are not shown to your role; the results by site: {points.map((p) => `${p.label} (${p.count})`).join(', ') || 'none'}.</p>
      </figure>
    );
  }
  return (
    <figure class="map">
      <figcaption>Map of sites{points.length > 0 ? ': circle size shows the reads found at each site' : ''}</figcaption>
      <div class="map-box" ref={box} role="region" aria-label={`Map of ${located.length} sites${summary ? `; ${summary}` : ''}`} />
      <p class="hint">{outline?.name ?? (outline?.features.length ? 'Outline supplied by the agency' : 'No street outline is configured on this hub (map_outline_file, docs/hub.md)')}. North is up.</p>
      {hidden.length > 0 && <p class="hint">Not on the map: {hidden.map((p) => `${p.label} (${p.count})`).join(', ')}</p>}
    </figure>
  );
}

/** Names as text, never as HTML: Leaflet would parse a string as markup, and site names are typed in by people. */
function textOf(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/**
 * Names the named streets that cross the view (a tile map would carry the names; a vector outline
 * needs them placed): each where its visible stretch is furthest from the sites and from the names
 * already placed, so no name covers a site's label.
 */
function nameStreets(map: L.Map, outline: MapOutline, sites: L.LatLng[]): void {
  const view = map.getBounds().pad(-0.06);
  // Each site's own label runs beside it, right or left of it as Leaflet's 'auto' puts it (towards the middle).
  const middle = map.getSize().x / 2;
  const taken = sites.flatMap((s) => {
    const p = map.latLngToContainerPoint(s);
    const side = p.x < middle ? 1 : -1;
    return [0, 50, 100, 150, 200].map((dx) => p.add([side * dx, 0]));
  });
  let named = 0;
  for (const f of outline.features) {
    const name = f.properties?.name;
    if (!name || f.properties?.kind === 'boundary' || named >= MAX_STREET_NAMES) continue;
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
    let best: { at: L.LatLng; room: number } | null = null;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const [a, b] = [line[i - 1]!, line[i]!];
        for (let k = 0; k <= 40; k++) {
          const at = L.latLng(a[1]! + ((b[1]! - a[1]!) * k) / 40, a[0]! + ((b[0]! - a[0]!) * k) / 40);
          if (!view.contains(at)) continue;
          const point = map.latLngToContainerPoint(at);
          const room = Math.min(Infinity, ...taken.map((p) => p.distanceTo(point)));
          if (!best || room > best.room) best = { at, room };
        }
      }
    }
    // A name squeezed against a site or another name helps no one: leave that street unnamed.
    if (!best || best.room < 60) continue;
    L.tooltip({ permanent: true, direction: 'center', className: 'street-label', interactive: false }).setLatLng(best.at).setContent(textOf(name)).addTo(map);
    taken.push(map.latLngToContainerPoint(best.at));
    named++;
  }
}
