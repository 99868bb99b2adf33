#!/usr/bin/env node
// End-to-end test of the dashboard in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): starts `dragoman serve` on a store, loads the page, checks the chart drew
// data points, clicks an event, checks the highlighted sentence, checks the map shades countries,
// that a filter narrows the chart and the table alike, that the export link downloads every
// filtered row (CSV, GDELT) and that columns sort; saves screenshots of each view.
//
//   node dashboard_test.js --dragoman build/dragoman --db store.db --screenshot out.png \
//       [--expect-sentence "China is ready to work with Kazakhstan on trade."]
//
// Exit status: 0 pass, 1 fail, 77 skipped (no Chromium or no node_modules), as ctest expects.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SKIP = 77;

function parseArgs(argv) {
  const args = { chromium: process.env.DRAGOMAN_CHROMIUM || '/usr/bin/chromium' };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    args[key] = argv[i + 1];
  }
  for (const required of ['dragoman', 'db', 'screenshot']) {
    if (!args[required]) {
      console.error('dashboard_test: --' + required + ' is required');
      process.exit(2);
    }
  }
  return args;
}

function fail(message) {
  throw new Error(message);
}

// Starts `dragoman serve --port 0` and resolves with its URL once it says where it listens.
function startServer(dragoman, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(dragoman, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0'],
      { stdio: ['ignore', 'inherit', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => reject(new Error('dragoman serve did not start in 15 s: ' + seen)), 15000);
    child.stderr.on('data', (chunk) => {
      seen += chunk.toString();
      const m = seen.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error('dragoman serve exited with ' + code + ': ' + seen));
    });
  });
}

async function main() {
  const args = parseArgs(process.argv);
  if (!fs.existsSync(args.chromium)) {
    console.log('SKIP: no Chromium at ' + args.chromium + ' (apt-get install chromium chromium-driver)');
    return SKIP;
  }
  let chromium;
  try {
    ({ chromium } = require(path.join(__dirname, 'node_modules', 'playwright-core')));
  } catch (e) {
    console.log('SKIP: playwright-core is not installed (cd tests/serve/e2e && npm ci)');
    return SKIP;
  }

  const { child: server, url } = await startServer(args.dragoman, args.db);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dragoman-chromium-'));
  let context = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: args.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
    // The page must need nothing but our server.
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin + '/' === url) return route.continue();
      problems.push('request outside the server: ' + u.href);
      return route.abort();
    });

    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });

    // The chart drew data points (Goldstein means) and bars (counts per quad class).
    const points = await page.locator('#chart circle.point').count();
    const bars = await page.locator('#chart rect.bar').count();
    console.log('chart: ' + points + ' points, ' + bars + ' bars');
    if (points < 1) fail('the chart has no data points');
    if (bars < 1) fail('the chart has no bars');
    const goldstein = Number(await page.locator('#chart circle.point').first().getAttribute('data-goldstein'));
    if (!(goldstein >= -10 && goldstein <= 10)) fail('a point has Goldstein ' + goldstein);

    const rows = page.locator('#events tbody tr[data-event]');
    const rowCount = await rows.count();
    if (rowCount < 1) fail('the events table is empty');
    console.log('events table: ' + rowCount + ' rows');

    // Click the first event: its first mention's article opens with the sentence marked.
    await rows.first().click();
    await page.waitForSelector('#article mark.sentence', { timeout: 10000 });
    const sentence = (await page.locator('#article mark.sentence').textContent()).trim();
    const source = (await page.locator('#article mark.sentence .hl-source').allTextContents()).join('');
    const verb = (await page.locator('#article mark.sentence .hl-verb').allTextContents()).join('');
    const target = (await page.locator('#article mark.sentence .hl-target').allTextContents()).join('');
    console.log('highlighted sentence: ' + sentence);
    console.log('source: "' + source + '", verb: "' + verb + '", target: "' + target + '"');
    if (!sentence) fail('no highlighted sentence');
    if (!verb) fail('the event\'s verb is not highlighted');
    if (!sentence.includes(verb.trim())) fail('the highlighted verb is not inside the sentence');
    if (args.expectSentence && sentence !== args.expectSentence) {
      fail('highlighted sentence is "' + sentence + '", expected "' + args.expectSentence + '"');
    }
    const firstMention = (await page.locator('#mentions button.mention').first().textContent()) || '';
    if (!firstMention.includes(sentence.slice(0, 40))) fail('the mention list does not show the sentence');

    fs.mkdirSync(path.dirname(args.screenshot), { recursive: true });
    await page.screenshot({ path: args.screenshot, fullPage: true });
    console.log('screenshot: ' + args.screenshot);

    // Clicking a point lists that period's events only.
    const point = page.locator('#chart circle.point').first();
    const period = await point.getAttribute('data-period');
    await point.click();
    await page.waitForFunction(() => document.getElementById('f-from').value !== '');
    const from = await page.inputValue('#f-from');
    const to = await page.inputValue('#f-to');
    await page.waitForFunction(([f, t]) => {
      const cells = [...document.querySelectorAll('#events tbody tr[data-event] td:first-child')];
      return cells.length > 0 && cells.every((c) => c.textContent >= f && c.textContent <= t);
    }, [from, to], { timeout: 10000 });
    console.log('clicking the point for ' + period + ' lists events from ' + from + ' to ' + to);

    // The map: countries shaded by the filtered events located in them (every event of a store
    // coded with the gazetteer has a place; the fixture's events are located by hand).
    await page.click('#f-clear');
    await page.waitForFunction(() => document.body.dataset.loading === 'false' &&
      document.getElementById('f-from').value === '');
    const shaded = await page.locator('#map path.country:not([data-events="0"])').count();
    const countries = await page.locator('#map path.country').count();
    const cities = await page.locator('#map circle.city').count();
    console.log('map: ' + countries + ' countries drawn, ' + shaded + ' shaded, ' + cities + ' cities');
    if (countries < 100) fail('the world map drew ' + countries + ' countries');
    if (shaded < 1) fail('the map shades no country');
    const shot = (name) => path.join(path.dirname(args.screenshot), path.basename(args.screenshot, '.png') + '_' + name + '.png');
    await page.locator('#map-panel').screenshot({ path: shot('map') });

    // Filters drive the chart as well as the table: a quad class that leaves out the first event.
    const eventsIn = async () => Number(await page.getAttribute('#chart-box', 'data-events'));
    const before = await eventsIn();
    const firstQuad = Number(await page.locator('#events tbody tr[data-event] td.quad').first().textContent());
    const otherQuad = String(firstQuad === 1 ? 3 : 1);
    await page.selectOption('#f-quad', otherQuad);
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction((b) => document.body.dataset.loading === 'false' &&
      Number(document.getElementById('chart-box').dataset.events) !== b, before, { timeout: 10000 });
    const after = await eventsIn();
    const tableTotal = Number(((await page.textContent('#events-count')) || '0').split(' ')[0]);
    console.log('quad ' + otherQuad + ': chart ' + before + ' -> ' + after + ' events, table ' + tableTotal);
    if (after !== tableTotal) fail('the chart counts ' + after + ' events, the table ' + tableTotal);
    if (after >= before) fail('the filter did not narrow the chart');
    await page.locator('#timeline').screenshot({ path: shot('filtered_chart') });

    // The export button downloads every filtered row, in each format.
    await page.click('#f-clear');
    await page.waitForFunction(() => document.body.dataset.loading === 'false' &&
      document.getElementById('f-quad').value === '');
    const total = Number(((await page.textContent('#events-count')) || '0').split(' ')[0]);
    const fetchText = (href) => page.evaluate(async (h) => (await fetch(h)).text(), href);
    const csvHref = await page.getAttribute('#export-link', 'href');
    const csv = (await fetchText(csvHref)).trim().split('\r\n');
    if (!csv[0].startsWith('article_id,date,sentence,source,target,code')) fail('CSV header: ' + csv[0]);
    if (csv.length - 1 !== total) fail('CSV export has ' + (csv.length - 1) + ' rows, the table ' + total);
    await page.selectOption('#export-format', 'gdelt');
    const gdeltHref = await page.getAttribute('#export-link', 'href');
    if (!gdeltHref.includes('format=gdelt')) fail('the export link ignores the format: ' + gdeltHref);
    const gdelt = (await fetchText(gdeltHref)).trim().split('\n');
    if (gdelt.length !== total) fail('GDELT export has ' + gdelt.length + ' rows, the table ' + total);
    for (const line of gdelt) if (line.split('\t').length !== 61) fail('GDELT row without 61 fields: ' + line);
    console.log('export: ' + total + ' rows as CSV and as GDELT (61 fields each)');

    // Sortable columns: Mentions, most first after two clicks.
    const mentionsHeader = page.locator('#events th[data-sort="num_mentions"]');
    await mentionsHeader.click();
    await mentionsHeader.click();
    if ((await mentionsHeader.getAttribute('aria-sort')) !== 'descending') fail('the Mentions column did not sort');
    const counts = (await page.locator('#events tbody tr[data-event] td:nth-child(7)').allTextContents()).map(Number);
    if (counts.some((c, i) => i > 0 && c > counts[i - 1])) fail('mentions not in descending order: ' + counts);

    if (problems.length) fail(problems.join('\n'));
    console.log('PASS');
    return 0;
  } finally {
    if (context) await context.close();
    server.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error('FAIL: ' + err.message);
  process.exit(1);
});
