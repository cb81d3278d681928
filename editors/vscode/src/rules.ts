// Reading `csa rules --format json` and turning `csa explain` into Markdown.

export interface RuleSummary {
  code: string;
  name: string;
  severity: string;
  summary: string;
}

/** The rules in `csa rules --format json` (schema `csa-rules/1`). */
export function parseRules(json: string): RuleSummary[] {
  const data = JSON.parse(json) as { schema?: string; rules?: unknown };
  if (!Array.isArray(data.rules)) {
    throw new Error(`unexpected output from \`csa rules --format json\` (schema ${data.schema ?? 'missing'})`);
  }
  return data.rules
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && typeof (r as { code?: unknown }).code === 'string')
    .map((r) => ({
      code: String(r.code),
      name: String(r.name ?? ''),
      severity: String(r.severity ?? ''),
      summary: String(r.summary ?? ''),
    }));
}

const SECTIONS = new Set(['What it checks', 'Why it matters', 'Legal basis', 'Example', 'How to fix it']);

/**
 * `csa explain` prints plain text: a title line, then sections whose headings stand
 * alone between blank lines, with the example indented by four spaces (already a code
 * block in Markdown). This makes the title and section headings Markdown headings.
 */
export function explanationToMarkdown(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return lines
    .map((line, i) => {
      if (i === 0 && line.trim() !== '') return `# ${line.trim()}`;
      const alone = (lines[i - 1] ?? '') === '' && (lines[i + 1] ?? '') === '';
      if (alone && SECTIONS.has(line.trim())) return `## ${line.trim()}`;
      return line;
    })
    .join('\n');
}

/** The code of a rule named in a diagnostic's `code` field. */
export function diagnosticCode(code: unknown): string | undefined {
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  if (typeof code === 'object' && code !== null && 'value' in code) {
    const value = (code as { value: unknown }).value;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** A rule code (`CSA202`) at `column` in `line`, such as in a `csa-ignore` comment. */
export function ruleCodeAt(line: string, column: number): string | undefined {
  const re = /CSA\d+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    if (m.index <= column && column <= m.index + m[0].length) return m[0];
  }
  return undefined;
}
