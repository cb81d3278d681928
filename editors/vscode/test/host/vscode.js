// A small stand-in for the `vscode` module, enough to run the bundled extension
// (out/extension.js) with the real vscode-languageclient against the real csa server
// in plain node. VS Code itself cannot be downloaded here, so this checks the
// extension's own wiring: activation, settings, the status bar, commands, messages.
//
// It records what the extension shows (messages, status bar, opened documents,
// executed commands) in `host`, and lets the test answer messages and quick picks.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { URL, pathToFileURL, fileURLToPath } = require('node:url');

const missing = new Set();
/** Unknown members are recorded (and read as undefined), so a gap is easy to find. */
function lenient(name, target) {
  return new Proxy(target, {
    get(t, prop) {
      if (prop in t || typeof prop === 'symbol' || ['then', 'toJSON', '__esModule'].includes(prop)) return t[prop];
      missing.add(`${name}.${String(prop)}`);
      return undefined;
    },
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((i) => i && i.dispose && i.dispose()));
  }
  dispose() {
    if (this._fn) this._fn();
    this._fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(l);
      const d = new Disposable(() => this._listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) {
    for (const l of [...this._listeners]) l(value);
  }
  dispose() {
    this._listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || '';
    this.path = p || '/';
    this.query = query || '';
    this.fragment = fragment || '';
  }
  static parse(value) {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`fake vscode: cannot parse the URI ${value}`);
    return new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4] ? decodeURIComponent(m[4]) : '', m[5] ? decodeURIComponent(m[5]) : '');
  }
  static file(p) {
    return new Uri('file', '', path.resolve(p));
  }
  static from(c) {
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  static joinPath(base, ...parts) {
    return base.with({ path: path.posix.join(base.path, ...parts) });
  }
  get fsPath() {
    return this.path;
  }
  with(change) {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    const q = this.query ? `?${encodeURIComponent(this.query)}` : '';
    const f = this.fragment ? `#${encodeURIComponent(this.fragment)}` : '';
    const auth = this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${auth}${this.path.split('/').map(encodeURIComponent).join('/')}${q}${f}`;
  }
  toJSON() {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isBefore(o) {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isBeforeOrEqual(o) {
    return this.isBefore(o) || this.isEqual(o);
  }
  isAfter(o) {
    return !this.isBeforeOrEqual(o);
  }
  isEqual(o) {
    return this.line === o.line && this.character === o.character;
  }
  translate(l = 0, c = 0) {
    return new Position(this.line + l, this.character + c);
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
  contains(x) {
    if (x instanceof Range) return this.contains(x.start) && this.contains(x.end);
    return !x.isBefore(this.start) && !this.end.isBefore(x);
  }
}

class Selection extends Range {
  constructor(anchor, active) {
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition;
  }
}

class Diagnostic {
  constructor(range, message, severity) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
  appendText(v) {
    this.value += v;
    return this;
  }
  appendCodeblock(code, lang = '') {
    this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class Plain {
  constructor(...args) {
    this.args = args;
  }
}

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this._emitter = emitter;
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this._emitter.fire();
  }
  dispose() {}
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
for (const [k, v] of Object.entries({ QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract', RefactorInline: 'refactor.inline', RefactorRewrite: 'refactor.rewrite', Source: 'source', SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll' })) {
  CodeActionKind[k] = new CodeActionKind(v);
}

// ---- the state the test drives and reads --------------------------------------

const host = {
  settings: {},
  messages: [],
  /** Answers to messages: a function (severity, text, buttons) -> button or undefined. */
  answerMessage: () => undefined,
  /** Answers to quick picks: a function (items, options) -> item or undefined. */
  answerQuickPick: () => undefined,
  quickPicks: [],
  statusItems: [],
  outputs: [],
  commandsRun: [],
  shownDocuments: [],
  textDocuments: [],
  activeTextEditor: undefined,
  diagnostics: new Map(),
  providers: new Map(),
  missing,
  events: {},
};

function event(name) {
  host.events[name] = host.events[name] || new EventEmitter();
  return host.events[name].event;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** A TextDocument over a string. */
function makeDocument(uri, languageId, text, version = 1) {
  const doc = {
    uri,
    fileName: uri.fsPath,
    languageId,
    version,
    isUntitled: uri.scheme === 'untitled',
    isDirty: false,
    isClosed: false,
    eol: 1,
    encoding: 'utf8',
    _text: text,
    get lineCount() {
      return lineStarts(this._text).length;
    },
    getText(range) {
      if (!range) return this._text;
      return this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    },
    lineAt(lineOrPos) {
      const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
      const starts = lineStarts(this._text);
      const start = starts[line];
      const end = line + 1 < starts.length ? starts[line + 1] - 1 : this._text.length;
      const text = this._text.slice(start, end).replace(/\r$/, '');
      return { lineNumber: line, text, range: new Range(line, 0, line, text.length), isEmptyOrWhitespace: text.trim() === '' };
    },
    offsetAt(pos) {
      const starts = lineStarts(this._text);
      return Math.min((starts[pos.line] ?? this._text.length) + pos.character, this._text.length);
    },
    positionAt(offset) {
      const starts = lineStarts(this._text);
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return new Position(line, offset - starts[line]);
    },
    getWordRangeAtPosition() {
      return undefined;
    },
    validateRange(r) {
      return r;
    },
    validatePosition(p) {
      return p;
    },
    save() {
      return Promise.resolve(true);
    },
  };
  return doc;
}

function configuration(section) {
  const prefix = section ? `${section}.` : '';
  return {
    get(key, defaultValue) {
      const full = prefix + key;
      return Object.prototype.hasOwnProperty.call(host.settings, full) ? host.settings[full] : defaultValue;
    },
    has(key) {
      return Object.prototype.hasOwnProperty.call(host.settings, prefix + key);
    },
    inspect(key) {
      return { key: prefix + key, globalValue: host.settings[prefix + key] };
    },
    update(key, value) {
      host.settings[prefix + key] = value;
      return Promise.resolve();
    },
  };
}

/** Changes settings and tells the extension, as VS Code does. */
host.changeSettings = function changeSettings(changes) {
  Object.assign(host.settings, changes);
  const keys = Object.keys(changes);
  host.events.config?.fire({
    affectsConfiguration: (section) => keys.some((k) => k === section || k.startsWith(`${section}.`) || section.startsWith(`${k}.`)),
  });
};

const contentProviders = new Map();

const vscode = {
  version: '1.82.0',
  Uri,
  Position,
  Range,
  Selection,
  Location,
  Diagnostic,
  DiagnosticRelatedInformation: class {
    constructor(location, message) {
      this.location = location;
      this.message = message;
    }
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  Disposable,
  EventEmitter,
  MarkdownString,
  ThemeColor,
  CancellationTokenSource,
  CancellationError: class extends Error {},
  CodeActionKind,
  CodeAction: class {
    constructor(title, kind) {
      this.title = title;
      this.kind = kind;
    }
  },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  CompletionItem: class {
    constructor(label, kind) {
      this.label = label;
      this.kind = kind;
    }
  },
  CompletionList: class {
    constructor(items = [], isIncomplete = false) {
      this.items = items;
      this.isIncomplete = isIncomplete;
    }
  },
  CompletionItemKind: new Proxy({}, { get: (_, p) => (typeof p === 'string' ? p : undefined) }),
  CompletionItemTag: { Deprecated: 1 },
  CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
  DocumentHighlight: Plain,
  CodeLens: class extends Plain {},
  DocumentLink: class extends Plain {},
  InlayHint: class extends Plain {},
  CallHierarchyItem: class extends Plain {},
  TypeHierarchyItem: class extends Plain {},
  DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
  DocumentSymbol: Plain,
  SymbolInformation: class extends Plain {},
  SymbolKind: new Proxy({}, { get: (_, p) => (typeof p === 'string' ? p : undefined) }),
  SymbolTag: { Deprecated: 1 },
  FoldingRange: Plain,
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  Hover: class {
    constructor(contents, range) {
      this.contents = Array.isArray(contents) ? contents : [contents];
      this.range = range;
    }
  },
  TextEdit: class {
    constructor(range, newText) {
      this.range = range;
      this.newText = newText;
    }
  },
  WorkspaceEdit: class {
    constructor() {
      this.edits = [];
    }
    set(uri, edits) {
      this.edits.push([uri, edits]);
    }
    replace(uri, range, text) {
      this.edits.push([uri, [{ range, newText: text }]]);
    }
    entries() {
      return this.edits;
    }
  },
  SnippetString: class {
    constructor(value) {
      this.value = value;
    }
  },
  RelativePattern: class {
    constructor(base, pattern) {
      this.base = base;
      this.pattern = pattern;
    }
  },
  TabInputText: class {
    constructor(uri) {
      this.uri = uri;
    }
  },
  TabInputTextDiff: class {},
  TabInputCustom: class {},
  NotebookCellKind: { Markup: 1, Code: 2 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  UIKind: { Desktop: 1, Web: 2 },
  EndOfLine: { LF: 1, CRLF: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  env: lenient('env', {
    appName: 'fake VS Code',
    appRoot: '/nonexistent',
    language: 'en',
    machineId: 'test',
    sessionId: 'test',
    uiKind: 1,
    clipboard: { writeText: (text) => ((host.clipboard = text), Promise.resolve()), readText: () => Promise.resolve(host.clipboard ?? '') },
    openExternal: () => Promise.resolve(true),
  }),
  commands: lenient('commands', {
    _registered: new Map(),
    registerCommand(id, fn) {
      this._registered.set(id, fn);
      return new Disposable(() => this._registered.delete(id));
    },
    async executeCommand(id, ...args) {
      host.commandsRun.push([id, ...args]);
      const fn = this._registered.get(id);
      return fn ? fn(...args) : undefined;
    },
    getCommands: () => Promise.resolve([]),
  }),
  window: lenient('window', {
    get activeTextEditor() {
      return host.activeTextEditor;
    },
    get visibleTextEditors() {
      return host.activeTextEditor ? [host.activeTextEditor] : [];
    },
    onDidChangeActiveTextEditor: event('activeEditor'),
    onDidChangeVisibleTextEditors: event('visibleEditors'),
    onDidChangeTextEditorSelection: event('selection'),
    tabGroups: {
      get all() {
        const tabs = host.textDocuments.map((d) => ({ input: new vscode.TabInputText(d.uri), label: d.fileName }));
        return [{ tabs, isActive: true, viewColumn: 1 }];
      },
      onDidChangeTabs: event('tabs'),
      onDidChangeTabGroups: event('tabGroups'),
    },
    createOutputChannel(name) {
      const channel = {
        name,
        lines: [],
        append: (v) => channel.lines.push(v),
        appendLine: (v) => channel.lines.push(v),
        replace: (v) => (channel.lines = [v]),
        clear: () => (channel.lines = []),
        show: () => (channel.shown = (channel.shown ?? 0) + 1),
        hide: () => {},
        dispose: () => {},
        // LogOutputChannel members, for clients that ask for one.
        trace: (v) => channel.lines.push(v),
        debug: (v) => channel.lines.push(v),
        info: (v) => channel.lines.push(v),
        warn: (v) => channel.lines.push(v),
        error: (v) => channel.lines.push(String(v)),
        logLevel: 2,
        onDidChangeLogLevel: event('logLevel'),
      };
      host.outputs.push(channel);
      return channel;
    },
    createStatusBarItem(id, alignment, priority) {
      const item = { id, alignment, priority, text: '', tooltip: '', command: undefined, backgroundColor: undefined, visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
      host.statusItems.push(item);
      return item;
    },
    showErrorMessage: (text, ...buttons) => message('error', text, buttons),
    showWarningMessage: (text, ...buttons) => message('warning', text, buttons),
    showInformationMessage: (text, ...buttons) => message('info', text, buttons),
    async showQuickPick(items, options) {
      const resolved = await items;
      host.quickPicks.push({ items: resolved, options });
      return host.answerQuickPick(resolved, options);
    },
    async showTextDocument(doc, options) {
      host.shownDocuments.push({ doc, options });
      return { document: doc, selection: new Selection(new Position(0, 0), new Position(0, 0)) };
    },
    withProgress: (_options, task) => task({ report() {} }, new CancellationTokenSource().token),
    createTextEditorDecorationType: () => ({ dispose() {} }),
  }),
  workspace: lenient('workspace', {
    get textDocuments() {
      return host.textDocuments;
    },
    notebookDocuments: [],
    workspaceFolders: undefined,
    name: undefined,
    getWorkspaceFolder: () => undefined,
    getConfiguration: (section) => configuration(section),
    onDidChangeConfiguration: event('config'),
    onDidOpenTextDocument: event('open'),
    onDidCloseTextDocument: event('close'),
    onDidChangeTextDocument: event('change'),
    onDidSaveTextDocument: event('save'),
    onWillSaveTextDocument: event('willSave'),
    onDidOpenNotebookDocument: event('nbOpen'),
    onDidCloseNotebookDocument: event('nbClose'),
    onDidChangeNotebookDocument: event('nbChange'),
    onDidSaveNotebookDocument: event('nbSave'),
    onDidChangeWorkspaceFolders: event('folders'),
    onDidCreateFiles: event('create'),
    onDidDeleteFiles: event('delete'),
    onDidRenameFiles: event('rename'),
    onWillCreateFiles: event('willCreate'),
    onWillDeleteFiles: event('willDelete'),
    onWillRenameFiles: event('willRename'),
    onDidGrantWorkspaceTrust: event('trust'),
    isTrusted: true,
    createFileSystemWatcher: () => ({ onDidCreate: event('fsw'), onDidChange: event('fsw'), onDidDelete: event('fsw'), dispose() {} }),
    registerTextDocumentContentProvider(scheme, provider) {
      contentProviders.set(scheme, provider);
      return new Disposable(() => contentProviders.delete(scheme));
    },
    async openTextDocument(uri) {
      const u = typeof uri === 'string' ? Uri.file(uri) : uri;
      const provider = contentProviders.get(u.scheme);
      const text = provider ? await provider.provideTextDocumentContent(u, new CancellationTokenSource().token) : fs.readFileSync(u.fsPath, 'utf8');
      const languageId = u.path.endsWith('.md') ? 'markdown' : u.path.endsWith('.csa') ? 'csa' : 'plaintext';
      return makeDocument(u, languageId, text);
    },
    applyEdit: () => Promise.resolve(true),
    fs: { stat: (u) => Promise.resolve({ type: fs.statSync(u.fsPath).isDirectory() ? 2 : 1 }) },
  }),
  languages: lenient('languages', {
    match(selector, doc) {
      const filters = Array.isArray(selector) ? selector : [selector];
      for (const f of filters) {
        if (typeof f === 'string') {
          if (f === doc.languageId) return 10;
          continue;
        }
        if (f.language && f.language !== doc.languageId) continue;
        if (f.scheme && f.scheme !== doc.uri.scheme) continue;
        if (f.notebookType) continue;
        return 10;
      }
      return 0;
    },
    createDiagnosticCollection(name) {
      const own = new Map();
      const collection = {
        name,
        set(uri, diagnostics) {
          if (Array.isArray(uri)) {
            for (const [u, d] of uri) collection.set(u, d);
            return;
          }
          own.set(uri.toString(), diagnostics ?? []);
          host.diagnostics.set(uri.toString(), diagnostics ?? []);
          host.events.diagnostics?.fire(uri);
        },
        delete(uri) {
          own.delete(uri.toString());
          host.diagnostics.delete(uri.toString());
        },
        clear() {
          for (const k of own.keys()) host.diagnostics.delete(k);
          own.clear();
        },
        get: (uri) => own.get(uri.toString()),
        has: (uri) => own.has(uri.toString()),
        forEach: (cb) => own.forEach((d, k) => cb(Uri.parse(k), d, collection)),
        dispose() {
          collection.clear();
        },
      };
      return collection;
    },
    getDiagnostics(uri) {
      return host.diagnostics.get(uri.toString()) ?? [];
    },
    onDidChangeDiagnostics: event('diagnostics'),
    async setTextDocumentLanguage(doc, languageId) {
      doc.languageId = languageId;
      return doc;
    },
  }),
  extensions: lenient('extensions', { getExtension: () => undefined, all: [], onDidChange: event('extensions') }),
  l10n: { t: (message, ...args) => (typeof message === 'string' ? message.replace(/\{(\d+)\}/g, (_, i) => String(args[i])) : message.message) },
};

// Every `languages.registerXProvider` records the provider.
for (const name of [
  'CallHierarchy', 'CodeActions', 'CodeLens', 'Color', 'CompletionItem', 'Declaration', 'Definition',
  'DocumentFormattingEdit', 'DocumentHighlight', 'DocumentLink', 'DocumentRangeFormattingEdit',
  'DocumentRangeSemanticTokens', 'DocumentSemanticTokens', 'DocumentSymbol', 'FoldingRange', 'Hover',
  'Implementation', 'InlayHints', 'InlineCompletionItem', 'InlineValues', 'LinkedEditingRange',
  'OnTypeFormattingEdit', 'Reference', 'Rename', 'SelectionRange', 'SignatureHelp', 'TypeDefinition',
  'TypeHierarchy', 'WorkspaceSymbol',
]) {
  vscode.languages[`register${name}Provider`] = (selector, provider) => {
    host.providers.set(name, provider);
    return new Disposable(() => host.providers.delete(name));
  };
}

function message(severity, text, buttons) {
  const items = buttons.filter((b) => typeof b === 'string' || (b && typeof b.title === 'string'));
  host.messages.push({ severity, text, buttons: items.map((b) => (typeof b === 'string' ? b : b.title)) });
  return Promise.resolve(host.answerMessage(severity, text, items));
}

host.makeDocument = makeDocument;
host.fileUrl = (p) => pathToFileURL(p).href;
host.filePath = (u) => fileURLToPath(new URL(u));

module.exports = lenient('vscode', vscode);
module.exports.__host = host;
