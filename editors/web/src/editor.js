// The editor: CodeMirror 6 with csa's highlighting (the grammar's own query, run by
// the WebAssembly) and csa's findings as squiggles. Tab is left to move focus, so
// the page can be used from the keyboard alone.
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { setDiagnostics, lintGutter, lintKeymap } from '@codemirror/lint';

const setRuns = StateEffect.define();
const marks = new Map();
const mark = (capture) => {
  if (!marks.has(capture)) marks.set(capture, Decoration.mark({ class: 'hl-' + capture.replace(/\./g, '-') }));
  return marks.get(capture);
};

const highlighting = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setRuns)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function makeEditor(parent, { text, highlight, changed }) {
  let scheduled = false;
  // Checks run after the keystroke's own update, once for a burst of changes.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      const doc = view.state.doc.toString();
      const len = doc.length;
      const runs = highlight(doc)
        .filter(([from, to]) => from < to && to <= len)
        .map(([from, to, capture]) => mark(capture).range(from, to));
      view.dispatch({ effects: setRuns.of(Decoration.set(runs, true)) });
      changed(doc);
    }, 0);
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        lintGutter(),
        highlighting,
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': 'The plan, in csa format', spellcheck: 'true', lang: 'en-GB' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) schedule(); }),
      ],
    }),
  });
  // The scroller is a region a keyboard must reach to scroll (WCAG 2.1.1): axe does
  // not count the editable text inside it as focusable.
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', 'The plan, scrolled with the arrow keys');
  schedule();
  return {
    text: () => view.state.doc.toString(),
    setText(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, selection: { anchor: 0 } });
      view.scrollDOM.scrollTop = 0;
    },
    replaceAll(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    showFindings(findings) {
      const len = view.state.doc.length;
      const diagnostics = findings.map((f) => ({
        from: Math.min(f.from, len),
        to: Math.min(Math.max(f.to, f.from), len),
        severity: f.severity,
        source: f.code,
        message: f.message + (f.help ? `\nHelp: ${f.help}` : ''),
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    select(from, to) {
      view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.focus();
    },
    apply(edits) {
      view.dispatch({ changes: edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })) });
      view.focus();
    },
    view,
  };
}
