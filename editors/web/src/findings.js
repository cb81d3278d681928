// The findings list: grouped by severity, each with its place, its help, its legal
// basis, `csa explain`'s text (read when opened) and its fix.
const GROUPS = [
  ['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Information'], ['hint', 'Hints'],
];

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

export function renderFindings(list, summary, view, actions) {
  summary.textContent = view.summary;
  const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.dataset.key));
  list.replaceChildren();
  for (const [severity, title] of GROUPS) {
    const items = view.findings.filter((f) => f.severity === severity);
    if (!items.length) continue;
    list.append(el('h3', { className: `sev-${severity}` }, `${title} (${items.length})`));
    const ul = el('ul', { className: 'findings-list' });
    ul.dataset.severity = severity;
    items.forEach((f, i) => {
      const go = el('button', { type: 'button', className: 'finding-go' },
        `Line ${f.line}: `, el('span', { className: 'code' }, f.code), ` ${f.message}`);
      go.addEventListener('click', () => actions.go(f));
      const key = `${f.code}:${f.line}:${i}`;
      const more = el('details', {}, el('summary', {}, 'Why, the law and how to put it right'));
      more.dataset.key = key;
      if (f.help) more.append(el('p', {}, el('strong', {}, 'Help: '), f.help));
      if (f.legal_basis) more.append(el('p', {}, el('strong', {}, 'Legal basis: '), f.legal_basis));
      const explained = el('pre', {});
      more.append(explained);
      const fill = () => { if (!explained.textContent) explained.textContent = actions.explain(f.code); };
      more.addEventListener('toggle', fill);
      if (open.has(key)) { more.open = true; fill(); }
      const li = el('li', { className: 'finding' }, go, more);
      li.dataset.code = f.code;
      if (f.fix) {
        const fix = el('button', { type: 'button' }, `Fix: ${f.fix.title}${f.fix.review ? ' (check the result)' : ''}`);
        fix.addEventListener('click', () => actions.fix(f));
        li.append(el('p', {}, fix));
      }
      ul.append(li);
    });
    list.append(ul);
  }
  if (!view.findings.length) list.append(el('p', {}, 'No findings.'));
}
