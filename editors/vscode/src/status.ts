// The `csa/status` notification and how the status bar shows it. No `vscode` import,
// so the unit tests can run it in plain node.

/** What the server sends in `csa/status` (src/lsp/mod.rs). */
export interface CsaStatus {
  uri: string;
  version?: number | null;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  failLevel: string;
  fails: boolean;
}

export function isStatus(value: unknown): value is CsaStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === 'string' &&
    ['errors', 'warnings', 'infos', 'hints'].every((k) => typeof v[k] === 'number') &&
    typeof v.failLevel === 'string' &&
    typeof v.fails === 'boolean'
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface StatusView {
  /** The status bar text, with a codicon. */
  text: string;
  /** The hover text. */
  tooltip: string;
  /** Whether the document would fail `csa check` (shown with the error background). */
  failing: boolean;
}

/** "csa: 2 errors, 5 warnings", marked when the document fails at its fail level. */
export function statusView(s: CsaStatus): StatusView {
  const all = [
    s.errors > 0 ? count(s.errors, 'error', 'errors') : '',
    s.warnings > 0 ? count(s.warnings, 'warning', 'warnings') : '',
    s.infos > 0 ? count(s.infos, 'info', 'infos') : '',
    s.hints > 0 ? count(s.hints, 'hint', 'hints') : '',
  ].filter((x) => x);
  // Errors and warnings are what the status bar has room for; infos and hints show
  // there only when there is nothing more serious.
  const serious = all.slice(0, 2).filter((x) => /error|warning/.test(x));
  const shown = serious.length > 0 ? serious : all;
  const summary = shown.length > 0 ? shown.join(', ') : 'no findings';
  const icon = s.fails ? '$(error)' : s.errors + s.warnings > 0 ? '$(warning)' : '$(check)';
  const text = `${icon} csa: ${summary}${s.fails ? ' (fails)' : ''}`;
  const verdict = s.fails
    ? `Fails \`csa check\`: there are findings at or above the fail level (${s.failLevel}).`
    : `Passes \`csa check\` at the fail level ${s.failLevel}.`;
  const breakdown = [
    count(s.errors, 'error', 'errors'),
    count(s.warnings, 'warning', 'warnings'),
    count(s.infos, 'info', 'infos'),
    count(s.hints, 'hint', 'hints'),
  ].join(', ');
  return {
    text,
    tooltip: `${breakdown}.\n${verdict}\nClick to open the Problems view.`,
    failing: s.fails,
  };
}
