// Opens each HTML page in headless Chromium and runs axe-core on it: the WCAG 2.0
// and 2.1 A and AA rules, and td-has-header (axe treats a table without headers as
// a layout table otherwise). Exits 1 when any page has a violation, or an
// "incomplete" result (one axe could not decide, which a person must) that
// incomplete-allowed.json does not explain with a reason.
//
//   node check.js [--shots DIR] page.html...
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

// Incomplete results a person has looked at, by axe rule id: why each is not a
// failure. An entry that explains nothing (no incomplete result of its rule on any
// page) is reported, so the list does not outlive what it explains.
const allowed = JSON.parse(fs.readFileSync(path.join(__dirname, 'incomplete-allowed.json'), 'utf8'));

async function main() {
  const args = process.argv.slice(2);
  let shots = null;
  if (args[0] === '--shots') {
    shots = args[1];
    args.splice(0, 2);
    fs.mkdirSync(shots, { recursive: true });
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let failed = 0;
  const explained = new Set();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    for (const file of args) {
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addScriptTag({ path: require.resolve('axe-core') });
      const result = await page.evaluate(() =>
        axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          rules: { 'td-has-header': { enabled: true } },
        }));
      if (shots) {
        const name = path.basename(file).replace(/\.html?$/, '') + '.png';
        await page.screenshot({ path: path.join(shots, name), fullPage: true });
      }
      const nodes = result.violations.reduce((n, v) => n + v.nodes.length, 0);
      console.log(`${file}: ${result.violations.length} violation(s), ${result.passes.length} rule(s) passed`);
      for (const v of result.violations) {
        console.log(`  ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) console.log(`    ${node.target.join(' ')}`);
      }
      if (nodes > 0) failed++;
      for (const v of result.incomplete) {
        const entry = allowed[v.id];
        // An entry explains only the elements inside what it names ("svg").
        const inside = entry
          ? await page.evaluate((targets, within) => targets.map((t) => {
              const el = document.querySelector(t);
              return !!(el && el.closest(within));
            }), v.nodes.map((n) => n.target[n.target.length - 1]), entry.inside)
          : v.nodes.map(() => false);
        const unexplained = v.nodes.filter((_, i) => !inside[i]);
        if (entry && unexplained.length < v.nodes.length) {
          explained.add(v.id);
          console.log(`  incomplete ${v.id} on ${v.nodes.length - unexplained.length} element(s) inside ${entry.inside}, looked at: ${entry.reason}`);
        }
        if (unexplained.length === 0) continue;
        failed++;
        console.log(`  incomplete ${v.id} (${v.impact}): ${v.help}: axe could not decide; look at it and fix it, or explain it in tests/a11y/incomplete-allowed.json`);
        for (const node of unexplained.slice(0, 5)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary || ''}`.trimEnd());
      }
    }
    for (const id of Object.keys(allowed)) {
      if (!explained.has(id)) {
        console.log(`incomplete-allowed.json explains ${id}, which no page gives any more: remove it`);
        failed++;
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
