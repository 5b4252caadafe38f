
export interface MapPoint { siteId: string; label: string; count: number }
/** A site as the map needs it: positions come from the listing (admins, Chief) or a search reply. */
export interface MapSite { siteId: string; name: string; latitude?: number; longitude?: number }

/**
 * The sites drawn as SVG over a vector frame (a graticule around the sites' bounding box, north
 * up); no map tiles are fetched. Sites whose position this role may not see are listed instead.
 */
export function SiteMap({ sites, points }: { sites: MapSite[]; points: MapPoint[] }) {
  const located = sites.filter((s) => s.latitude !== undefined && s.longitude !== undefined);
  const counts = new Map(points.map((p) => [p.siteId, p.count]));
  const hidden = points.filter((p) => !located.some((s) => s.siteId === p.siteId));
  if (located.length === 0) {
    return (
      <figure class="map">
        <figcaption>Map of sites</figcaption>
        <p class="hint">Site positions are not shown to your role; the results by site: {points.map((p) => `${p.label} (${p.count})`).join(', ') || 'none'}.</p>
      </figure>
    );
  }
  const lats = located.map((s) => s.latitude!);
  const lons = located.map((s) => s.longitude!);
  const pad = 0.01;
  const [minLat, maxLat] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
  const [minLon, maxLon] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const width = 600;
  const height = Math.max(240, Math.min(480, width * (maxLat - minLat) / ((maxLon - minLon) * kx)));
  const x = (lon: number) => ((lon - minLon) / (maxLon - minLon)) * width;
  const y = (lat: number) => height - ((lat - minLat) / (maxLat - minLat)) * height;
  const grid = [1, 2, 3, 4].map((i) => i / 5);
  return (
    <figure class="map">
      <figcaption>Map of sites: circle size shows the reads found at each site</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Map of ${located.length} sites; ${points.map((p) => `${p.label}: ${p.count} reads`).join('; ')}`}>
        <rect class="map-frame" x="0" y="0" width={width} height={height} />
        {grid.map((g) => <line class="map-grid" x1={g * width} x2={g * width} y1="0" y2={height} />)}
        {grid.map((g) => <line class="map-grid" y1={g * height} y2={g * height} x1="0" x2={width} />)}
        <text class="map-north" x={width - 24} y="28">N↑</text>
        {located.map((s) => {
          const n = counts.get(s.siteId) ?? 0;
          return (
            <g>
              <circle class={n > 0 ? 'map-site hit' : 'map-site'} cx={x(s.longitude!)} cy={y(s.latitude!)} r={n > 0 ? 10 + Math.min(20, 4 * Math.sqrt(n)) : 7} />
              <text class="map-label" x={x(s.longitude!) + 14} y={y(s.latitude!) + 5}>{s.name}{n > 0 ? ` (${n})` : ''}</text>
            </g>
          );
        })}
      </svg>
      {hidden.length > 0 && <p class="hint">Not on the map: {hidden.map((p) => `${p.label} (${p.count})`).join(', ')}</p>}
    </figure>
  );
}
