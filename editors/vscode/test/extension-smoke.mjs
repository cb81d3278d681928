// Runs the bundled extension (out/extension.js) in plain node, with the real
// vscode-languageclient and the real csa server, under the stand-in `vscode` module of
// test/host/vscode.js (VS Code itself cannot be downloaded here). Checks what a user
// would see: the server starts with the settings as initializationOptions, the status
// bar follows csa/status, a changed setting reaches the server, "Explain rule" shows
// the rule, "Restart server" restarts it, a crashing server is restarted at most 5
// times in 3 minutes, and a missing binary gets the install message.
//
// usage: node test/extension-smoke.mjs CSA_BINARY   (after `node esbuild.mjs`)
//        node test/extension-smoke.mjs --installed EXTENSION_DIR
// The second form runs an unpacked platform .vsix (its `extension/` folder) with no
// setting and no csa on PATH: the server must be the binary the package carries.
// Prints one line per check and `extension: N passed, N failed` last.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const installed = process.argv[2] === '--installed' ? process.argv[3] && resolve(process.argv[3]) : undefined;
const extensionDir = installed ?? join(here, '..');
const csa = installed ? join(installed, 'bin', 'csa') : process.argv[2] && resolve(process.argv[2]);
if (!csa || !existsSync(csa)) {
  console.error('usage: node test/extension-smoke.mjs CSA_BINARY | --installed EXTENSION_DIR (holding bin/csa)');
  process.exit(2);
}

// `require('vscode')` in the bundle gets the stand-in.
const Module = require('node:module');
const fake = require('./host/vscode.js');
const host = fake.__host;
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? fake : load.call(this, request, ...rest);
};
const extension = require(join(extensionDir, 'out', 'extension.js'));

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`);
  }
  return ok;
}
// Killing the server (the crash checks below) rejects the requests it had not yet
// answered (code -32097). VS Code's extension host logs such a rejection when nothing
// awaits it; plain node would end the test, so those are ignored here, and any other
// counts as a failure.
let unexpectedRejections = 0;
process.on('unhandledRejection', (reason) => {
  if (reason && reason.code === -32097) return;
  unexpectedRejections++;
  console.log(`FAIL an unhandled rejection: ${reason && reason.stack ? reason.stack : String(reason)}`);
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(predicate, ms = 30000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = predicate();
    if (v) return v;
    await sleep(50);
  }
  return predicate();
}
/** The csa processes this test started (children of this process), by id. */
function servers() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the command name may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0] === csa && args[1] === 'lsp') found.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}
const status = () => host.statusItems.find((i) => i.id === 'csa.status');
/** The server has answered: the status bar shows the document's counts. */
const serverAnswered = () => /csa: \d/.test(status()?.text ?? '');
const output = () => host.outputs.find((o) => o.name === 'csa');

// A workspace with kent-2018.csa open in the active editor, the cursor on line 169
// (a lead that belongs to no priority: CSA202).
const root = resolve(here, '..', '..', '..');
const example = join(root, 'examples', 'kent-2018.csa');
const doc = host.makeDocument(fake.Uri.file(example), 'csa', readFileSync(example, 'utf8'));
host.textDocuments.push(doc);
const cursor = new fake.Position(168, 4);
host.activeTextEditor = { document: doc, selection: new fake.Selection(cursor, cursor), selections: [], viewColumn: 1 };
host.settings = { 'csa.asOf': '2019-04-01', 'csa.failLevel': 'warning' };
if (installed) {
  const onPath = (process.env.PATH ?? '').split(':').filter((d) => d && existsSync(join(d, 'csa')));
  check('there is no csa on PATH', onPath.length === 0, onPath);
} else {
  host.settings['csa.path'] = csa;
}

const subscriptions = [];
const context = { subscriptions, extensionPath: extensionDir, extensionUri: fake.Uri.file(extensionDir), globalState: { get() {}, update() {} }, workspaceState: { get() {}, update() {} }, extensionMode: 3 };
try {
  await extension.activate(context);
  check('the extension activates', true);
} catch (e) {
  check('the extension activates', false, String(e && e.stack));
}

check('it creates the csa output channel and status bar item', output() !== undefined && status() !== undefined);
const first = await waitFor(() => /csa: \d/.test(status()?.text ?? '') && status().text);
check('the status bar shows the counts from csa/status', /^\$\(error\) csa: (\d+ errors?, )?\d+ warnings? \(fails\)$/.test(first ?? ''), status()?.text);
check(
  'initializationOptions carry failLevel: warning (the document fails on its warnings)',
  status()?.backgroundColor?.id === 'statusBarItem.errorBackground' && /fail level \(warning\)/.test(status()?.tooltip ?? ''),
  status()?.tooltip,
);
check('the status bar item opens the Problems view', status()?.command === 'workbench.actions.view.problems', status()?.command);
check('the server is running as `csa lsp`', servers().length === 1, servers());
const from = installed ? `the csa bundled with the extension (${csa})` : `the setting csa.path (${csa})`;
check(
  `the output says which server runs: ${installed ? 'the bundled one' : 'the one csa.path names'}`,
  (output()?.lines ?? []).some((l) => /language server csa 0\.\d+\.\d+ running, from /.test(l) && l.endsWith(from)),
  output()?.lines.slice(-5),
);
check('the status bar tooltip says it too', (status()?.tooltip ?? '').endsWith(`Server: ${from}`), status()?.tooltip);

// Diagnostics reach VS Code (the client pulls them).
const diagnostics = await waitFor(() => {
  const d = fake.languages.getDiagnostics(doc.uri);
  return d.length > 0 && d;
});
const leadLines = (diagnostics || []).filter((d) => (d.code?.value ?? d.code) === 'CSA202').map((d) => d.range.start.line + 1);
check('the CSA202 findings reach VS Code on lines 169-176', JSON.stringify(leadLines) === JSON.stringify([169, 170, 171, 172, 173, 174, 175, 176]), leadLines);

// Changing a setting sends workspace/didChangeConfiguration.
host.changeSettings({ 'csa.failLevel': 'error' });
const passing = await waitFor(() => /at the fail level error/.test(status()?.tooltip ?? '') && status());
check('a changed csa.failLevel reaches the server (error: the warnings no longer fail)', passing && !/\(fails\)/.test(passing.text) && passing.backgroundColor === undefined, status()?.text + ' / ' + status()?.tooltip);
host.changeSettings({ 'csa.failLevel': 'auto' });
await waitFor(() => /at the fail level error/.test(status()?.tooltip ?? ''));
check('csa.failLevel auto is sent as "" (the csa.toml or error)', /at the fail level error/.test(status()?.tooltip ?? ''), status()?.tooltip);

// Explain rule: the finding under the cursor.
await fake.commands.executeCommand('csa.explainRule');
let shown = host.shownDocuments.at(-1);
check(
  'Explain rule shows the rule of the finding under the cursor (CSA202) as Markdown',
  shown && shown.doc.uri.toString() === 'csa-explain:/CSA202.md' && shown.doc.languageId === 'markdown' && /^# CSA202 lead-without-priority\n/.test(shown.doc.getText()) && /\n## How to fix it\n/.test(shown.doc.getText()),
  shown && { uri: shown.doc.uri.toString(), text: shown.doc.getText().slice(0, 200) },
);
// Elsewhere: a quick pick of every rule from `csa rules --format json`.
host.activeTextEditor = { document: doc, selection: new fake.Selection(new fake.Position(0, 0), new fake.Position(0, 0)), selections: [], viewColumn: 1 };
host.answerQuickPick = (items) => items.find((i) => i.label === 'CSA201');
await fake.commands.executeCommand('csa.explainRule');
const pick = host.quickPicks.at(-1);
shown = host.shownDocuments.at(-1);
check('away from a finding, Explain rule offers every rule in a quick pick', pick && pick.items.length > 30 && pick.items.every((i) => /^CSA\d+$/.test(i.label) && i.detail), pick && pick.items.length);
check('the picked rule is explained', shown && /^# CSA201 /.test(shown.doc.getText()), shown && shown.doc.getText().slice(0, 80));
await fake.commands.executeCommand('csa.explainRule', 'no-such-rule');
check('an unknown rule gets an error message from csa explain', /not a rule code or name/.test(host.messages.at(-1)?.text ?? ''), host.messages.at(-1));

// Show output.
const shownBefore = output()?.shown ?? 0;
await fake.commands.executeCommand('csa.showOutput');
check('Show output shows the csa output', (output()?.shown ?? 0) === shownBefore + 1);

// Restart server: a new process, and the status comes back.
const before = servers();
await fake.commands.executeCommand('csa.restartServer');
const after = await waitFor(() => {
  const s = servers();
  return s.length === 1 && s[0] !== before[0] && s;
});
check('Restart server starts a new csa lsp process', after && after.length === 1, { before, after: servers() });
check('after the restart the status bar shows the counts again', await waitFor(() => /csa: \d/.test(status()?.text ?? '')), status()?.text);

// Crashes: restarted 5 times, then stopped with a message.
const messagesBefore = host.messages.length;
let restartsSeen = 0;
for (let i = 0; i < 6; i++) {
  // Each server is killed once it has started and checked the document: a kill while
  // it starts up is a different failure (the client gives up on that start).
  const pids = await waitFor(() => {
    const s = servers();
    return s.length === 1 && serverAnswered() && s;
  }, 30000);
  if (!pids) break;
  process.kill(pids[0], 'SIGKILL');
  // Wait until that process is gone and (but for the last) a new one runs.
  const next = await waitFor(() => {
    const s = servers();
    return s.length === 1 && s[0] !== pids[0] && s;
  }, 10000);
  if (next) restartsSeen++;
}
check('a crashed server is restarted (5 times within 3 minutes)', restartsSeen === 5, restartsSeen);
const stopped = await waitFor(() => host.messages.slice(messagesBefore).find((m) => /stopped 5 times in the last 3 minutes/.test(m.text)), 10000);
check('the sixth crash stops it, with a message offering Show Output and Restart Server', stopped && stopped.severity === 'error' && stopped.buttons.includes('Restart Server'), host.messages.slice(messagesBefore));
check('no server runs after that', (await waitFor(() => servers().length === 0, 5000)) === true, servers());
check('the status bar says the server stopped', /server stopped/.test(status()?.text ?? ''), status()?.text);
await fake.commands.executeCommand('csa.restartServer');
check('Restart server brings it back after the limit', await waitFor(() => servers().length === 1 && /csa: \d/.test(status()?.text ?? '')), status()?.text);

// A missing binary: the install message, with a button to open the settings.
host.answerMessage = (severity, text, items) => (severity === 'error' && /cargo install/.test(text) ? items.find((b) => b === 'Open Settings') : undefined);
const missingFrom = host.messages.length;
host.changeSettings({ 'csa.path': join(root, 'no', 'such', 'csa') });
const missingMessage = await waitFor(() => host.messages.slice(missingFrom).find((m) => /cannot find the csa binary/.test(m.text)));
check(
  'a missing binary gets an error: the platform extension, the release download, or cargo install',
  missingMessage &&
    /csa extension built for your system/.test(missingMessage.text) &&
    /set `csa\.path` to it/.test(missingMessage.text) &&
    /`cargo install --path \.` in a clone of the csa repository/.test(missingMessage.text) &&
    missingMessage.buttons.includes('Open Settings'),
  missingMessage,
);
await sleep(100);
check(
  'its Open Settings button opens the csa.path setting',
  host.commandsRun.some((c) => c[0] === 'workbench.action.openSettings' && c[1] === 'csa.path'),
  host.commandsRun.map((c) => c[0]),
);
check('the status bar says csa is not installed', /not installed/.test(status()?.text ?? ''), status()?.text);
check('no server runs with a missing binary', servers().length === 0, servers());

// The older setting name still works when csa.path is empty.
host.changeSettings({ 'csa.path': '', 'csa.server.path': csa });
check(
  'the older setting csa.server.path still works when csa.path is empty',
  await waitFor(() => servers().length === 1 && /csa: \d/.test(status()?.text ?? '') && (status()?.tooltip ?? '').endsWith(`Server: the setting csa.server.path (${csa})`)),
  status()?.tooltip,
);

// The binary found again on PATH by name.
host.changeSettings({ 'csa.server.path': '', 'csa.path': 'csa' });
process.env.PATH = `${dirname(csa)}:${process.env.PATH}`;
await fake.commands.executeCommand('csa.restartServer');
check('csa.path "csa" finds the binary on PATH', await waitFor(() => servers().length === 1 && /csa: \d/.test(status()?.text ?? '')), status()?.text);

// No setting: the bundled binary in a platform package, else csa on PATH.
host.changeSettings({ 'csa.path': '' });
const fallback = installed ? `the csa bundled with the extension (${csa})` : `csa on PATH (${csa})`;
check(
  `with no setting the server is ${installed ? 'the bundled binary, before PATH' : 'csa on PATH (no binary in this package)'}`,
  await waitFor(() => servers().length === 1 && (status()?.tooltip ?? '').endsWith(`Server: ${fallback}`)),
  status()?.tooltip,
);

// Status bar only for .csa editors.
host.activeTextEditor = { document: host.makeDocument(fake.Uri.file('/tmp/notes.txt'), 'plaintext', 'x'), selection: new fake.Selection(cursor, cursor) };
host.events.activeEditor?.fire(host.activeTextEditor);
check('the status bar item hides for other languages', status()?.visible === false);

await extension.deactivate();
check('deactivate stops the server', (await waitFor(() => servers().length === 0, 5000)) === true, servers());
for (const s of subscriptions) s.dispose?.();

failed += unexpectedRejections;
if (host.missing.size > 0) console.log(`     (the stand-in vscode lacks: ${[...host.missing].join(', ')})`);
console.log(`extension: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
