// The dragoman dashboard: pick a dyad or an actor, filter its events (root, quad class, dates,
// code, words), and every view follows the filters: the timeline (Goldstein mean and counts per
// quad class, our own SVG), the world map of where the events happened (countries shaded, cities
// as points; TopoJSON served by our server), the events table (sortable, CAMEO and actor names
// beside the codes) and the export link (every filtered row, in each export format). Click an
// event to read the sentences behind it.
// Talks only to the JSON API of `dragoman serve`; needs no network and no libraries. All text
// from the store is inserted with textContent, never as HTML.
'use strict';

const QUADS = [
  { id: 1, name: 'verbal cooperation' },
  { id: 2, name: 'material cooperation' },
  { id: 3, name: 'verbal conflict' },
  { id: 4, name: 'material conflict' },
];
const PAGE = 50;
const SVG_NS = 'http://www.w3.org/2000/svg';

const state = { a: '', b: '', by: 'month', offset: 0, total: 0, selectedEvent: null, events: [],
  sort: { key: '', dir: 1 }, world: null };
let pending = 0;  // requests in flight: the page shows "Loading…" while any is

function setLoading(delta) {
  pending += delta;
  $('loading').hidden = pending === 0;
  document.body.dataset.loading = pending > 0 ? 'true' : 'false';
}

const $ = (id) => document.getElementById(id);

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function showStatus(message) {
  const s = $('status');
  s.textContent = message || '';
  s.hidden = !message;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const url = '/api/' + path + (query.toString() ? '?' + query : '');
  setLoading(1);
  let res = null;
  let body = null;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
    body = await res.json();
  } catch (e) {
    throw new Error(url + ': the server did not answer with JSON (' + (res ? res.status : e.message) + ')');
  } finally {
    setLoading(-1);
  }
  if (!res.ok) throw new Error(body && body.error ? body.error : url + ': HTTP ' + res.status);
  return body;
}

// ---- periods: parse, step and label, so the chart spaces periods evenly with gaps shown ----

function periodStart(p, by) {
  if (by === 'year') return Date.UTC(+p, 0, 1);
  if (by === 'month') return Date.UTC(+p.slice(0, 4), +p.slice(5, 7) - 1, 1);
  return Date.UTC(+p.slice(0, 4), +p.slice(5, 7) - 1, +p.slice(8, 10));
}

function formatPeriod(t, by) {
  const d = new Date(t);
  const y = String(d.getUTCFullYear());
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  if (by === 'year') return y;
  if (by === 'month') return y + '-' + m;
  return y + '-' + m + '-' + day;
}

function nextPeriod(t, by) {
  const d = new Date(t);
  if (by === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (by === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (by === 'week' ? 7 : 1) * 86400000;
}

// Every period from the first to the last with data, the empty ones as zeros (at most 5000).
function fillPeriods(periods, by) {
  if (periods.length === 0) return [];
  const byName = new Map(periods.map((p) => [p.period, p]));
  const out = [];
  const last = periodStart(periods[periods.length - 1].period, by);
  for (let t = periodStart(periods[0].period, by); t <= last && out.length < 5000; t = nextPeriod(t, by)) {
    const name = formatPeriod(t, by);
    out.push(byName.get(name) || { period: name, events: 0, mentions: 0,
      quad_counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldstein_sum: 0, goldstein_mean: null });
  }
  return out;
}

function periodRange(p, by) {
  const start = periodStart(p, by);
  const end = nextPeriod(start, by) - 86400000;
  return [formatPeriod(start, 'day'), formatPeriod(end, 'day')];
}

// ---- the chart ----

function drawChart(periods, by) {
  const chart = $('chart');
  chart.replaceChildren();
  const W = 900, left = 48, right = 12, plotW = W - left - right;
  const gTop = 28, gH = 120;            // Goldstein mean panel
  const cTop = 190, cH = 100;           // counts per quad class panel
  const data = fillPeriods(periods, by);
  if (data.length === 0) {
    chart.appendChild(svg('text', { x: W / 2, y: 150, 'text-anchor': 'middle', class: 'empty' },
      'No dated events for this selection.'));
    return;
  }
  const n = data.length;
  const step = plotW / n;
  const xOf = (i) => left + step * (i + 0.5);
  const yG = (g) => gTop + gH / 2 - (g / 10) * (gH / 2);
  const maxCount = Math.max(1, ...data.map((d) => d.events));
  const yC = (c) => cTop + cH - (c / maxCount) * cH;

  // Axes and gridlines.
  chart.appendChild(svg('text', { x: left, y: gTop - 12, class: 'panel-title' }, 'Goldstein mean (−10 conflict … +10 cooperation)'));
  for (const g of [-10, -5, 0, 5, 10]) {
    chart.appendChild(svg('line', { x1: left, x2: W - right, y1: yG(g), y2: yG(g), class: g === 0 ? 'zero' : 'grid' }));
    chart.appendChild(svg('text', { x: left - 6, y: yG(g) + 4, class: 'tick', 'text-anchor': 'end' }, g > 0 ? '+' + g : g));
  }
  chart.appendChild(svg('text', { x: left, y: cTop - 12, class: 'panel-title' }, 'Events per quad class'));
  for (const c of [0, maxCount]) {
    chart.appendChild(svg('line', { x1: left, x2: W - right, y1: yC(c), y2: yC(c), class: 'grid' }));
    chart.appendChild(svg('text', { x: left - 6, y: yC(c) + 4, class: 'tick', 'text-anchor': 'end' }, c));
  }
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  data.forEach((d, i) => {
    if (i % labelEvery === 0) {
      chart.appendChild(svg('text', { x: xOf(i), y: cTop + cH + 18, class: 'tick', 'text-anchor': 'middle' }, d.period));
    }
  });

  // Stacked bars: quad classes 1..4 from the bottom.
  const barW = Math.max(1, Math.min(40, step * 0.7));
  data.forEach((d, i) => {
    let base = 0;
    for (const q of QUADS) {
      const count = d.quad_counts[q.id] || 0;
      if (count === 0) continue;
      const rect = svg('rect', {
        x: xOf(i) - barW / 2, y: yC(base + count), width: barW, height: Math.max(0.5, yC(base) - yC(base + count)),
        class: 'bar q' + q.id, 'data-period': d.period, 'data-quad': q.id,
      });
      rect.appendChild(svg('title', {}, d.period + ': ' + count + ' ' + q.name + (count === 1 ? ' event' : ' events')));
      rect.addEventListener('click', () => pickPeriod(d.period, q.id));
      chart.appendChild(rect);
      base += count;
    }
  });

  // Goldstein mean: a line broken at periods with no scored event, and a point per period.
  let path = '';
  let pen = false;
  data.forEach((d, i) => {
    if (d.goldstein_mean === null || d.goldstein_mean === undefined) { pen = false; return; }
    path += (pen ? 'L' : 'M') + xOf(i).toFixed(1) + ' ' + yG(d.goldstein_mean).toFixed(1);
    pen = true;
  });
  if (path) chart.appendChild(svg('path', { d: path, class: 'goldstein-line' }));
  data.forEach((d, i) => {
    if (d.goldstein_mean === null || d.goldstein_mean === undefined) return;
    const point = svg('circle', {
      cx: xOf(i), cy: yG(d.goldstein_mean), r: n > 200 ? 2 : 4,
      class: 'point ' + (d.goldstein_mean >= 0 ? 'coop' : 'conflict'),
      'data-period': d.period, 'data-goldstein': d.goldstein_mean.toFixed(2), tabindex: 0,
    });
    point.appendChild(svg('title', {}, d.period + ': Goldstein mean ' + d.goldstein_mean.toFixed(2) + ' over ' +
      d.events + (d.events === 1 ? ' event' : ' events') + ' (' + d.mentions + ' mentions)'));
    point.addEventListener('click', () => pickPeriod(d.period));
    point.addEventListener('keydown', (e) => { if (e.key === 'Enter') pickPeriod(d.period); });
    chart.appendChild(point);
  });
}

function drawLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  const line = el('span', { class: 'key' });
  line.appendChild(el('span', { class: 'swatch goldstein' }));
  line.appendChild(document.createTextNode('Goldstein mean'));
  legend.appendChild(line);
  for (const q of QUADS) {
    const key = el('span', { class: 'key' });
    key.appendChild(el('span', { class: 'swatch q' + q.id }));
    key.appendChild(document.createTextNode(q.id + ' ' + q.name));
    legend.appendChild(key);
  }
  legend.appendChild(el('span', { class: 'hint' }, 'Click a point or bar to list that period\'s events.'));
}

function pickPeriod(period, quad) {
  const [from, to] = periodRange(period, state.by);
  $('f-from').value = from;
  $('f-to').value = to;
  $('f-quad').value = quad ? String(quad) : '';
  state.offset = 0;
  refresh();
}

// ---- events table ----

// The filters every view shares: the chart, the map, the table and the export.
function filterParams() {
  const p = {};
  if (state.b) { p.a = state.a; p.b = state.b; } else { p.actor = state.a; }
  p.root = $('f-root').value;
  p.quad = $('f-quad').value;
  p.from = $('f-from').value.trim();
  p.to = $('f-to').value.trim();
  p.text = $('f-text').value.trim();
  p.code = $('f-code').value.trim();
  return p;
}

function eventParams() {
  return Object.assign(filterParams(), { limit: PAGE, offset: state.offset });
}

function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  return q.toString();
}

function updateExport() {
  const format = $('export-format').value;
  const link = $('export-link');
  link.href = '/api/export?' + queryString(Object.assign(filterParams(), { format }));
  link.setAttribute('download', 'dragoman-events.' + format.replace('gdelt-mentions', 'mentions').replace('gdelt', 'export') +
    (format.startsWith('gdelt') ? '.CSV' : ''));
}

// Everything the filters drive, at once.
async function refresh() {
  updateExport();
  await Promise.all([loadChart(), loadMap(), loadEvents()]);
}

function actorCell(code, name) {
  const td = el('td', { class: 'actor', title: name || '' }, code || '—');
  if (name) td.appendChild(el('span', { class: 'name' }, name));
  return td;
}

function sortValue(e, key) {
  const v = e[key];
  return v === null || v === undefined ? '' : v;
}

function renderEvents() {
  const tbody = $('events').querySelector('tbody');
  tbody.replaceChildren();
  const rows = state.events.slice();
  const { key, dir } = state.sort;
  if (key) {
    rows.sort((x, y) => {
      const a = sortValue(x, key), b = sortValue(y, key);
      return (a < b ? -1 : a > b ? 1 : 0) * dir;
    });
  }
  for (const th of $('events').querySelectorAll('th[data-sort]')) {
    if (th.dataset.sort === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  for (const e of rows) {
    const tr = el('tr', { tabindex: 0, 'data-event': e.event_id });
    tr.appendChild(el('td', {}, e.date));
    tr.appendChild(actorCell(e.source, e.source_name));
    const code = el('td', { class: 'code', title: e.code_name || '' }, e.code);
    if (e.plover_type) code.appendChild(el('span', { class: 'plover' }, ' ' + e.plover_type));
    if (e.code_name) code.appendChild(el('span', { class: 'name code-name' }, e.code_name));
    tr.appendChild(code);
    tr.appendChild(actorCell(e.target, e.target_name));
    tr.appendChild(el('td', { class: 'quad q' + e.quad_class, title: (QUADS[e.quad_class - 1] || {}).name || '' }, e.quad_class));
    tr.appendChild(el('td', { class: 'num' }, e.goldstein === null ? '' : e.goldstein.toFixed(1)));
    tr.appendChild(el('td', { class: 'num' }, e.num_mentions));
    tr.appendChild(el('td', { class: 'num' }, e.num_articles));
    tr.appendChild(el('td', { class: 'num' }, e.tone === null ? '' : e.tone.toFixed(1)));
    tr.appendChild(el('td', { class: 'place' }, e.geo_name || ''));
    tr.addEventListener('click', () => selectEvent(e, tr));
    tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') selectEvent(e, tr); });
    tbody.appendChild(tr);
  }
  if (rows.length === 0) {
    const tr = el('tr', { class: 'empty' });
    tr.appendChild(el('td', { colspan: 10 }, 'No events match.'));
    tbody.appendChild(tr);
  }
}

async function loadEvents() {
  try {
    const res = await api('events', eventParams());
    showStatus('');
    state.total = res.total;
    state.events = res.events;
    renderEvents();
    const last = Math.min(state.offset + res.events.length, res.total);
    $('events-count').textContent = res.total + (res.total === 1 ? ' event' : ' events');
    $('page-info').textContent = res.total ? (state.offset + 1) + '–' + last + ' of ' + res.total : '';
    $('prev').disabled = state.offset === 0;
    $('next').disabled = last >= res.total;
  } catch (err) {
    showStatus(err.message);
  }
}

async function loadChart() {
  try {
    const t = await api('chart', Object.assign(filterParams(), { by: state.by }));
    drawChart(t.periods, state.by);
    $('chart-box').dataset.periods = String(t.periods.length);
    $('chart-box').dataset.events = String(t.periods.reduce((n, p) => n + p.events, 0));
  } catch (err) {
    showStatus(err.message);
  }
}

// ---- the map: TopoJSON countries (ids are ISO alpha-2 codes), equirectangular ----

const MAP_W = 960, MAP_H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];

// The arcs of a TopoJSON topology, decoded from quantized deltas into [lon, lat] points.
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    arc.forEach((p, i) => { if (i > 0 || points.length === 0) points.push(p); });
  }
  // A ring that crosses the antimeridian (Russia, Fiji) is cut there instead of striping the map.
  let previous = null;
  return points.map((p) => {
    const xy = project(p);
    const jump = previous === null || Math.abs(xy[0] - previous) > MAP_W / 2;
    previous = xy[0];
    return (jump ? 'M' : 'L') + xy.map((v) => v.toFixed(1)).join(' ');
  }).join('') + 'Z';
}

function countryPath(geometry, arcs) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  return polygons.map((rings) => rings.map((ring) => ringPath(ring, arcs)).join('')).join('');
}

async function loadWorld() {
  if (state.world !== null) return state.world;
  try {
    const res = await fetch('/world.json');
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const topology = await res.json();
    const arcs = decodeArcs(topology);
    state.world = topology.objects.countries.geometries.map((g) => ({
      id: g.id, name: (g.properties && g.properties.name) || g.id, d: countryPath(g, arcs),
    }));
  } catch (e) {
    state.world = [];
  }
  return state.world;
}

function shade(count, max) {
  if (!count) return '#dfe4ea';
  // Light to dark blue by the share of the busiest country, on a square-root scale.
  const t = Math.sqrt(count / max);
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return 'rgb(' + mix(198, 8) + ',' + mix(219, 64) + ',' + mix(239, 129) + ')';
}

async function loadMap() {
  try {
    const [world, places] = await Promise.all([loadWorld(), api('places', filterParams())]);
    const map = $('map');
    map.replaceChildren();
    const counts = new Map(places.countries.map((c) => [c.country, c.events]));
    const max = Math.max(1, ...places.countries.map((c) => c.events));
    if (world.length === 0) {
      map.appendChild(svg('text', { x: MAP_W / 2, y: MAP_H / 2, 'text-anchor': 'middle', class: 'empty' },
        'No world map in this build (build/external/world.json; run scripts/setup.sh and build).'));
    }
    for (const c of world) {
      const n = counts.get(c.id) || 0;
      const path = svg('path', { d: c.d, class: 'country', fill: shade(n, max), 'data-country': c.id, 'data-events': n });
      path.appendChild(svg('title', {}, c.name + ': ' + n + (n === 1 ? ' event' : ' events')));
      map.appendChild(path);
    }
    const cityMax = Math.max(1, ...places.cities.map((c) => c.events));
    for (const c of places.cities) {
      const [x, y] = project([c.lon, c.lat]);
      const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 7 * Math.sqrt(c.events / cityMax)).toFixed(1),
        class: 'city', 'data-city': c.name, 'data-events': c.events });
      dot.appendChild(svg('title', {}, c.name + ' (' + c.country + '): ' + c.events + (c.events === 1 ? ' event' : ' events')));
      map.appendChild(dot);
    }
    const located = places.countries.reduce((n, c) => n + c.events, 0);
    $('map-count').textContent = located + ' located ' + (located === 1 ? 'event' : 'events') + ' in ' +
      places.countries.length + (places.countries.length === 1 ? ' country' : ' countries') +
      (places.cities.length ? ', ' + places.cities.length + (places.cities.length === 1 ? ' city' : ' cities') : '');
    $('map-box').dataset.countries = String(places.countries.length);
  } catch (err) {
    showStatus(err.message);
  }
}

// ---- an event's mentions and the article ----

async function selectEvent(e, tr) {
  for (const row of $('events').querySelectorAll('tr.selected')) row.classList.remove('selected');
  tr.classList.add('selected');
  state.selectedEvent = e.event_id;
  try {
    const res = await api('mentions', { event: e.event_id, limit: 100 });
    const box = $('mentions');
    box.replaceChildren();
    box.appendChild(el('p', { class: 'event-title' }, e.date + '  ' + e.source + ' → ' + (e.target || '—') +
      '  CAMEO ' + e.code + (e.plover_type ? ' (' + e.plover_type + ')' : '') + ': ' +
      res.mentions.length + (res.mentions.length === 1 ? ' mention' : ' mentions')));
    const list = el('ol', { class: 'mention-list' });
    res.mentions.forEach((m, i) => {
      const item = el('li');
      const button = el('button', { type: 'button', class: 'mention', 'data-mention': m.id });
      button.appendChild(el('span', { class: 'mention-source' }, (m.article_source || m.article_id) + ', ' + m.article_date + ': '));
      button.appendChild(document.createTextNode(m.sentence.length > 160 ? m.sentence.slice(0, 157) + '…' : m.sentence));
      button.addEventListener('click', () => showArticle(m, button));
      item.appendChild(button);
      list.appendChild(item);
      if (i === 0) showArticle(m, button);
    });
    box.appendChild(list);
  } catch (err) {
    showStatus(err.message);
  }
}

async function showArticle(m, button) {
  for (const b of $('mentions').querySelectorAll('button.current')) b.classList.remove('current');
  if (button) button.classList.add('current');
  try {
    const a = await api('article', { id: m.article_id, mention: m.id });
    const meta = $('article-meta');
    meta.replaceChildren();
    meta.appendChild(el('h3', {}, a.title || a.id));
    const line = el('p', { class: 'meta' }, [a.source, a.date, a.mention_count + ' mentions in all'].filter(Boolean).join(' · '));
    if (/^https?:\/\//i.test(a.url)) {
      line.appendChild(document.createTextNode(' · '));
      line.appendChild(el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original'));
    }
    meta.appendChild(line);
    if (m.rule) meta.appendChild(el('p', { class: 'meta rule' }, 'rule: ' + m.rule));

    const article = $('article');
    article.replaceChildren();
    let mark = null;
    for (const piece of a.pieces) {
      const marks = piece.marks || [];
      let node = document.createTextNode(piece.text);
      const roles = marks.filter((k) => k !== 'sentence');
      if (roles.length) {
        const span = el('span', { class: roles.map((k) => 'hl-' + k).join(' ') });
        span.appendChild(node);
        node = span;
      }
      if (marks.includes('sentence')) {
        if (!mark) {
          mark = el('mark', { class: 'sentence', id: 'highlighted-sentence' });
          article.appendChild(mark);
        }
        mark.appendChild(node);
      } else {
        article.appendChild(node);
      }
    }
    $('marks-legend').hidden = !mark;
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (err) {
    showStatus(err.message);
  }
}

// ---- choosing what to show ----

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  return { a: h.get('a') || '', b: h.get('b') || '', by: h.get('by') || '' };
}

async function show() {
  const a = $('actor-a').value.trim().toUpperCase();
  const b = $('actor-b').value.trim().toUpperCase();
  if (!a) { showStatus('Enter an actor code, such as CHN.'); return; }
  state.a = a;
  state.b = b;
  state.by = $('by').value;
  state.offset = 0;
  const hash = new URLSearchParams({ a, by: state.by });
  if (b) hash.set('b', b);
  history.replaceState(null, '', '#' + hash);
  $('timeline-title').textContent = (b ? a + ' – ' + b : a) + ' per ' + state.by + ' (filtered)';
  showStatus('');
  await refresh();
}

async function init() {
  const root = $('f-root');
  for (let r = 1; r <= 20; ++r) {
    const code = String(r).padStart(2, '0');
    root.appendChild(el('option', { value: code }, code));
  }
  drawLegend();
  $('pick').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); state.offset = 0; refresh(); });
  $('f-clear').addEventListener('click', () => {
    for (const id of ['f-root', 'f-quad', 'f-from', 'f-to', 'f-text', 'f-code']) $(id).value = '';
    state.offset = 0;
    refresh();
  });
  $('export-format').addEventListener('change', updateExport);
  for (const th of $('events').querySelectorAll('th[data-sort]')) {
    th.addEventListener('click', () => {
      const key = th.dataset.sort;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      renderEvents();
    });
  }
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $('next').addEventListener('click', () => { state.offset += PAGE; loadEvents(); });

  let summary = null;
  try {
    summary = await api('summary', { limit: 10 });
    const s = summary.stats;
    $('stats').textContent = s.articles + ' articles · ' + s.events + ' events · ' + s.mentions + ' mentions' +
      (s.first_date ? ' · ' + s.first_date + ' to ' + s.last_date : '');
    const list = $('dyad-list');
    for (const d of summary.dyads) {
      const chip = el('button', { type: 'button', class: 'chip' }, d.a + '–' + d.b + ' (' + d.events + ')');
      chip.addEventListener('click', () => { $('actor-a').value = d.a; $('actor-b').value = d.b; show(); });
      list.appendChild(chip);
    }
    if (summary.dyads.length === 0) list.textContent = 'none yet';
  } catch (err) {
    showStatus(err.message);
  }
  const h = readHash();
  if (h.a) {
    $('actor-a').value = h.a;
    $('actor-b').value = h.b;
    if (h.by) $('by').value = h.by;
  } else if (summary && summary.dyads.length) {
    $('actor-a').value = summary.dyads[0].a;
    $('actor-b').value = summary.dyads[0].b;
  } else if (summary && summary.actors.length) {
    $('actor-a').value = summary.actors[0].actor;
  }
  if ($('actor-a').value) await show();
  document.body.dataset.ready = 'true';
}

init();
