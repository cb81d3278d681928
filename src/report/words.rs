//! The committee's register: what a finding says, in words a committee member reads
//! without knowing the `.csa` format. Ids become the titles they stand for, field
//! and block names become what they mean, dates are written in words, and a path is
//! only its file name. The `.csa` edits, lines and codes stay in the officer's
//! appendix ([`super::appendix`]).

use std::collections::HashMap;

use crate::ast::Date;
use crate::diagnostics::Severity;
use crate::publish::human_date;

/// `text` (a finding's message, a rule's summary) in the committee's register.
pub(crate) fn committee(text: &str, names: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        out.push_str(&rest[..open]);
        let code = &rest[open + 1..open + 1 + len];
        rest = &rest[open + len + 2..];
        match names.get(code) {
            Some(title) => {
                out.push_str(&format!("“{title}”"));
                // "`MKS-P5` (Be visible ...)": the title once.
                let echo = format!(" ({title})");
                if rest.starts_with(&echo) {
                    rest = &rest[echo.len()..];
                }
            }
            None => out.push_str(&code_words(code)),
        }
    }
    out.push_str(rest);
    file_names(&dates_in_words(&rule_codes(&out)))
}

/// A rule's code (`CSA201`), which means nothing to a committee, as "a finding".
fn rule_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("CSA") {
        let tail = &rest[at + 3..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..at]);
        if digits == 3 {
            out.push_str("a finding");
        } else {
            out.push_str("CSA");
        }
        rest = &rest[at + 3 + if digits == 3 { 3 } else { 0 }..];
    }
    out.push_str(rest);
    out
}

/// A piece of `.csa` syntax in words.
fn code_words(code: &str) -> String {
    let code = code.trim();
    if let Some(keyword) = code.strip_prefix('@') {
        let keyword = keyword.split([' ', ':']).next().unwrap_or("");
        return block_words(keyword).to_string();
    }
    if let Some((field, _)) = code.split_once(':') {
        if !field.contains(' ') {
            return field_words(field).to_string();
        }
    }
    if code == "csa-ignore" {
        return "a note accepting a finding".to_string();
    }
    if code.ends_with(".csa") {
        return file_name(code).to_string();
    }
    format!("“{code}”")
}

/// What a block of the format is, in words.
pub(crate) fn block_words(keyword: &str) -> &'static str {
    match keyword {
        "agreement" => "the document's details",
        "version" => "version history",
        "authority" => "responsible authority",
        "body" => "other body",
        "priority" => "priority",
        "theme" => "cross-cutting theme",
        "leads" => "leads table",
        "plan" => "Police and Crime Plan",
        "action-plan" => "action plan",
        "assessment" => "strategic assessment table",
        "risk-ranking" => "risk ranking",
        "horizon-scan" => "horizon scan",
        "links" => "links to other plans",
        "contact" => "contact details",
        "use" => "link to another document",
        _ => "part of the document",
    }
}

/// What a field of the format is, in words.
fn field_words(field: &str) -> &'static str {
    match field {
        "supports" => "the plan objectives it supports",
        "addresses" => "the statutory areas it addresses",
        "includes" => "what it includes",
        "lead" => "its lead",
        "not-adopted" => "the reason it was not adopted",
        "effective" => "the effective date",
        "version" => "the version",
        "review" => "the review cycle",
        "period" => "the period",
        "area" => "the area",
        "kind" => "the kind of document",
        "partnership" => "the partnership",
        "status" => "the status",
        "excludes" => "the areas not covered",
        "note" => "a note",
        "scope" => "its scope",
        "county" => "the county priority it works on",
        "date" => "the date",
        "commissioner" => "who issued the plan",
        "objective" => "the objective",
        "partnerships" => "the number of partnerships",
        "approved" => "who approved it",
        "assessed" => "the date of the strategic assessment",
        "consultation" => "the consultation",
        "scrutiny" => "the crime and disorder committee",
        "scrutinised" => "when the committee last scrutinised it",
        "sent-to-pcc" => "when it was sent to the Police and Crime Commissioner",
        "serious-violence-strategy" => "the serious violence strategy",
        "measure" => "how progress is measured",
        "resources" => "its resources",
        "member" => "the strategy group's members",
        "joint-working" => "how the partners work on it together",
        "district" => "the district assessments",
        _ => "a detail of the document",
    }
}

/// Every `YYYY-MM-DD` in `text` as `1 April 2022`.
pub(crate) fn dates_in_words(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i + 10 <= bytes.len() {
        let candidate = &text.as_bytes()[i..i + 10];
        let shaped = candidate.iter().enumerate().all(|(k, b)| {
            if k == 4 || k == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes
                .get(i + 10)
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-');
        if shaped && bounded {
            if let Some(date) = Date::parse(&text[i..i + 10]) {
                out.push_str(&text[copied..i]);
                out.push_str(&human_date(date));
                i += 10;
                copied = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// Every path to a `.csa` file in `text` as its file name.
pub(crate) fn file_names(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let bare = word
                .trim_start_matches(['`', '(', '“'])
                .trim_end_matches([':', ',', ';', '.', ')', '`', '”']);
            if bare.contains('/') && bare.ends_with(".csa") {
                word.replacen(bare, file_name(bare), 1)
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last part of a path.
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// How serious a finding is, in the committee's words.
pub(crate) fn severity_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error: must be put right",
        Severity::Warning => "Warning: a weakness to answer",
        Severity::Info => "Note: for information, not a fault",
        Severity::Hint => "Hint: a suggestion, not a fault",
    }
}

/// What the partnership should decide about a finding of the rule `name`, in the
/// committee's words.
pub(crate) fn decision(name: &str) -> &'static str {
    match name {
        "review-overdue" => "Refresh the agreement: review its priorities against the latest strategic assessments and publish the new version.",
        "pcc-objective-not-regarded" => "For each objective, decide which priority or theme supports it, or record why the partnership chose not to adopt it.",
        "likely-pcc-link" => "Decide whether the priority or theme supports the objective; if it does, say so in the agreement.",
        "pcc-plan-not-current" | "pcc-plan-period" => "Align the agreement with the Police and Crime Plan in force, and record that plan and its period.",
        "missing-pcc-plan" => "Record the Police and Crime Plan the partnership has had regard to, with its objectives.",
        "plan-objectives-not-listed" => "List the plan's objectives in the agreement, so that the committee can see how each is supported.",
        "pcc-plan-changes-in-life" | "policing-body-changes-in-life" => "Plan to review the agreement's alignment when the change happens.",
        "unknown-pcc-objective" => "Correct the link: the objective named is not one of the recorded plan's.",
        "version-row-incomplete" => "Add to the version history what changed in each of these chapters.",
        "version-order" | "version-mismatch" => "Correct the version history so that it ends with the document's own version.",
        "authority-replaced-in-life" => "Say in the agreement that the change comes, and use the new name at the next refresh.",
        "stale-authority-name" => "Use the body's current name.",
        "missing-responsible-authority" | "no-authority-list" => "Name every responsible authority the law requires, as partners to the agreement.",
        "pcc-listed-as-authority" => "List the Police and Crime Commissioner as a partner, not as a responsible authority.",
        "health-body-unnamed" => "Name the health body that is the responsible authority.",
        "local-government-reorganised" => "Check that the agreement still has a legal basis after the reorganisation, and plan for it.",
        "partnership-run-by-non-authority" => "Check that the responsible authorities lead the partnership, as the law requires.",
        "bill-becomes-act-in-life" | "bill-now-act" => "At the next refresh, cite the Act rather than the Bill.",
        "dardr-not-yet-statutory" => "Describe the reviews as the law now stands.",
        "uncovered-statutory-area" | "no-priorities" => "Adopt a priority or theme that addresses this area: the law requires the strategy to address it.",
        "undeclared-statutory-area" => "Confirm that the priority or theme addresses the statutory area, and say so in the agreement.",
        "upcoming-statutory-area" => "Plan how the partnership will address the area when it comes into force.",
        "area-only-mentioned" => "Decide whether the statutory area needs a priority of its own.",
        "priority-without-lead" => "Name a lead officer for each of these priorities.",
        "lead-without-priority" => "Say which priority each of these leads is responsible for.",
        "lead-without-organisation" | "unknown-lead-organisation" => "Name each lead's organisation, and list it among the partners.",
        "leads-disagree" => "Agree who leads the priority, and give the same leads throughout.",
        "assessed-issue-uncovered" => "Decide whether a priority or theme should cover the issue, or record why not.",
        "assessment-count-too-high" | "assessment-disagrees-with-districts" | "assessment-partnership-count" => "Correct the strategic assessment figures.",
        "priority-without-actions" | "theme-without-actions" => "Complete the action plan: aims and actions for each priority, linked to the cross-cutting themes.",
        "malformed-aim-number" | "aim-out-of-sequence" => "Number the action plan's aims in order.",
        "district-regards-no-county-priority" | "county-priority-without-district" | "unknown-county-priority" => "Agree how the district plans and the county agreement work together.",
        "pcc-plan-differs" => "Agree which Police and Crime Plan every plan of the police area has regard to.",
        "district-covered-twice" | "district-not-covered" => "Agree which county agreement covers each district.",
        "unknown-area" | "missing-header-field" => "Give the document's kind, area and effective date as the partnership agreed them.",
        _ => "The officer who keeps the document should correct its file (the appendix gives the change).",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_titles_once_and_syntax_becomes_words() {
        let names = HashMap::from([
            ("MKS-P5".to_string(), "Be visible".to_string()),
            ("NCASB".to_string(), "Preventing ASB".to_string()),
        ]);
        assert_eq!(
            committee(
                "No priority supports the plan objective `MKS-P5` (Be visible), and `NCASB` may",
                &names
            ),
            "No priority supports the plan objective “Be visible”, and “Preventing ASB” may"
        );
        assert_eq!(
            committee(
                "The newest `@version` row (6.0) changed since examples/kent-2018.csa: Ch.1",
                &names
            ),
            "The newest version history row (6.0) changed since kent-2018.csa: Ch.1"
        );
        assert_eq!(
            committee(
                "took effect on 2022-04-01 and was due by 2023-04-01; on 2026-12-06",
                &names
            ),
            "took effect on 1 April 2022 and was due by 1 April 2023; on 6 December 2026"
        );
        assert_eq!(
            committee("add `supports: MKS-P5`", &names),
            "add the plan objectives it supports"
        );
    }
}
