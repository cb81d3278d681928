// What axe cannot see, measured in headless Chromium:
//
// - WCAG 1.4.12 (text spacing): with line height 1.5, paragraph spacing 2 em,
//   letter spacing 0.12 em and word spacing 0.16 em applied to every element, no
//   label of a diagram overflows its box, and no text overflows the diagram.
// - Reflow at 320 and 390 px: the page never scrolls sideways
//   (scrollWidth <= clientWidth); wide tables scroll inside their own region.
// - The report's verdict: the status panel's first paragraph ends within the first
//   800 px, at 1280x800 (desktop) and at 390x844 (phone).
//
// Exits 1 when any check fails. With --shots DIR, writes the screenshots the docs
// show: the report's first screen (desktop, phone, and the first printed page as a
// PDF) and each diagram under the text-spacing test.
//
//   node layout.js [--shots DIR] --published page.html... --reports report.html...
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

function parse(argv) {
  const out = { shots: null, published: [], reports: [] };
  let list = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shots') out.shots = argv[++i];
    else if (argv[i] === '--published') list = out.published;
    else if (argv[i] === '--reports') list = out.reports;
    else list.push(argv[i]);
  }
  return out;
}

// Every diagram label and heading, measured against its box and the picture.
async function textSpacing(page) {
  await page.addStyleTag({ content: SPACING });
  return page.evaluate(() => {
    const problems = [];
    let labels = 0;
    for (const svg of document.querySelectorAll('svg.diagram')) {
      const frame = svg.getBoundingClientRect();
      const inside = (r, box, slack) => r.left >= box.left - slack && r.right <= box.right + slack
        && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
      for (const text of svg.querySelectorAll('text')) {
        labels++;
        const r = text.getBoundingClientRect();
        const rect = text.parentElement.querySelector('rect');
        const box = rect && text.parentElement.matches('g.node') ? rect.getBoundingClientRect() : null;
        if (box && !inside(r, box, 0.5)) {
          problems.push(`"${text.textContent}" overflows its box by ${Math.max(r.right - box.right, r.bottom - box.bottom, box.left - r.left, box.top - r.top).toFixed(1)} px`);
        } else if (!inside(r, frame, 0.5)) {
          problems.push(`"${text.textContent}" overflows the diagram`);
        }
      }
    }
    return { labels, problems };
  });
}

async function noSidewaysScroll(page, width) {
  await page.setViewport({ width, height: 800 });
  return page.evaluate(() => {
    const e = document.documentElement;
    return { scroll: e.scrollWidth, client: e.clientWidth };
  });
}

async function verdictWithin(page, width, height) {
  await page.setViewport({ width, height });
  return page.evaluate(() => {
    // The sentence that gives the verdict: its first words are in bold.
    const verdict = document.querySelector('section.panel strong');
    const p = verdict && verdict.closest('p, li');
    return p ? p.getBoundingClientRect().bottom + window.scrollY : Infinity;
  });
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (args.shots) fs.mkdirSync(args.shots, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let failed = 0;
  const fail = (message) => { console.log(`  FAIL ${message}`); failed++; };
  try {
    const page = await browser.newPage();
    const open = (file) => page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    for (const file of [...args.published, ...args.reports]) {
      console.log(file);
      for (const width of [320, 390]) {
        await open(file);
        const { scroll, client } = await noSidewaysScroll(page, width);
        console.log(`  ${width} px: scrollWidth ${scroll}, clientWidth ${client}`);
        if (scroll > client) fail(`the page scrolls sideways at ${width} px`);
      }
    }
    for (const file of args.published) {
      await page.setViewport({ width: 1280, height: 900 });
      await open(file);
      const { labels, problems } = await textSpacing(page);
      console.log(`${file}: text spacing (WCAG 1.4.12): ${labels} diagram label line(s), ${problems.length} overflowing`);
      problems.slice(0, 10).forEach(fail);
      if (args.shots && labels) {
        const figure = await page.$('figure');
        await figure.screenshot({ path: path.join(args.shots, path.basename(file, '.html') + '-diagram-spacing.png') });
      }
    }
    for (const file of args.reports) {
      for (const [width, height, name] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
        await open(file);
        const bottom = await verdictWithin(page, width, height);
        console.log(`${file}: ${name} ${width}x${height}: the verdict ends at ${Math.round(bottom)} px`);
        if (bottom > 800) fail(`the verdict is below the first 800 px on a ${name}`);
        if (args.shots) {
          await page.screenshot({ path: path.join(args.shots, `${path.basename(file, '.html')}-${name}.png`) });
        }
      }
      if (args.shots) {
        await page.setViewport({ width: 1280, height: 800 });
        await open(file);
        await page.pdf({ path: path.join(args.shots, path.basename(file, '.html') + '-print.pdf'), preferCSSPageSize: true, printBackground: true });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(failed ? `layout: ${failed} check(s) failed` : 'layout: every check passed');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
