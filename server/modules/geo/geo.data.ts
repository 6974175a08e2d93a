import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The shipped US ZIP code and place centroids (GeoNames, CC BY 4.0; built by scripts/build-geodata.ts), read
 * into memory on first use. About 41,000 ZIP codes and 34,000 places: loading takes a few hundred
 * milliseconds once per process and holds some 15 MB (measured in geo.test.ts's neighbour, see
 * docs/architecture.md), so a process that never looks anything up pays nothing.
 */
const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'data');

export interface ZipCentroid {
  zip: string;
  lat: number;
  lng: number;
  place: string;
  state: string;
}

export interface PlaceCentroid {
  name: string;
  state: string;
  lat: number;
  lng: number;
  population: number;
}

export interface Gazetteer {
  zips: Map<string, ZipCentroid>;
  /** Places by normalized name (see `normalizePlaceName`), most populous first. */
  places: Map<string, PlaceCentroid[]>;
}

let loaded: Gazetteer | null = null;

function rows(file: string): string[][] {
  const text = gunzipSync(readFileSync(path.join(DATA, file))).toString('utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/**
 * Lower case, accents and punctuation gone, the usual abbreviations spelled out: "St. Louis", "Saint Louis"
 * and "ST LOUIS" all become "saint louis"; "Peñasco" becomes "penasco".
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(st|ste)( |$)/, (_m, abbr: string, end: string) => `${abbr === 'st' ? 'saint' : 'sainte'}${end}`)
    .replace(/^ft( |$)/, 'fort$1')
    .replace(/^mt( |$)/, 'mount$1')
    .replace(/ +/g, ' ');
}

/** The gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const zips = new Map<string, ZipCentroid>();
  for (const [zip, lat, lng, place, state] of rows('us-zip-centroids.tsv.gz')) {
    zips.set(zip!, { zip: zip!, lat: Number(lat), lng: Number(lng), place: place!, state: state! });
  }
  const places = new Map<string, PlaceCentroid[]>();
  for (const [name, state, lat, lng, population] of rows('us-places.tsv.gz')) {
    const key = normalizePlaceName(name!);
    const list = places.get(key) ?? [];
    list.push({ name: name!, state: state!, lat: Number(lat), lng: Number(lng), population: Number(population) });
    places.set(key, list);
  }
  for (const list of places.values()) list.sort((a, b) => b.population - a.population);
  loaded = { zips, places };
  return loaded;
}
