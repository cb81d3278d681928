// The page: opens a plan (or imports one), edits it with live findings, and shows
// and downloads the report and the agreement. Every operation is csa's own, compiled
// to WebAssembly (editors/web/wasm); this file only wires the page to it.
import { initSync } from 'csa-wasm';
import * as csa from 'csa-wasm';
import wasmBytes from 'csa-wasm-bytes';
import { makeEditor } from './editor.js';
import { renderFindings } from './findings.js';
import { store } from './storage.js';

const $ = (id) => document.getElementById(id);
const started = performance.now();
initSync({ module: wasmBytes });

const state = {
  name: store.get('name') || 'plan.csa',
  previousName: store.get('previousName') || '',
  previousText: store.get('previousText') || '',
  checks: 0,
};

function today() {
  csa.set_today(Date.now() / 86400000);
}

function asOf() {
  return $('as-of').value;
}

function status(message) {
  $('status').textContent = message;
}

// One check of the editor's text; the findings list and the squiggles follow it.
function check(text) {
  today();
  let view;
  try {
    view = JSON.parse(csa.findings(state.name, text, asOf(), state.previousName, state.previousText));
  } catch (e) {
    status(String(e.message || e));
    return;
  }
  editor.showFindings(view.findings);
  renderFindings($('findings'), $('summary'), view, {
    go: (f) => editor.select(f.from, f.to),
    fix: (f) => editor.apply(f.fix.edits),
    explain: (code) => csa.explain(code),
  });
  state.checks += 1;
  document.body.dataset.checks = String(state.checks);
  document.body.dataset.checkedAt = String(performance.now());
}

const editor = makeEditor($('editor'), {
  text: store.get('text') || '',
  highlight: (text) => JSON.parse(csa.highlight(text)),
  changed: (text) => {
    store.set('text', text);
    check(text);
  },
});

function setDocument(name, text) {
  state.name = name;
  store.set('name', name);
  $('doc-name').textContent = name;
  editor.setText(text);
}

// A file's bytes: a .csa as it is; anything else through `csa import`.
async function read(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.csa$/i.test(file.name)) {
    return { name: file.name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), imported: null };
  }
  const imported = JSON.parse(csa.import_file(file.name, bytes));
  return { name: file.name.replace(/\.[^.]*$/, '') + '.csa', text: imported.csa, imported };
}

async function open(file) {
  try {
    const got = await read(file);
    setDocument(got.name, got.text);
    const box = $('import');
    if (got.imported) {
      const notes = got.imported.notes.map(([line, note]) => `line ${line}: ${note}`).join('\n');
      $('import-summary').textContent = `Imported ${file.name} as a draft, ${got.name}.\n`
        + got.imported.summary + (notes ? `\nNotes to check by hand:\n${notes}\n` : '')
        + (got.imported.syntax_errors ? `\nThe draft has ${got.imported.syntax_errors} syntax error(s) to correct by hand.` : '\nThe draft parses with no syntax error.');
      box.hidden = false;
    } else {
      box.hidden = true;
    }
    status(`Opened ${file.name}.`);
  } catch (e) {
    status(`${file.name} could not be opened: ${e.message || e}`);
  }
}

async function openPrevious(file) {
  try {
    const got = await read(file);
    state.previousName = got.name === state.name ? 'last-year-' + got.name : got.name;
    state.previousText = got.text;
    store.set('previousName', state.previousName);
    store.set('previousText', state.previousText);
    showPrevious();
    check(editor.text());
    status(`Comparing with ${file.name}.`);
  } catch (e) {
    status(`${file.name} could not be opened: ${e.message || e}`);
  }
}

function showPrevious() {
  $('previous-name').textContent = state.previousName
    ? `Comparing with last year's plan: ${state.previousName}.` : 'No plan from last year to compare with.';
}

$('file').addEventListener('change', (e) => e.target.files[0] && open(e.target.files[0]));
$('previous').addEventListener('change', (e) => e.target.files[0] && openPrevious(e.target.files[0]));
$('forget-previous').addEventListener('click', () => {
  state.previousName = ''; state.previousText = '';
  store.set('previousName', ''); store.set('previousText', '');
  showPrevious(); check(editor.text());
});
$('as-of').value = store.get('asOf') || '';
$('as-of').addEventListener('change', () => { store.set('asOf', asOf()); check(editor.text()); });

const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) open(e.dataTransfer.files[0]);
});

$('format').addEventListener('click', () => {
  try {
    const tidy = csa.format(editor.text());
    editor.replaceAll(tidy);
    status('The layout is tidied.');
  } catch (e) {
    status(`The layout was not tidied: ${e.message || e}`);
  }
});
$('fix-all').addEventListener('click', () => {
  today();
  try {
    const fixed = JSON.parse(csa.fix_all(state.name, editor.text(), asOf(), false));
    if (fixed.refused) status('The fixes were not applied: they would make a line unreadable.');
    else if (!fixed.applied.length) status('There are no safe fixes to apply.');
    else {
      editor.replaceAll(fixed.text);
      status(`Applied ${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'}: ${fixed.applied.join('; ')}.`);
    }
  } catch (e) {
    status(String(e.message || e));
  }
});
$('new-doc').addEventListener('click', () => {
  setDocument('plan.csa', '');
  $('import').hidden = true;
  status('Started again with an empty plan.');
});

// What the report and the agreement are, made as `csa report` and `csa publish` make them.
const outputs = {
  report: () => { today(); return csa.report_text(state.name, editor.text(), asOf(), state.previousName, state.previousText, 'html'); },
  agreement: () => csa.publish_html(state.name, editor.text()),
  docx: () => csa.publish_docx(state.name, editor.text()),
  diff: () => csa.diff(state.previousName, state.previousText, state.name, editor.text(), 'text'),
};
const stem = () => state.name.replace(/\.csa$/i, '');

function show(kind, heading) {
  const box = $('view'), frame = $('view-frame'), pre = $('view-text');
  try {
    if (kind === 'diff') {
      if (!state.previousText) { status('Open last year\'s plan first, to see what changed.'); return; }
      pre.textContent = outputs.diff();
      pre.hidden = false; frame.hidden = true;
    } else {
      frame.srcdoc = outputs[kind]();
      frame.title = heading;
      frame.hidden = false; pre.hidden = true;
    }
  } catch (e) {
    status(String(e.message || e));
    return;
  }
  $('view-heading').textContent = heading;
  box.hidden = false;
  document.body.dataset.shown = kind;
  $('view-heading').focus();
}
$('show-report').addEventListener('click', () => show('report', 'The compliance report'));
$('show-agreement').addEventListener('click', () => show('agreement', 'The published agreement'));
$('show-diff').addEventListener('click', () => show('diff', 'Changes since last year'));

function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  status(`Downloaded ${name}.`);
}
const guard = (f) => () => { try { f(); } catch (e) { status(String(e.message || e)); } };
$('download-csa').addEventListener('click', guard(() => download(state.name, editor.text(), 'text/plain;charset=utf-8')));
$('download-report').addEventListener('click', guard(() => download(`${stem()}-report.html`, outputs.report(), 'text/html;charset=utf-8')));
$('download-agreement').addEventListener('click', guard(() => download(`${stem()}.html`, outputs.agreement(), 'text/html;charset=utf-8')));
$('download-docx').addEventListener('click', guard(() => download(`${stem()}.docx`, outputs.docx(),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document')));

// Offline once loaded: a service worker keeps the page's files (http and https only;
// a page opened from a folder is already on the computer).
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

window.csa = csa; // for those who script the page (and its tests)
window.csaPage = { editor };
$('doc-name').textContent = state.name;
showPrevious();
check(editor.text());
document.body.dataset.ready = String(performance.now() - started);
