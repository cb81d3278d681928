//! The canonical layout of a document's structured parts.
//!
//! Only blocks are laid out anew: a header is `@keyword id: title`, each indented
//! line is indented two spaces per level of nesting and written `name id: value` or
//! `- item`, lists of ids are separated by `, `, periods are `FROM to TO`, and
//! trailing spaces are dropped. In a block of plain fields (no items with ids, list
//! items or blank lines), the fields take the order of the format reference, each
//! with the lines under it and the comments just above it. Between a block and the prose, heading or comment
//! that follows there is one blank line (blocks that follow one another may be
//! grouped without one), runs of blank lines become one, and the file ends with one
//! line break.
//!
//! Prose, headings and comments outside blocks are never touched: every such line
//! is written back byte for byte. A comment inside a block keeps its text and takes
//! the indentation of its level. Each line keeps its own line break (`\r\n` or
//! `\n`); a line the layout adds takes the document's first one.

use std::fmt;

use crate::ast::schema::{self, FieldSpec, ValueKind};
use crate::ast::values::split_list;
use crate::diagnostics::{syntax::SYNTAX_ERROR, Diagnostic};
use crate::syntax::{self, RawBlock, RawEntry, RawEntryKind, RawId, RawItemKind};
use crate::text::LineIndex;

/// Why a document was not formatted.
#[derive(Debug, Clone)]
pub struct FormatError {
    /// The syntax errors, located; the layout of a line that cannot be read is not
    /// guessed.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(
            f,
            "{n} syntax error{} (fix {} first: csa does not guess the layout of a line it cannot read)",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        )
    }
}

impl std::error::Error for FormatError {}

/// What one line of output is, for the blank-line rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// An empty line.
    Blank,
    /// A line of a block (its header or an indented line), with the block's number.
    Block { block: usize, header: bool },
    /// A comment outside blocks.
    Comment,
    /// Prose or a heading.
    Text,
}

struct Line {
    role: Role,
    text: String,
    eol: String,
}

/// The document in canonical layout, or the syntax errors that prevent it.
pub fn format(text: &str) -> Result<String, FormatError> {
    let tree = syntax::parse_tree(text, None);
    let index = LineIndex::new(text);
    let raw = syntax::read(text, &tree, &index);
    drop(tree);
    let items = raw.items;
    // The lowering reports the syntax errors tree-sitter leaves to it (a missing
    // colon, a line inside a block that is not an entry), with the tree's own.
    let mut errors: Vec<Diagnostic> = crate::ast::parse(text)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == SYNTAX_ERROR.0)
        .collect();
    if !errors.is_empty() {
        crate::diagnostics::sort(&mut errors);
        return Err(FormatError {
            diagnostics: errors,
        });
    }
    let eol = super::endings::LineEnding::of(text).as_str();
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        match &item.kind {
            RawItemKind::Block(block) => {
                block_lines(text, item.range.clone(), block, n, &mut lines).map_err(|d| {
                    FormatError {
                        diagnostics: vec![d.at(text, &index)],
                    }
                })?
            }
            kind => {
                for (_, line, line_eol) in split_lines(text, item.range.clone()) {
                    let role = match kind {
                        _ if line.trim().is_empty() => Role::Blank,
                        RawItemKind::Comment => Role::Comment,
                        _ => Role::Text,
                    };
                    lines.push(Line {
                        role,
                        text: if role == Role::Blank {
                            String::new()
                        } else {
                            line.to_string()
                        },
                        eol: line_eol.to_string(),
                    });
                }
            }
        }
    }
    Ok(join(lines, eol))
}

/// The lines of `range` as (start offset, text without its break, the break).
fn split_lines(text: &str, range: std::ops::Range<usize>) -> Vec<(usize, &str, &str)> {
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let end = text[start..range.end]
            .find('\n')
            .map_or(range.end, |i| start + i + 1);
        let whole = &text[start..end];
        let (line, eol) = if let Some(l) = whole.strip_suffix("\r\n") {
            (l, "\r\n")
        } else if let Some(l) = whole.strip_suffix('\n') {
            (l, "\n")
        } else {
            (whole, "")
        };
        out.push((start, line, eol));
        start = end;
    }
    out
}

/// A line of a block that is neither its header, one of its entries nor blank.
struct Unplaced(usize);

impl Unplaced {
    fn at(self, text: &str, index: &LineIndex) -> Diagnostic {
        let (code, name) = SYNTAX_ERROR;
        let end = text[self.0..]
            .find(['\r', '\n'])
            .map_or(text.len(), |i| self.0 + i);
        Diagnostic::new(
            code,
            name,
            crate::diagnostics::Severity::Error,
            index.span(text, self.0, end),
            "this line of a block could not be laid out",
        )
        .with_help("see docs/format.md for how the lines of a block are written")
    }
}

fn block_lines(
    text: &str,
    range: std::ops::Range<usize>,
    block: &RawBlock,
    number: usize,
    out: &mut Vec<Line>,
) -> Result<(), Unplaced> {
    let depths = depths(&block.entries);
    let spec = block.keyword.as_ref().and_then(|k| schema::block(&k.text));
    // The field spec of the nearest parent at each depth, for the value kinds.
    let mut parents: Vec<Option<&'static FieldSpec>> = Vec::new();
    let mut next = 0;
    let first = out.len();
    // For the field order: each line's place (depth, and the field's place in the
    // block's reference when it may move), or `None` for a blank line.
    let mut places: Vec<Option<(usize, Option<usize>, bool)>> = Vec::new();
    for (start, line, eol) in split_lines(text, range) {
        let end = start + line.len();
        let role = |header| Role::Block {
            block: number,
            header,
        };
        let (role, formatted) = if (start..=end).contains(&block.header.start) && next == 0 {
            (role(true), header(block).ok_or(Unplaced(start))?)
        } else if let Some(entry) = block
            .entries
            .get(next)
            .filter(|e| e.range.start < end.max(start + 1) && e.range.start >= start)
        {
            let depth = depths[next];
            next += 1;
            let siblings: &[FieldSpec] = if depth == 0 {
                spec.map_or(&[], |s| s.fields)
            } else {
                parents
                    .get(depth - 1)
                    .copied()
                    .flatten()
                    .map_or(&[], |f| f.children)
            };
            parents.truncate(depth);
            let (body, field) = entry_text(entry, siblings).ok_or(Unplaced(start))?;
            parents.push(field);
            let movable = match &entry.kind {
                RawEntryKind::Field { id: None, name, .. } => field
                    .filter(|f| f.value != ValueKind::Heading)
                    .and_then(|_| siblings.iter().position(|f| f.name == name.text)),
                _ => None,
            };
            let comment = matches!(entry.kind, RawEntryKind::Comment(_));
            places.push(Some((depth, movable, comment)));
            (role(false), format!("{}{}", "  ".repeat(depth + 1), body))
        } else if line.trim().is_empty() {
            places.push(None);
            (Role::Blank, String::new())
        } else {
            return Err(Unplaced(start));
        };
        out.push(Line {
            role,
            text: formatted,
            eol: eol.to_string(),
        });
    }
    if next != block.entries.len() {
        return Err(Unplaced(block.entries[next].range.start));
    }
    if let Some(order) = field_order(&places) {
        let lines: Vec<Line> = out.drain(first + 1..).collect();
        let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
        out.extend(order.into_iter().filter_map(|i| lines[i].take()));
    }
    Ok(())
}

/// The order of a block's lines (after its header) with its fields in the order of
/// the block's reference, each field taking the lines indented under it and the
/// comments just above it; `None` when the block is in that order already, or holds
/// anything whose place matters (an item with an id, a list item, a blank line, a
/// heading of a horizon scan, a field csa does not know).
fn field_order(places: &[Option<(usize, Option<usize>, bool)>]) -> Option<Vec<usize>> {
    // Units of lines: (the field's place, the line numbers).
    let mut units: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut comments = Vec::new();
    // Blank lines at the end of a block stay there.
    let end = places
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    for (i, place) in places[..end].iter().enumerate() {
        let (depth, movable, comment) = (*place)?;
        match (depth, comment) {
            (0, true) => comments.push(i),
            (0, false) => {
                let mut lines = std::mem::take(&mut comments);
                lines.push(i);
                units.push((movable?, lines));
            }
            _ => units.last_mut()?.1.push(i),
        }
    }
    if !comments.is_empty() || units.windows(2).all(|w| w[0].0 <= w[1].0) {
        return None;
    }
    units.sort_by_key(|(key, _)| *key);
    Some(
        units
            .into_iter()
            .flat_map(|(_, lines)| lines)
            .chain(end..places.len())
            .collect(),
    )
}

fn id_text(id: &RawId) -> String {
    if id.quoted {
        format!("\"{}\"", id.token.text)
    } else {
        id.token.text.clone()
    }
}

fn header(block: &RawBlock) -> Option<String> {
    if block.unexpected.is_some() {
        return None;
    }
    let mut out = format!("@{}", block.keyword.as_ref()?.text);
    if let Some(id) = &block.id {
        out.push(' ');
        out.push_str(&id_text(id));
    }
    if block.has_colon {
        out.push(':');
    }
    if let Some(title) = &block.title {
        out.push(' ');
        out.push_str(title.text.trim_end());
    }
    Some(out)
}

/// An entry's text without indentation, and its field spec (for its children).
fn entry_text(
    entry: &RawEntry,
    siblings: &'static [FieldSpec],
) -> Option<(String, Option<&'static FieldSpec>)> {
    match &entry.kind {
        RawEntryKind::Field {
            name,
            id,
            value,
            unexpected,
            has_colon,
        } => {
            if unexpected.is_some() {
                return None;
            }
            let spec = siblings.iter().find(|f| f.name == name.text);
            let mut out = name.text.clone();
            if let Some(id) = id {
                out.push(' ');
                out.push_str(&id_text(id));
            }
            if *has_colon {
                out.push(':');
            }
            if let Some(value) = value {
                out.push(' ');
                out.push_str(&canonical_value(
                    value.text.trim_end(),
                    spec.map(|s| s.value),
                ));
            }
            Some((out, spec))
        }
        RawEntryKind::ListItem { value } => Some((
            match value {
                Some(v) => format!("- {}", v.text.trim_end()),
                None => "-".to_string(),
            },
            None,
        )),
        RawEntryKind::Comment(token) => Some((token.text.clone(), None)),
        RawEntryKind::Unexpected(_) => None,
    }
}

/// A value in its canonical form: lists of ids joined by `, `, periods as
/// `FROM to TO`; anything else as written.
fn canonical_value(value: &str, kind: Option<ValueKind>) -> String {
    match kind {
        Some(ValueKind::IdList) => {
            let parts: Vec<String> = split_list(value, 0).into_iter().map(|(s, _)| s).collect();
            if parts.is_empty() {
                value.to_string()
            } else {
                parts.join(", ")
            }
        }
        Some(ValueKind::Period) => match value.split_once(" to ") {
            Some((from, to)) => format!("{} to {}", from.trim(), to.trim()),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The nesting depth of each entry, by the rule the lowering uses (an entry indented
/// further than the one before it belongs to it; comments never become parents), so
/// that laying the entries out again keeps every entry under the same parent.
fn depths(entries: &[RawEntry]) -> Vec<usize> {
    fn take(
        entries: &[RawEntry],
        i: &mut usize,
        indent: usize,
        depth: usize,
        out: &mut Vec<usize>,
    ) {
        let mut any = false;
        while *i < entries.len() {
            let entry = &entries[*i];
            if entry.indent < indent && any {
                break;
            }
            any = true;
            out.push(depth);
            *i += 1;
            if !matches!(entry.kind, RawEntryKind::Comment(_)) {
                if let Some(next) = entries.get(*i).filter(|n| n.indent > entry.indent) {
                    let indent = next.indent;
                    take(entries, i, indent, depth + 1, out);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(entries.len());
    let mut i = 0;
    while i < entries.len() {
        let indent = entries[i].indent;
        take(entries, &mut i, indent, 0, &mut out);
    }
    out
}

/// Joins the lines, applying the blank-line rules.
fn join(lines: Vec<Line>, eol: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<Role> = None;
    let mut pending_blank: Option<String> = None;
    for line in lines {
        if line.role == Role::Blank {
            // A run of blank lines becomes one; blank lines at the start go.
            if previous.is_some() && pending_blank.is_none() {
                pending_blank = Some(line.eol);
            }
            continue;
        }
        if let Some(previous) = previous {
            let blank = match (previous, line.role) {
                (Role::Block { block: a, .. }, Role::Block { block: b, .. }) if a == b => {
                    pending_blank.is_some()
                }
                // Blocks that follow one another may be grouped (a list of
                // authorities) or spaced, with at most one blank line.
                (Role::Block { .. }, Role::Block { header: true, .. }) => pending_blank.is_some(),
                // A block ends before prose, a heading or a comment: one blank line.
                (Role::Block { .. }, _) => true,
                // A block starts after prose or a heading: one blank line before it.
                // A comment just above a block (a suppression) stays with it.
                (Role::Text, Role::Block { header: true, .. }) => true,
                _ => pending_blank.is_some(),
            };
            if blank {
                out.push_str(pending_blank.as_deref().unwrap_or(eol));
            }
        }
        pending_blank = None;
        out.push_str(&line.text);
        out.push_str(if line.eol.is_empty() { eol } else { &line.eol });
        previous = Some(line.role);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_laid_out_and_prose_is_not() {
        let text = "Some  prose   \n@priority   DA :   Domestic Abuse  \n    lead:   Chief, Kent Police \n      // a  comment\n    supports:MKS-1,MKS-2 ,  MKS-3\n# Heading  \n";
        let out = format(text).unwrap();
        assert_eq!(
            out,
            "Some  prose   \n\n@priority DA: Domestic Abuse\n  lead: Chief, Kent Police\n    // a  comment\n  supports: MKS-1, MKS-2, MKS-3\n\n# Heading  \n"
        );
        assert_eq!(format(&out).unwrap(), out);
    }

    #[test]
    fn nesting_is_kept_and_indentation_made_even() {
        let text = "@plan P: x\n\tperiod: 2022-04-01   to   2025-03-31\n\tobjective P1: y\n\t\t\tgroup: z\n";
        assert_eq!(
            format(text).unwrap(),
            "@plan P: x\n  period: 2022-04-01 to 2025-03-31\n  objective P1: y\n    group: z\n"
        );
    }

    #[test]
    fn line_breaks_are_kept() {
        let text = "# T\r\n\r\n\r\n@leads\r\n     lead DA:  x\r\nprose";
        assert_eq!(
            format(text).unwrap(),
            "# T\r\n\r\n@leads\r\n  lead DA: x\r\n\r\nprose\r\n"
        );
    }

    #[test]
    fn a_syntax_error_is_refused() {
        let err = format("@priority DA Domestic Abuse\n  lead: x\n").unwrap_err();
        assert!(!err.diagnostics.is_empty());
        assert!(err.to_string().contains("syntax error"), "{err}");
    }

    #[test]
    fn fields_take_the_reference_order_with_their_comments() {
        let text = "@agreement: A\n  effective: 2024-04-01\n  // the area\n  area: Anytown\n  kind: unitary-plan\n  version: 1.0\n";
        assert_eq!(
            format(text).unwrap(),
            "@agreement: A\n  kind: unitary-plan\n  // the area\n  area: Anytown\n  version: 1.0\n  effective: 2024-04-01\n"
        );
        // Items with ids keep the order the author gave them.
        let plan = "@plan P: x\n  objective P2: b\n  period: 2022-04-01 to 2025-03-31\n  objective P1: a\n";
        assert_eq!(format(plan).unwrap(), plan);
    }

    #[test]
    fn a_comment_above_a_block_stays_with_it() {
        let text = "prose\n// csa-ignore CSA201: agreed\n@priority DA: x\n";
        assert_eq!(format(text).unwrap(), text);
    }
}
