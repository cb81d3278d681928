//! How the document was made, where its text says so: who approved it and when
//! (`approved:`), the date of the strategic assessment it rests on (`assessed:`),
//! the consultation (`consultation:`, from a section headed so), the crime and
//! disorder committee (`scrutiny:`), the serious violence strategy
//! (`serious-violence-strategy:`) and the strategy group's members (`member:`, from
//! a list under a heading such as "Membership").
//!
//! Each is written only from words the document prints, never guessed: a sentence
//! that speaks of the future ("will be approved") gives nothing, and each field
//! written comes with a `// csa-import:` note naming what it was read from.

use super::dates::parse_month;
use super::words::strip_markup;
use super::writer::Writer;
use crate::import::Block;

/// The header fields the text gives, in the order of the format's header.
pub(super) fn write(w: &mut Writer, blocks: &[Block]) {
    let sentences: Vec<(String, String)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Item { text, .. } => {
                Some(strip_markup(text))
            }
            Block::Table(_) => None,
        })
        .flat_map(|t| split_sentences(&t))
        .map(|s| {
            // Lower-cased once for every reader (ASCII only: the places found in
            // it are places in the sentence).
            let lower = s.to_ascii_lowercase();
            (s, lower)
        })
        .collect();
    let first =
        |w: &mut Writer, field: &str, read: fn(&str, &str) -> Option<String>, note: &str| {
            if let Some(value) = sentences.iter().find_map(|(s, lower)| read(s, lower)) {
                w.note(1, &format!("{field}: {note}"));
                w.field(1, field, &value);
            }
        };
    first(
        w,
        "approved",
        approved,
        "read from the text: check who approved it and when",
    );
    first(
        w,
        "assessed",
        assessed,
        "the date the text gives the strategic assessment: check it",
    );
    each(
        w,
        "consultation",
        &consultation(blocks),
        "from the section on consultation, one line each: check them",
    );
    first(
        w,
        "scrutiny",
        scrutiny,
        "the committee the text names as the crime and disorder committee: check it",
    );
    first(
        w,
        "scrutinised",
        scrutinised,
        "the date the text gives the committee's scrutiny: check it",
    );
    first(
        w,
        "sent-to-pcc",
        sent_to_pcc,
        "the date the text gives a copy sent to the commissioner: check it",
    );
    first(
        w,
        "serious-violence-strategy",
        serious_violence_strategy,
        "the strategy the text names: check it, and add its date",
    );
    each(
        w,
        "member",
        &members(blocks),
        "the list under the membership heading, one member each: check them",
    );
}

/// A field for each of `values`, under one note.
fn each(w: &mut Writer, field: &str, values: &[String], note: &str) {
    if values.is_empty() {
        return;
    }
    w.note(1, &format!("{field}: {note}"));
    for v in values {
        w.field(1, field, v);
    }
}

/// `text` cut into sentences at `. `, `? ` and `! ` (and line breaks).
fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_mark = matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if end_mark || b == b'\n' {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// Words that put what a sentence says in the future, or make it a wish.
fn future(lower: &str) -> bool {
    let padded = format!(" {lower} ");
    [
        " will ",
        " shall ",
        " to be ",
        " would ",
        " should ",
        " due to ",
        " next ",
        " each year",
        " every year",
        " annually",
    ]
    .iter()
    .any(|w| padded.contains(w))
}

/// What a sentence says the document is.
const THE_DOCUMENT: &[&str] = &[
    "this plan",
    "this strategy",
    "this agreement",
    "this document",
    "this refresh",
    "the plan was",
    "the strategy was",
    "the agreement was",
    "partnership plan",
    "community safety plan",
    "community safety agreement",
    "community safety strategy",
];

/// "This plan was agreed by the Safer Preston Partnership on 12 March 2025" →
/// `Safer Preston Partnership, 2025-03-12`.
fn approved(sentence: &str, lower: &str) -> Option<String> {
    let (at, verb) = ["approved by ", "agreed by ", "adopted by ", "endorsed by "]
        .iter()
        .find_map(|v| lower.find(v).map(|at| (at, *v)))?;
    if future(lower) {
        return None;
    }
    let starts = lower[..at].trim().is_empty() || lower[..at].trim() == "this was";
    if !starts && !THE_DOCUMENT.iter().any(|d| lower[..at].contains(d)) {
        return None;
    }
    let after = &sentence[at + verb.len()..];
    let after_lower = &lower[at + verb.len()..];
    // The body runs to " on ", " at ", " in ", a comma or the end.
    let end = [" on ", " at ", " in ", ",", " (", ";"]
        .iter()
        .filter_map(|s| after_lower.find(s))
        .min()
        .unwrap_or(after.len());
    let body = after[..end]
        .trim()
        .trim_end_matches('.')
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim();
    let words = body.split_whitespace().count();
    let named = body
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(1..=12).contains(&words) || !named {
        return None;
    }
    Some(match parse_month(&after[end..]) {
        Some(date) => format!("{body}, {date}"),
        None => body.to_string(),
    })
}

/// The date printed after `at` in `sentence`, when the sentence says what was done
/// (not what will be). `lower` is the sentence in ASCII lower case, so `at` (found
/// in it) is the same place in the sentence.
fn dated_after(sentence: &str, lower: &str, at: usize) -> Option<String> {
    if future(lower) {
        return None;
    }
    parse_month(&sentence[at..])
}

/// "The plan was scrutinised by the Communities Scrutiny Committee on 17 September
/// 2024" → `2024-09-17`: a date printed after the past tense of scrutiny.
fn scrutinised(sentence: &str, lower: &str) -> Option<String> {
    // Most sentences name no committee: looked for first.
    if !lower.contains("scrutin") || !lower.contains("committee") {
        return None;
    }
    let at = [
        "scrutinised",
        "scrutinized",
        "was scrutiny of",
        "considered by the",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()?;
    dated_after(sentence, lower, at)
}

/// "A copy of the plan was sent to the Police and Crime Commissioner on 12 April
/// 2024" → `2024-04-12`.
fn sent_to_pcc(sentence: &str, lower: &str) -> Option<String> {
    let at = ["sent to", "submitted to", "provided to", "shared with"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()?;
    let commissioner = [
        "police and crime commissioner",
        "police, fire and crime commissioner",
        "pcc",
        "pfcc",
        "mayor",
    ]
    .iter()
    .any(|c| lower[at..].contains(c));
    if !commissioner {
        return None;
    }
    dated_after(sentence, lower, at)
}

/// "the strategic assessment (November 2024)", "the strategic assessment completed
/// in November 2024", "our November 2024 strategic assessment" → `2024-11`.
fn assessed(_sentence: &str, lower: &str) -> Option<String> {
    let at = lower.find("strategic assessment")?;
    if future(lower) {
        return None;
    }
    let end = at + "strategic assessment".len();
    // Just after the words: "(November 2024)", "completed in November 2024".
    let after: String = lower[end..]
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let before: Vec<&str> = lower[..at].split_whitespace().rev().take(3).collect();
    let before: String = before.into_iter().rev().collect::<Vec<_>>().join(" ");
    parse_month(&after).or_else(|| parse_month(&before))
}

/// The paragraphs and list items of sections headed "Consultation" ("Public
/// consultation", "Consultation and engagement"): each list item a line, or
/// each paragraph's first sentence when there is no list.
fn consultation(blocks: &[Block]) -> Vec<String> {
    section_lines(blocks, |h| h.contains("consultation"), true)
}

/// The list items of sections headed "Membership" ("KCSP Membership",
/// "Partnership members"): one member each.
fn members(blocks: &[Block]) -> Vec<String> {
    section_lines(
        blocks,
        |h| h.contains("membership") || h.split_whitespace().any(|w| w == "members"),
        false,
    )
}

/// The lines of the sections whose short heading `wanted` accepts (lower case):
/// their list items, or, when `paragraphs` and there are none, each paragraph's
/// first sentence.
fn section_lines(blocks: &[Block], wanted: impl Fn(&str) -> bool, paragraphs: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Block::Heading { level, text } = &blocks[i] else {
            i += 1;
            continue;
        };
        let lower = strip_markup(text).to_lowercase();
        if !wanted(&lower) || lower.split_whitespace().count() > 6 {
            i += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut firsts = Vec::new();
        let mut j = i + 1;
        while j < blocks.len() {
            match &blocks[j] {
                Block::Heading { level: l, .. } if l <= level => break,
                Block::Item { text, .. } => items.push(strip_markup(text)),
                Block::Paragraph(text) if paragraphs => {
                    if let Some(first) = split_sentences(&strip_markup(text)).into_iter().next() {
                        firsts.push(first);
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let lines = if items.is_empty() { firsts } else { items };
        out.extend(
            lines
                .into_iter()
                .map(|l| l.trim().trim_end_matches(['.', ';', ':']).to_string())
                .filter(|l| !l.is_empty())
                .take(20),
        );
        i = j;
    }
    out
}

/// The capitalised run of words that ends at byte `end` of `sentence` (a title
/// such as "Kent and Medway Serious Violence Strategy"): its words are capitalised,
/// or `and`, `&`, `of`, `for`, `the` inside it.
fn title_before(sentence: &str, end: usize) -> String {
    let words: Vec<&str> = sentence[..end].split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1]
            .trim_matches(|c: char| matches!(c, '(' | ')' | '‘' | '’' | '\'' | '"' | '“' | '”'));
        // "To: Crime and Disorder Committee": a label ends the run.
        if words[start - 1].ends_with(':') {
            break;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let joining = matches!(w, "and" | "&" | "of" | "for");
        if capital || (joining && start < words.len()) {
            start -= 1;
        } else {
            break;
        }
    }
    // A run does not start with a joining word or "The".
    while start < words.len() && matches!(words[start], "and" | "&" | "of" | "for" | "The" | "the")
    {
        start += 1;
    }
    words[start..]
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '(' | ')' | '‘' | '’' | '\'' | '"' | '“' | '”'))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "The KCC Scrutiny Committee will also serve as the Crime and Disorder
/// Committee" → `KCC Scrutiny Committee`.
fn scrutiny(sentence: &str, lower: &str) -> Option<String> {
    if !lower.contains("crime and disorder") || !lower.contains("committee") {
        return None;
    }
    // The first committee the sentence names by a capitalised title.
    let mut from = 0;
    while let Some(found) = sentence[from..].find("Committee") {
        let end = from + found + "Committee".len();
        let name = title_before(sentence, end);
        // A name of the area's own committee, not the law's generic one ("the
        // Crime and Disorder Scrutiny Committee" the 2006 Act introduced).
        let own = name.split_whitespace().any(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "crime"
                    | "and"
                    | "&"
                    | "disorder"
                    | "scrutiny"
                    | "committee"
                    | "overview"
                    | "select"
                    | "the"
                    | "of"
                    | "for"
            )
        });
        if own {
            return Some(name);
        }
        from = end;
    }
    None
}

/// "the Kent and Medway Serious Violence Strategy 2024" → that title.
fn serious_violence_strategy(sentence: &str, lower: &str) -> Option<String> {
    let at = sentence.find("Serious Violence Strategy")?;
    let end = at + "Serious Violence Strategy".len();
    let title = title_before(sentence, end);
    // A place name before the words, not "our" or "a".
    if title.split_whitespace().count() < 4 {
        return None;
    }
    if future(lower) {
        return None;
    }
    // A year or period printed with it: "2024", "2024-2029", "(January 2024)".
    let after: Vec<&str> = sentence[end..].split_whitespace().take(2).collect();
    let year: Vec<&str> = after
        .iter()
        .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';')))
        .take_while(|t| {
            t.chars().next().is_some_and(|c| c.is_ascii_digit())
                || (parse_month(&format!("{t} 2000")).is_some() && t.len() > 2)
        })
        .collect();
    Some(if year.is_empty() {
        title
    } else {
        format!("{title} {}", year.join(" "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader given its sentence and the sentence lower-cased, as `write` does.
    fn read(reader: fn(&str, &str) -> Option<String>, sentence: &str) -> Option<String> {
        reader(sentence, &sentence.to_ascii_lowercase())
    }

    #[test]
    fn scrutiny_and_the_copy_to_the_commissioner_need_a_date_and_the_past() {
        assert_eq!(
            read(scrutinised,
                "The plan was scrutinised by the Communities Scrutiny Committee on 17 September 2024."
            )
            .as_deref(),
            Some("2024-09-17")
        );
        assert_eq!(
            read(
                scrutinised,
                "The Scrutiny Committee will review the plan in March 2025."
            ),
            None
        );
        assert_eq!(
            read(scrutinised, "Crime figures were scrutinised in 2023."),
            None,
            "no committee"
        );
        assert_eq!(
            read(sent_to_pcc,
                "A copy of the plan was sent to the Police and Crime Commissioner on 12 April 2024."
            )
            .as_deref(),
            Some("2024-04-12")
        );
        assert_eq!(
            read(
                sent_to_pcc,
                "The plan will be sent to the PCC in April 2024."
            ),
            None
        );
        assert_eq!(
            read(sent_to_pcc, "Data was shared with the police in May 2024."),
            None,
            "not the commissioner"
        );
    }

    #[test]
    fn approval_needs_a_body_and_the_past() {
        assert_eq!(
            read(
                approved,
                "This plan was agreed by the Safer Preston Partnership on 12 March 2025."
            )
            .as_deref(),
            Some("Safer Preston Partnership, 2025-03-12")
        );
        assert_eq!(
            read(
                approved,
                "The plan will be approved by Cabinet in March 2025."
            ),
            None
        );
        assert_eq!(
            read(approved, "Funding was approved by the Home Office in 2023."),
            None
        );
        assert_eq!(
            read(approved, "Approved by Full Council on 20 March 2024").as_deref(),
            Some("Full Council, 2024-03-20")
        );
    }

    #[test]
    fn the_assessment_date_is_read_beside_its_name() {
        assert_eq!(
            read(
                assessed,
                "The priorities come from the strategic assessment (November 2024)."
            )
            .as_deref(),
            Some("2024-11")
        );
        assert_eq!(
            read(
                assessed,
                "Our January 2025 strategic assessment found rising shoplifting."
            )
            .as_deref(),
            Some("2025-01")
        );
        assert_eq!(
            read(
                assessed,
                "The strategic assessment will be refreshed in November 2025."
            ),
            None
        );
        assert_eq!(
            read(
                assessed,
                "The strategic assessment found rising shoplifting."
            ),
            None
        );
    }

    #[test]
    fn committees_and_strategies_are_named_as_printed() {
        assert_eq!(
            read(scrutiny, "The KCC Scrutiny Committee will also serve as the Crime and Disorder Committee as required.")
                .as_deref(),
            Some("KCC Scrutiny Committee")
        );
        assert_eq!(
            read(scrutiny, "The Police and Justice Act 2006 introduced scrutiny arrangements in the form of the Crime and Disorder Scrutiny Committee."),
            None
        );
        assert_eq!(
            read(serious_violence_strategy,
                "Our work follows the Lancashire Serious Violence Strategy 2024-2029, published in January 2024."
            )
            .as_deref(),
            Some("Lancashire Serious Violence Strategy 2024-2029")
        );
        assert_eq!(
            read(
                serious_violence_strategy,
                "We are writing a Serious Violence Strategy."
            ),
            None
        );
    }
}
