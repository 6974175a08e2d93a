import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/** One thing to show on the map. Confidential locations must never be given here at their real coordinates. */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  title: string;
  detail?: string;
}

/** A named set of points drawn in one colour: Safe Places now; providers and hubs join with a few lines. */
export interface MapLayer {
  name: string;
  label: string;
  color: string;
  points: MapPoint[];
}

interface PlacesMapProps {
  layers: MapLayer[];
  tileUrl: string;
  attribution: string;
  /** Called once when tiles cannot be loaded (offline, blocked, server down): the page then shows the list alone. */
  onUnavailable: () => void;
}

// Without any tile within this time, the map is taken as unreachable.
const TILE_TIMEOUT_MS = 8000;
const FAILED_TILES = 2;

/**
 * A Leaflet map (bundled, no CDN) of layers of points, drawn as circle markers (no image files). The list
 * beside it always carries the same places, so the map is an addition, never the only way to see them.
 */
export function PlacesMap({ layers, tileUrl, attribution, onUnavailable }: PlacesMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const groups = useRef<L.LayerGroup | null>(null);
  const unavailable = useRef(onUnavailable);

  useEffect(() => {
    unavailable.current = onUnavailable;
  }, [onUnavailable]);

  useEffect(() => {
    if (!container.current) return;
    const instance = L.map(container.current, { zoomControl: true, attributionControl: true });
    map.current = instance;
    groups.current = L.layerGroup().addTo(instance);
    instance.setView([39.5, -98.35], 4);
    let loaded = false;
    let failed = 0;
    let gaveUp = false;
    const giveUp = () => {
      if (gaveUp || loaded) return;
      gaveUp = true;
      unavailable.current();
    };
    // The app sends no Referer anywhere (no-referrer); OpenStreetMap's tile servers refuse requests without one
    // (their tile usage policy). The origin alone names the deployment and never a page or a record.
    const tiles = L.tileLayer(tileUrl, { attribution: escapeText(attribution), maxZoom: 19, crossOrigin: false, referrerPolicy: 'origin' });
    tiles.on('tileload', () => {
      loaded = true;
    });
    tiles.on('tileerror', () => {
      failed += 1;
      if (failed >= FAILED_TILES) giveUp();
    });
    tiles.addTo(instance);
    const timer = window.setTimeout(giveUp, TILE_TIMEOUT_MS);
    return () => {
      window.clearTimeout(timer);
      instance.remove();
      map.current = null;
      groups.current = null;
    };
  }, [tileUrl, attribution]);

  useEffect(() => {
    const instance = map.current;
    const group = groups.current;
    if (!instance || !group) return;
    group.clearLayers();
    const bounds: L.LatLngExpression[] = [];
    for (const layer of layers) {
      for (const point of layer.points) {
        const marker = L.circleMarker([point.lat, point.lng], { radius: 8, color: '#ffffff', weight: 2, fillColor: layer.color, fillOpacity: 0.95 });
        marker.bindPopup(() => popupContent(point, layer.label));
        marker.bindTooltip(point.title);
        group.addLayer(marker);
        bounds.push([point.lat, point.lng]);
      }
    }
    if (bounds.length > 0) instance.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 14 });
  }, [layers]);

  return <div ref={container} className="places-map" role="region" aria-label={t('map.mapLabel')} />;
}

/** Popups are built as DOM nodes with text only: names typed by staff never become markup. */
function popupContent(point: MapPoint, layerLabel: string): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = point.title;
  const kind = document.createElement('div');
  kind.textContent = layerLabel;
  box.append(title, kind);
  if (point.detail) {
    const detail = document.createElement('div');
    detail.textContent = point.detail;
    box.append(detail);
  }
  return box;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
