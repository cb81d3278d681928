//! Reading plain text (copied or extracted from a PDF or a web page) into blocks.
//!
//! A line with a tab is a table row; consecutive rows (blank lines between them
//! allowed) make a table. `#` lines are headings; lines starting with `- `, `* `, `· ` or
//! `• ` are list items; a short numbered or "Appendix" line standing alone is a
//! heading whose number survived extraction. `<p>`, `<li>`, `<b>` and similar HTML
//! fragments are reduced to their text. Page numbers, blank-page notices, rules
//! (`---`) and running headers (short lines repeated on many pages) are dropped and
//! counted.

use super::{Block, Source};

pub use super::furniture::{furniture_lines, is_furniture};

/// Reads `text` into blocks.
pub fn read(text: &str) -> Source {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A NUL carries no words (a file saved oddly, a PDF's padding) and no `.csa`
    // line may hold one: it is left out, so the draft reads back.
    let cleaned;
    let text = if text.contains('\0') {
        cleaned = text.replace('\0', "");
        cleaned.as_str()
    } else {
        text
    };
    let lines = lines(text);
    let dropped = furniture_lines(&lines);
    let symbol_bullets = symbol_font_bullets(&lines);
    let nested = nested_contents_entries(&lines);
    let mut source = Source::default();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if dropped[i] {
            source.drop_line(line);
            i += 1;
            continue;
        }
        if nested[i] {
            source.blocks.push(Block::Item {
                level: 1,
                text: strip_html(line),
            });
            i += 1;
            continue;
        }
        if symbol_bullets[i] {
            let indent = raw.len() - raw.trim_start().len();
            let mut chars = line.chars();
            chars.next();
            source.blocks.push(Block::Item {
                level: (indent / 2).min(6) as u8,
                text: strip_html(chars.as_str().trim()),
            });
            i += 1;
            continue;
        }
        if raw.contains('\t') && !is_marker_then_tab(raw) {
            i = read_table(&lines, i, &mut source);
            continue;
        }
        let alone = i.checked_sub(1).is_none_or(|p| lines[p].trim().is_empty())
            && lines.get(i + 1).is_none_or(|n| n.trim().is_empty());
        let block = classify(raw, alone);
        // A line broken at the page's width (text copied from a PDF or slides):
        // it goes on from the line just above.
        let above = i.checked_sub(1).map(|p| lines[p]);
        match (source.blocks.last_mut(), block) {
            (Some(Block::Paragraph(t) | Block::Item { text: t, .. }), Block::Paragraph(next))
                if above.is_some_and(|a| !a.trim().is_empty() && !dropped[i - 1])
                    && goes_on(t, &next) =>
            {
                t.push(' ');
                t.push_str(&next);
            }
            (_, block) => source.blocks.push(block),
        }
        i += 1;
    }
    source.blocks = split_inline_bullets(std::mem::take(&mut source.blocks));
    source.blocks = pair_numbers_printed_apart(std::mem::take(&mut source.blocks));
    source
}

/// A contents page's entry: a title, its dotted leader and its page number
/// ("Protecting Vulnerable People..........7").
pub fn is_contents_entry(line: &str) -> bool {
    let t = line.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < t.len() && body.trim_end().ends_with("....")
}

/// The entries of a contents page indented under another ("Partnership Priorities
/// ....6", then "Protecting Vulnerable People ....7" further in): the page's
/// sub-entries, read as items of a deeper level so that what they come under
/// is kept.
fn nested_contents_entries(lines: &[&str]) -> Vec<bool> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = vec![false; lines.len()];
    // The indent of the entry the next ones may be nested under.
    let mut parent: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        if !is_contents_entry(l) || l.contains('\t') {
            parent = None;
            continue;
        }
        match parent {
            Some(p) if indent(l) > p => out[i] = true,
            _ => parent = Some(indent(l)),
        }
    }
    out
}

/// "l Reducing youth crime;", "§ Fraud": a bullet drawn in a symbol font and
/// copied as the letter the font drew it with (Wingdings' round bullet is "l",
/// its square "§" or "n", its box "q", its arrow "Ø", its tick "ü"). A letter is
/// a bullet only when it opens the line, a capital follows it, and the line
/// before or after (past blank lines) opens the same way: no English sentence
/// opens "l Reducing", and one such line alone is left as written.
fn symbol_font_bullets(lines: &[&str]) -> Vec<bool> {
    const LETTERS: [char; 7] = ['l', '§', 'n', 'q', 'Ø', 'ü', 'v'];
    let marker = |l: &str| {
        let mut chars = l.trim_start().chars();
        let m = chars.next().filter(|c| LETTERS.contains(c))?;
        chars.next().filter(|c| *c == ' ' || *c == '\t')?;
        chars.next().filter(|c| c.is_uppercase()).map(|_| m)
    };
    let marks: Vec<Option<char>> = lines.iter().map(|l| marker(l)).collect();
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut out = vec![false; lines.len()];
    for (n, &i) in filled.iter().enumerate() {
        let Some(m) = marks[i] else { continue };
        let before = n.checked_sub(1).and_then(|p| marks[filled[p]]);
        let after = filled.get(n + 1).and_then(|&a| marks[a]);
        out[i] = before == Some(m) || after == Some(m);
    }
    out
}

/// "... we have identified three specific priorities: \u{f0b7} A, \u{f0b7} B, and
/// \u{f0b7} C.": a list whose bullets were run into the paragraph that introduces
/// it (text copied from a PDF). The introduction stays a paragraph and each
/// bullet's text becomes a list item; only the bullet marks are left out.
fn split_inline_bullets(blocks: Vec<Block>) -> Vec<Block> {
    const BULLETS: [char; 2] = ['\u{f0b7}', '•'];
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Paragraph(text) = &block else {
            out.push(block);
            continue;
        };
        let mut parts = text.split(BULLETS);
        let head = parts.next().unwrap_or_default().trim_end();
        let items: Vec<&str> = parts.map(str::trim).collect();
        if !head.ends_with(':') || items.len() < 2 || items.iter().any(|t| t.is_empty()) {
            out.push(block);
            continue;
        }
        out.push(Block::Paragraph(head.to_string()));
        out.extend(items.iter().map(|t| Block::Item {
            level: 0,
            text: t.to_string(),
        }));
    }
    out
}

/// "1)", "2)", "3)", then the three entries: a numbered list whose numbers a
/// PDF's text printed as a column of their own, before the entries. Each number
/// goes back with its entry ("1) Reducing the level and fear of crime"), when
/// the numbers run from one without a gap and as many short lines follow them.
fn pair_numbers_printed_apart(blocks: Vec<Block>) -> Vec<Block> {
    let number = |b: &Block| match b {
        Block::Paragraph(t) => {
            let digits = t.strip_suffix([')', '.'])?;
            (digits.len() <= 2).then(|| digits.parse::<usize>().ok())?
        }
        _ => None,
    };
    // Most texts have no such column: then the blocks are handed back untouched,
    // not copied.
    let any = blocks
        .windows(2)
        .any(|w| number(&w[0]) == Some(1) && number(&w[1]) == Some(2));
    if !any {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .enumerate()
            .take_while(|(n, b)| number(b) == Some(n + 1))
            .count();
        let entries = blocks.get(i + run..i + 2 * run).filter(|entries| {
            entries.iter().all(|b| {
                matches!(b, Block::Paragraph(t) if number(b).is_none() && t.split_whitespace().count() <= 15)
            })
        });
        match entries {
            Some(entries) if run >= 2 => {
                for (marker, entry) in blocks[i..i + run].iter().zip(entries) {
                    if let (Block::Paragraph(m), Block::Paragraph(t)) = (marker, entry) {
                        out.push(Block::Paragraph(format!("{m} {t}")));
                    }
                }
                i += 2 * run;
            }
            _ => {
                out.push(blocks[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Whether `next` goes on from `line`, broken at the page's width: `line` stops
/// mid-sentence and `next` opens in lower case ("... public confidence" / "in
/// policing ..."), or `line` ends with a word that cannot end one ("... gang-related
/// activity and" / "Victimisation").
fn goes_on(line: &str, next: &str) -> bool {
    const OPEN: [&str; 14] = [
        "and", "or", "of", "the", "to", "by", "with", "for", "in", "a", "an", "on", "from", "at",
    ];
    let line = line.trim_end();
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    // "... were identified for" / "2008-11;": a year goes on from a word that
    // cannot end a sentence.
    let year = next.len() >= 4 && next.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if year && ["for", "in", "from", "to", "of"].contains(&last.as_str()) {
        return true;
    }
    if line.ends_with(['.', ':', ';', '!', '?']) || next.starts_with(|c: char| !c.is_alphabetic()) {
        return false;
    }
    next.starts_with(|c: char| c.is_lowercase()) || OPEN.contains(&last.as_str())
}

/// `o<TAB>Fraud`, `•<TAB>Fraud`, `1.<TAB>Fraud`: a list item whose marker Word set
/// off with a tab, not a table's row.
fn is_marker_then_tab(raw: &str) -> bool {
    let Some((marker, rest)) = raw.trim_start().split_once('\t') else {
        return false;
    };
    let numbered = marker
        .strip_suffix(['.', ')'])
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let bullet = [
        "o", "•", "·", "-", "–", "*", "●", "▪", "◦", "\u{f0b7}", "\u{f0a7}",
    ]
    .contains(&marker.trim());
    (bullet || numbered) && !rest.contains('\t')
}

/// The table whose first row is line `i`: its rows into `source`, and the line after it.
fn read_table(lines: &[&str], i: usize, source: &mut Source) -> usize {
    let mut rows = Vec::new();
    let mut j = i;
    while j < lines.len() {
        let l = lines[j];
        if l.trim().is_empty() {
            // A table goes on across blank lines when the next line is a row.
            match lines[j..].iter().find(|l| !l.trim().is_empty()) {
                Some(next) if next.contains('\t') => {
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        if !l.contains('\t') {
            break;
        }
        let cells: Vec<String> = l.split('\t').map(clean_cell).collect();
        let mut cells = cells;
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.iter().all(|c| c.is_empty() || is_furniture(c)) {
            if !cells.is_empty() {
                source.drop_line(&cells.join(" "));
            }
        } else {
            rows.push(cells);
        }
        j += 1;
    }
    if !rows.is_empty() {
        source.blocks.push(Block::Table(rows));
    }
    j
}

/// The lines of `text`, without trailing spaces (a trailing tab makes a table row).
pub fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.trim_end_matches([' ', '\r']))
        .collect()
}

/// One line of prose: heading, list item or paragraph.
fn classify(raw: &str, alone: bool) -> Block {
    let indent = raw.len() - raw.trim_start().len();
    let line = strip_html(raw.trim());
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        return Block::Heading {
            level: hashes as u8,
            text: line[hashes..].trim().to_string(),
        };
    }
    // Word's bullets as copied: "o" (the second level's, in Courier New) set off
    // by a tab or spaces, and the Symbol font's private-use bullet.
    // The text is tidied (spaces run together) by now: the raw line says whether
    // an "o" was set off as a bullet is.
    let raw_start = raw.trim_start();
    if let Some(numbered) = numbered_after_tab(raw_start) {
        return Block::Paragraph(numbered);
    }
    if raw_start.starts_with("o\t") || raw_start.starts_with("o  ") {
        return Block::Item {
            level: (indent / 2).min(6) as u8,
            text: line[1..].trim().to_string(),
        };
    }
    for marker in [
        "- ",
        "* ",
        "• ",
        "– ",
        "· ",
        "● ",
        "▪ ",
        "◦ ",
        "\u{f0b7} ",
        "\u{f0a7} ",
        // A bullet whose symbol font was lost in copying.
        ". ",
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Block::Item {
                level: (indent / 2).min(6) as u8,
                text: rest.trim().to_string(),
            };
        }
    }
    if alone && looks_like_bare_heading(&line) {
        return Block::Heading {
            level: 1,
            text: line,
        };
    }
    Block::Paragraph(line)
}

/// `1.<TAB>Fraud` as `1. Fraud`: the line a numbered paragraph is elsewhere.
fn numbered_after_tab(raw: &str) -> Option<String> {
    let (number, rest) = raw.split_once('\t')?;
    (is_marker_then_tab(raw) && number.ends_with(['.', ')']))
        .then(|| format!("{number} {}", strip_html(rest)))
}

/// `7. Leads`, `Appendix A: Strategic Assessments (2018-19)`: a short numbered or
/// appendix line without a closing full stop.
fn looks_like_bare_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words > 10 || line.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    let numbered = {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && line[digits..].starts_with(". ")
            && line[digits + 2..].starts_with(|c: char| c.is_uppercase())
    };
    let appendix = line
        .strip_prefix("Appendix ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
    numbered || appendix
}

/// A table cell: HTML paragraphs and list items become lines; other tags go.
fn clean_cell(cell: &str) -> String {
    let mut text = String::new();
    let mut rest = cell.trim();
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) => {
                text.push_str(&rest[..open]);
                let tag = rest[open + 1..open + close]
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if is_html_tag(&tag) {
                    if matches!(tag.as_str(), "p" | "li" | "br" | "ul" | "ol" | "div") {
                        text.push('\n');
                    }
                } else {
                    text.push_str(&rest[open..=open + close]);
                }
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    text.push_str(rest);
    let lines: Vec<String> = text
        .lines()
        .map(|l| tidy(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Prose with HTML fragments reduced to their text.
pub fn strip_html(line: &str) -> String {
    // Most lines hold no tag: tidied once, not cut into lines and joined again.
    if !line.contains('<') {
        return tidy(line);
    }
    tidy(&clean_cell(line).replace('\n', " "))
}

fn is_html_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "li"
            | "ul"
            | "ol"
            | "br"
            | "b"
            | "i"
            | "u"
            | "em"
            | "strong"
            | "sup"
            | "sub"
            | "span"
            | "div"
            | "a"
            | "font"
            | "small"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
    )
}

/// Collapses runs of spaces and the spaces just inside brackets.
pub fn tidy(text: &str) -> String {
    // One pass: every import line and cell comes through here. A word is pushed
    // whole; a space goes between two, except just inside brackets.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() && !word.starts_with(')') && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_cells_become_lines() {
        assert_eq!(
            clean_cell("<p>Refreshed CSA</p> <ul style=\"x\"> <li>- One</li> <li>- Two</li></ul>"),
            "Refreshed CSA\n- One\n- Two"
        );
        assert_eq!(
            strip_html("Crime & ASB ( <i>Anti-Social Behaviour</i> )"),
            "Crime & ASB (Anti-Social Behaviour)"
        );
        assert_eq!(strip_html("a <3 b"), "a <3 b");
    }

    #[test]
    fn a_marker_set_off_by_a_tab_makes_an_item_not_a_table() {
        let s = read("Our priorities were:\no\tFraud\no   Acquisitive Crime\n•\tHate crime\n1.\tRoad safety\nPriority\tLead\n");
        assert_eq!(
            s.blocks,
            vec![
                Block::Paragraph("Our priorities were:".into()),
                Block::Item {
                    level: 0,
                    text: "Fraud".into()
                },
                Block::Item {
                    level: 0,
                    text: "Acquisitive Crime".into()
                },
                Block::Item {
                    level: 0,
                    text: "Hate crime".into()
                },
                Block::Paragraph("1. Road safety".into()),
                Block::Table(vec![vec!["Priority".into(), "Lead".into()]]),
            ]
        );
        // "o" as a word, with one space, is text.
        assert_eq!(
            read("o dear\n").blocks,
            vec![Block::Paragraph("o dear".into())]
        );
    }

    #[test]
    fn tidy_runs_spaces_together_and_trims_them_inside_brackets() {
        assert_eq!(tidy("  a \t b\n( c )  d ( ) "), "a b (c) d ()");
        assert_eq!(tidy("x (  y"), "x (y");
        assert_eq!(tidy(""), "");
    }

    #[test]
    fn blocks() {
        let s = read("# Title\n\n7. Leads\n\nPriority\tLead\t\nDA\tChief, Kent Police\n\n- item\n  - nested\n12\n");
        assert_eq!(s.furniture, 1);
        assert_eq!(
            s.blocks,
            vec![
                Block::Heading {
                    level: 1,
                    text: "Title".into()
                },
                Block::Heading {
                    level: 1,
                    text: "7. Leads".into()
                },
                Block::Table(vec![
                    vec!["Priority".into(), "Lead".into()],
                    vec!["DA".into(), "Chief, Kent Police".into()]
                ]),
                Block::Item {
                    level: 0,
                    text: "item".into()
                },
                Block::Item {
                    level: 1,
                    text: "nested".into()
                },
            ]
        );
    }
}
