import { html, type Html } from './html.ts';

/**
 * A map drawn on the server as one SVG: the tiles as <image> elements and numbered markers, so it works with
 * scripts off and needs no inline style (the CSP forbids it). Only drawn when the deployment names a tile
 * server for the portal: every tile request tells that server roughly where the visitor searched.
 */
export interface MapPoint {
  lat: number;
  lng: number;
  /** Shown in the marker: "1", "2"… */
  label: string;
}

const TILE = 256;
const WIDTH = 480;
const HEIGHT = 300;
const PADDING = 30;

const worldX = (lng: number, zoom: number) => ((lng + 180) / 360) * TILE * 2 ** zoom;
const worldY = (lat: number, zoom: number) => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE * 2 ** zoom;
};

const tileUrl = (template: string, z: number, x: number, y: number) =>
  template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)).replace('{s}', 'abc'[(x + y) % 3]!).replace('{r}', '');

/** The SVG map of `origin` (drawn as a square) and `points` (numbered circles), zoomed to hold them all. */
export function staticMap(template: string, origin: { lat: number; lng: number }, points: readonly MapPoint[], labels: { title: string; origin: string }): Html {
  const all = [origin, ...points];
  let zoom = 16;
  for (; zoom > 3; zoom--) {
    const xs = all.map((p) => worldX(p.lng, zoom));
    const ys = all.map((p) => worldY(p.lat, zoom));
    if (Math.max(...xs) - Math.min(...xs) <= WIDTH - 2 * PADDING && Math.max(...ys) - Math.min(...ys) <= HEIGHT - 2 * PADDING) break;
  }
  const xs = all.map((p) => worldX(p.lng, zoom));
  const ys = all.map((p) => worldY(p.lat, zoom));
  const left = (Math.max(...xs) + Math.min(...xs)) / 2 - WIDTH / 2;
  const top = (Math.max(...ys) + Math.min(...ys)) / 2 - HEIGHT / 2;
  const tiles: Html[] = [];
  const count = 2 ** zoom;
  for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + HEIGHT) / TILE); ty++) {
    if (ty < 0 || ty >= count) continue;
    for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + WIDTH) / TILE); tx++) {
      const wrapped = ((tx % count) + count) % count;
      tiles.push(html`<image href="${tileUrl(template, zoom, wrapped, ty)}" x="${Math.round(tx * TILE - left)}" y="${Math.round(ty * TILE - top)}" width="${TILE}" height="${TILE}"/>`);
    }
  }
  const at = (p: { lat: number; lng: number }) => ({ x: Math.round(worldX(p.lng, zoom) - left), y: Math.round(worldY(p.lat, zoom) - top) });
  const o = at(origin);
  return html`<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg"><title id="map-title">${labels.title}</title>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#e8ecf1"/>${tiles}
<rect x="${o.x - 8}" y="${o.y - 8}" width="16" height="16" fill="#1b1f24" stroke="#fff" stroke-width="3"><title>${labels.origin}</title></rect>
${points.map((p) => {
  const { x, y } = at(p);
  return html`<g><circle cx="${x}" cy="${y}" r="14" fill="#0b5cab" stroke="#fff" stroke-width="3"/><text x="${x}" y="${y + 6}" text-anchor="middle" font-size="16" font-weight="700" fill="#fff">${p.label}</text></g>`;
})}
</svg>`;
}
