// The csa extension: runs `csa lsp` for .csa documents, shows each document's
// status, and explains rules.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { RestartPolicy } from './restartPolicy';
import { diagnosticCode, explanationToMarkdown, parseRules, ruleCodeAt } from './rules';
import { chooseServer, describeChoice, missingMessage, PATH_SETTINGS, ServerChoice } from './server';
import { CsaStatus, isStatus, statusView } from './status';

const INSTALL_HELP =
  'Install the csa extension built for your system (it carries csa), or download csa from the release page and set `csa.path` to it; developers can run `cargo install --path .` in a clone of the csa repository. Then reload the window.';
const EXPLAIN_SCHEME = 'csa-explain';

let client: LanguageClient | undefined;
/** The folder the extension is installed in, where a platform package keeps bin/. */
let extensionPath = '';
/** The binary the running (or last started) server is, and where it came from. */
let serverChoice: ServerChoice | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
const statuses = new Map<string, CsaStatus>();
const restarts = new RestartPolicy(5, 3 * 60 * 1000);
const explanations = new Map<string, string>();
/** Set while the user restarts the server, so that the stop is not taken for a crash. */
let stoppingOnPurpose = false;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('csa');
}

/** The settings the server reads: `initializationOptions` and `didChangeConfiguration`. */
function serverSettings(): { asOf: string; failLevel: string } {
  const c = config();
  const asOf = (c.get<string>('asOf') ?? '').trim();
  const level = c.get<string>('failLevel') ?? 'auto';
  // Empty means "not set": today for asOf, the document's csa.toml (else error) for failLevel.
  return { asOf, failLevel: level === 'auto' ? '' : level };
}

function workspaceBase(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** The csa binary: the setting csa.path (or its older name), the bundled one, or PATH. */
function chooseBinary(): ServerChoice {
  const c = vscode.workspace.getConfiguration();
  const settings = Object.fromEntries(PATH_SETTINGS.map((name) => [name, c.get<string>(name)]));
  return chooseServer(settings, extensionPath, process.env, workspaceBase());
}

/** The csa binary to run, or undefined (after telling the user) when there is none. */
function resolveBinary(): string | undefined {
  const choice = chooseBinary();
  serverChoice = choice;
  if (choice.binary) {
    output.appendLine(`csa: using ${describeChoice(choice)}`);
    return choice.binary;
  }
  const message = `${missingMessage(choice)} ${INSTALL_HELP}`;
  output.appendLine(message);
  showMissing(message, choice.setting ?? 'csa.path');
  setStatus('$(error) csa: not installed', message, true, 'csa.showOutput');
  return undefined;
}

function showMissing(message: string, setting: string): void {
  void vscode.window.showErrorMessage(message, 'Open Settings', 'Copy Install Command').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    } else if (choice === 'Copy Install Command') {
      void vscode.env.clipboard.writeText('cargo install --path .');
    }
  });
}

/** Restarts a crashed server at most 5 times in 3 minutes, then stops and says so. */
class CsaErrorHandler implements ErrorHandler {
  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few bad messages are survivable; a stream of them means the server is gone.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue };
    return { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (stoppingOnPurpose) return { action: CloseAction.DoNotRestart, handled: true };
    if (restarts.allowRestart()) {
      output.appendLine('csa: the language server stopped unexpectedly; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `csa: the language server stopped ${restarts.max} times in the last ${restarts.windowMs / 60000} minutes, so it will not be restarted. See the csa output, then use "csa: Restart server".`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Show Output', 'Restart Server').then((choice) => {
      if (choice === 'Show Output') output.show(true);
      if (choice === 'Restart Server') void vscode.commands.executeCommand('csa.restartServer');
    });
    setStatus('$(error) csa: server stopped', message, true, 'csa.showOutput');
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

function createClient(binary: string): LanguageClient {
  // No `transport`: with TransportKind.stdio the client would add `--stdio` to the
  // arguments, which `csa lsp` rejects. Without it, the server talks over stdio anyway.
  const serverOptions: ServerOptions = {
    run: { command: binary, args: ['lsp'] },
    debug: { command: binary, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'csa' },
      { scheme: 'untitled', language: 'csa' },
    ],
    initializationOptions: () => ({ ...serverSettings(), status: true }),
    errorHandler: new CsaErrorHandler(),
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const c = new LanguageClient('csa', 'csa', serverOptions, clientOptions);
  c.onNotification('csa/status', (params: unknown) => {
    if (!isStatus(params)) {
      output.appendLine(`csa: ignored a csa/status notification of an unexpected shape: ${JSON.stringify(params)}`);
      return;
    }
    const uri = c.protocol2CodeConverter.asUri(params.uri).toString();
    statuses.set(uri, params);
    updateStatusBar();
  });
  c.onDidChangeState(({ newState }) => {
    if (newState === State.Running) {
      const info = c.initializeResult?.serverInfo;
      const from = serverChoice ? describeChoice(serverChoice) : binary;
      output.appendLine(`csa: language server ${info?.name ?? 'csa'} ${info?.version ?? ''} running, from ${from}`);
      updateStatusBar();
    } else if (newState === State.Stopped && !stoppingOnPurpose) {
      statuses.clear();
      updateStatusBar();
    }
  });
  return c;
}

async function startClient(): Promise<void> {
  const binary = resolveBinary();
  if (!binary) return;
  const c = createClient(binary);
  client = c;
  setStatus('$(sync~spin) csa: starting', `Starting ${binary} lsp${serverLine()}`, false, 'csa.showOutput');
  try {
    await c.start();
  } catch (e) {
    const message = `csa: could not start \`${binary} lsp\`: ${e instanceof Error ? e.message : String(e)}. ${INSTALL_HELP}`;
    output.appendLine(message);
    showMissing(message, serverChoice?.setting ?? 'csa.path');
    setStatus('$(error) csa: server failed', message, true, 'csa.showOutput');
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  stoppingOnPurpose = true;
  try {
    if (c.state !== State.Stopped) await c.stop(2000);
  } catch (e) {
    output.appendLine(`csa: error while stopping the language server: ${String(e)}`);
  } finally {
    stoppingOnPurpose = false;
    statuses.clear();
  }
}

/**
 * Starts, stops and restarts run one after another: a restart asked for while another
 * is under way (a setting changed, then the command) waits for it, so that no client
 * is ever started twice or left running unseen.
 */
let lifecycle: Promise<void> = Promise.resolve();
function serialized(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function restartServer(): Promise<void> {
  return serialized(async () => {
    restarts.reset();
    output.appendLine('csa: restarting the language server');
    await stopClient();
    await startClient();
    updateStatusBar();
  });
}

/** The status bar tooltip's last line: which binary runs. */
function serverLine(): string {
  return serverChoice?.binary ? `\n\nServer: ${describeChoice(serverChoice)}` : '';
}

function setStatus(text: string, tooltip: string, error: boolean, command: string): void {
  statusItem.text = text;
  statusItem.tooltip = tooltip;
  statusItem.command = command;
  statusItem.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

/** Shows the status of the active .csa document; hides the item for other editors. */
function updateStatusBar(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'csa') {
    statusItem.hide();
    return;
  }
  if (!client) return; // A start failure keeps its message in the status bar.
  if (client.state === State.Stopped) {
    setStatus('$(circle-slash) csa: server stopped', `The csa language server is not running. Use "csa: Restart server".${serverLine()}`, true, 'csa.restartServer');
    return;
  }
  const status = statuses.get(editor.document.uri.toString());
  if (!status) {
    setStatus('$(sync~spin) csa: checking', `Waiting for the csa language server${serverLine()}`, false, 'csa.showOutput');
    return;
  }
  const view = statusView(status);
  setStatus(view.text, view.tooltip + serverLine(), view.failing, 'workbench.actions.view.problems');
}

function runCsa(args: string[]): Promise<string> {
  const choice = chooseBinary();
  const binary = choice.binary;
  if (!binary) return Promise.reject(new Error(`${missingMessage(choice).replace(/^csa: /, '')} ${INSTALL_HELP}`));
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`\`csa ${args.join(' ')}\` failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** The rule codes of the csa diagnostics under the cursor (or named there, in a comment). */
function codesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'csa') return [];
  const position = editor.selection.active;
  const codes = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'csa' && d.range.contains(position))
    .map((d) => diagnosticCode(d.code))
    .filter((c): c is string => c !== undefined);
  const named = ruleCodeAt(editor.document.lineAt(position.line).text, position.character);
  if (named) codes.unshift(named);
  return [...new Set(codes)];
}

async function pickRule(): Promise<string | undefined> {
  const atCursor = codesAtCursor();
  if (atCursor.length === 1) return atCursor[0];
  let rules;
  try {
    rules = parseRules(await runCsa(['rules', '--format', 'json']));
  } catch (e) {
    void vscode.window.showErrorMessage(`csa: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const first = new Set(atCursor);
  const items = rules
    .map((r) => ({
      label: r.code,
      description: `${r.name} (${r.severity})${first.has(r.code) ? ', under the cursor' : ''}`,
      detail: r.summary,
    }))
    .sort((a, b) => Number(first.has(b.label)) - Number(first.has(a.label)));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'csa: Explain rule',
    placeHolder: 'The rule to explain (type a code, a name or words of its summary)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.label;
}

async function explainRule(code?: unknown): Promise<void> {
  const rule = typeof code === 'string' && code.trim() !== '' ? code.trim() : await pickRule();
  if (!rule) return;
  let text;
  try {
    text = await runCsa(['explain', rule]);
  } catch (e) {
    void vscode.window.showErrorMessage(`csa: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${rule}.md` });
  explanations.set(uri.toString(), explanationToMarkdown(text));
  explainProvider.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
}

const explainProvider = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('csa');
  statusItem = vscode.window.createStatusBarItem('csa.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'csa';
  context.subscriptions.push(
    output,
    statusItem,
    explainProvider,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, {
      onDidChange: explainProvider.event,
      provideTextDocumentContent: (uri) => explanations.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand('csa.restartServer', restartServer),
    vscode.commands.registerCommand('csa.explainRule', explainRule),
    vscode.commands.registerCommand('csa.showOutput', () => output.show(true)),
    vscode.window.onDidChangeActiveTextEditor(updateStatusBar),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      statuses.delete(doc.uri.toString());
      updateStatusBar();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (PATH_SETTINGS.some((name) => e.affectsConfiguration(name))) {
        await restartServer();
      } else if (e.affectsConfiguration('csa.asOf') || e.affectsConfiguration('csa.failLevel')) {
        if (client?.state === State.Running) {
          await client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { csa: serverSettings() },
          });
        }
      }
    }),
  );
  await serialized(startClient);
  updateStatusBar();
}

export function deactivate(): Promise<void> {
  return serialized(stopClient);
}
