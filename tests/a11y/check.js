// Opens each HTML page in headless Chromium and runs axe-core on it: the WCAG 2.0
// and 2.1 A and AA rules, and td-has-header (axe treats a table without headers as
// a layout table otherwise). Exits 1 when any page has a violation.
//
//   node check.js [--shots DIR] page.html...
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

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
