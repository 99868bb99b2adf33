// The dragoman dashboard: pick a dyad or an actor, see its timeline (Goldstein mean and counts
// per quad class, drawn as our own SVG), filter its events, and read the sentences behind one.
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

const state = { a: '', b: '', by: 'month', offset: 0, total: 0, selectedEvent: null };

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
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    throw new Error(url + ': the server did not answer with JSON (' + res.status + ')');
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
  loadEvents();
}

// ---- events table ----

function eventParams() {
  const p = { limit: PAGE, offset: state.offset };
  if (state.b) { p.a = state.a; p.b = state.b; } else { p.actor = state.a; }
  p.root = $('f-root').value;
  p.quad = $('f-quad').value;
  p.from = $('f-from').value.trim();
  p.to = $('f-to').value.trim();
  p.text = $('f-text').value.trim();
  return p;
}

async function loadEvents() {
  const tbody = $('events').querySelector('tbody');
  try {
    const res = await api('events', eventParams());
    showStatus('');
    state.total = res.total;
    tbody.replaceChildren();
    for (const e of res.events) {
      const tr = el('tr', { tabindex: 0, 'data-event': e.id });
      tr.appendChild(el('td', {}, e.date));
      tr.appendChild(el('td', { class: 'actor' }, e.source));
      const code = el('td', { class: 'code' }, e.code);
      if (e.plover_type) code.appendChild(el('span', { class: 'plover' }, ' ' + e.plover_type));
      tr.appendChild(code);
      tr.appendChild(el('td', { class: 'actor' }, e.target || '—'));
      tr.appendChild(el('td', { class: 'quad q' + e.quad_class, title: (QUADS[e.quad_class - 1] || {}).name || '' }, e.quad_class));
      tr.appendChild(el('td', { class: 'num' }, e.goldstein === null ? '' : e.goldstein.toFixed(1)));
      tr.appendChild(el('td', { class: 'num' }, e.num_mentions));
      tr.appendChild(el('td', { class: 'num' }, e.num_articles));
      tr.appendChild(el('td', { class: 'num' }, e.num_sources));
      tr.addEventListener('click', () => selectEvent(e, tr));
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') selectEvent(e, tr); });
      tbody.appendChild(tr);
    }
    if (res.events.length === 0) {
      const tr = el('tr', { class: 'empty' });
      tr.appendChild(el('td', { colspan: 9 }, 'No events match.'));
      tbody.appendChild(tr);
    }
    const last = Math.min(state.offset + res.events.length, res.total);
    $('events-count').textContent = res.total + (res.total === 1 ? ' event' : ' events');
    $('page-info').textContent = res.total ? (state.offset + 1) + '–' + last + ' of ' + res.total : '';
    $('prev').disabled = state.offset === 0;
    $('next').disabled = last >= res.total;
  } catch (err) {
    showStatus(err.message);
  }
}

// ---- an event's mentions and the article ----

async function selectEvent(e, tr) {
  for (const row of $('events').querySelectorAll('tr.selected')) row.classList.remove('selected');
  tr.classList.add('selected');
  state.selectedEvent = e.id;
  try {
    const res = await api('mentions', { event: e.id, limit: 100 });
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
  $('timeline-title').textContent = (b ? a + ' – ' + b : a) + ' per ' + state.by;
  try {
    const t = await api('timeline', { a, b, by: state.by });
    showStatus('');
    drawChart(t.periods, state.by);
    $('chart-box').dataset.periods = String(t.periods.length);
  } catch (err) {
    showStatus(err.message);
  }
  await loadEvents();
}

async function init() {
  const root = $('f-root');
  for (let r = 1; r <= 20; ++r) {
    const code = String(r).padStart(2, '0');
    root.appendChild(el('option', { value: code }, code));
  }
  drawLegend();
  $('pick').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); state.offset = 0; loadEvents(); });
  $('f-clear').addEventListener('click', () => {
    for (const id of ['f-root', 'f-quad', 'f-from', 'f-to', 'f-text']) $(id).value = '';
    state.offset = 0;
    loadEvents();
  });
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
