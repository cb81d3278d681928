//! Legislation: a Bill is listed (say, as upcoming) after it became an Act.

use super::{Kind, Param, ParamDefault, ParamType};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// Every item of every horizon-scan heading, however deep.
fn items<'a>(
    headings: &'a [crate::ast::HorizonHeading],
    out: &mut Vec<&'a crate::ast::Spanned<String>>,
) {
    for heading in headings {
        out.extend(&heading.items);
        items(&heading.children, out);
    }
}

/// An Act, its Royal Assent, and the names of its Bill with their folded words.
type Passed<'l> = (
    &'l crate::knowledge::law::Act,
    crate::knowledge::law::LawDate,
    Vec<(&'l str, Vec<String>)>,
);

/// The `bill-after-assent` kind.
pub const BILL_AFTER_ASSENT: Kind = Kind {
    name: "bill-after-assent",
    doc: "A horizon-scan item names a Bill that had become an Act by the effective date.",
    args: &["act", "assent", "bill", "effective"],
    params: &[],
    run: Some(bill_after_assent),
};

/// `bill-after-assent`: horizon-scan items that name a Bill which had Royal Assent on
/// or before the effective date.
pub fn bill_after_assent(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let mut all = Vec::new();
    for scan in &cx.doc.horizon_scans {
        items(&scan.headings, &mut all);
    }
    // The Bills that were Acts by the effective date, each name folded once.
    let passed: Vec<Passed> = cx
        .law
        .acts
        .iter()
        .filter_map(|act| {
            let assent = act.royal_assent.filter(|d| d.0 <= effective.first_day())?;
            Some((
                act,
                assent,
                act.bill_names().map(|b| (b, matching::words(b))).collect(),
            ))
        })
        .collect();
    for item in all {
        let words = matching::words(&item.value);
        for (act, assent, bills) in &passed {
            let (act, assent) = (*act, *assent);
            let Some(bill) = bills
                .iter()
                .find(|(_, b)| matching::contains_words(&words, b))
                .map(|(b, _)| *b)
            else {
                continue;
            };
            let mut finding = Finding::at(item.span)
                .arg("bill", bill)
                .arg("act", act.title.clone())
                .arg("assent", assent.0.to_string())
                .arg("effective", effective.to_string())
                .rests_on(act.confidence);
            // The written form may differ from the alias in spacing or "&": replace
            // exactly what was written when it is found as typed.
            let found = item.value.to_lowercase().find(&bill.to_lowercase());
            if let Some(at) = found.filter(|&at| {
                item.value
                    .get(at..at + bill.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(bill))
            }) {
                let start = item.span.start.offset + at;
                let mut edit_span = item.span;
                edit_span.start.offset = start;
                edit_span.end.offset = start + bill.len();
                let prefix = &item.value[..at];
                edit_span.start.column += prefix.len() as u32;
                edit_span.start.column_utf16 += prefix.encode_utf16().count() as u32;
                edit_span.end.line = edit_span.start.line;
                edit_span.end.column = edit_span.start.column + bill.len() as u32;
                edit_span.end.column_utf16 =
                    edit_span.start.column_utf16 + bill.encode_utf16().count() as u32;
                finding = finding.fix(Fix {
                    title: format!("Cite the {}", act.title),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: edit_span,
                        replacement: act.title.clone(),
                    }],
                });
            }
            out.push(finding);
        }
    }
}

/// The `bill-in-life` kind.
pub const BILL_IN_LIFE: Kind = Kind {
    name: "bill-in-life",
    doc: "A horizon-scan item names a Bill that becomes an Act inside the document's life.",
    args: &["act", "assent", "life"],
    params: &[],
    run: Some(bill_in_life),
};

/// `bill-in-life`: a horizon-scan item names a Bill that becomes an Act inside the
/// document's life.
pub fn bill_in_life(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.effective.is_none() {
        return;
    }
    let becoming: Vec<_> = cx
        .law
        .acts
        .iter()
        .filter_map(|act| {
            let assent = act.royal_assent.filter(|d| cx.in_life(d.0))?;
            Some((
                act,
                assent,
                act.bill_names().map(matching::words).collect::<Vec<_>>(),
            ))
        })
        .collect();
    if becoming.is_empty() {
        return;
    }
    let mut all = Vec::new();
    for scan in &cx.doc.horizon_scans {
        items(&scan.headings, &mut all);
    }
    for item in all {
        let words = matching::words(&item.value);
        for (act, assent, bills) in &becoming {
            if bills.iter().any(|b| matching::contains_words(&words, b)) {
                out.push(
                    Finding::at(item.span)
                        .arg("act", act.title.clone())
                        .arg("assent", assent.0.to_string())
                        .arg("life", cx.life_text())
                        .rests_on(act.confidence),
                );
            }
        }
    }
}

/// Every piece of text the document says: prose, priorities and themes, action plans
/// and the horizon scan, with where it is.
fn texts<'d>(cx: &Context<'d>) -> Vec<(&'d str, crate::text::Span)> {
    let mut out = Vec::new();
    for item in &cx.doc.items {
        if let crate::ast::ItemKind::Prose { text, .. } = &item.kind {
            out.push((text.as_str(), item.span));
        }
    }
    let fields =
        |f: &'d Option<crate::ast::Spanned<String>>| f.as_ref().map(|s| (s.value.as_str(), s.span));
    for p in &cx.doc.priorities {
        out.extend(
            [&p.title, &p.includes, &p.note]
                .into_iter()
                .filter_map(fields),
        );
    }
    for t in &cx.doc.themes {
        out.extend(
            [&t.title, &t.includes, &t.note]
                .into_iter()
                .filter_map(fields),
        );
    }
    for a in cx.doc.action_plans.iter().flat_map(|a| &a.aims) {
        out.extend(fields(&a.text));
        out.extend(a.actions.iter().map(|s| (s.value.as_str(), s.span)));
    }
    let mut scan = Vec::new();
    for s in &cx.doc.horizon_scans {
        items(&s.headings, &mut scan);
    }
    out.extend(scan.into_iter().map(|s| (s.value.as_str(), s.span)));
    out
}

/// The `review-name` kind.
pub const REVIEW_NAME: Kind = Kind {
    name: "review-name",
    doc: "Domestic abuse related death reviews named as the statutory review before the law that creates them is in force.",
    args: &["citation", "effective"],
    params: &[Param {
        name: "duty",
        ty: ParamType::Text {
            what: "a duty id from rules/law.toml",
        },
        default: ParamDefault::Text("domestic-abuse-related-death-reviews"),
        doc: "The duty whose commencement makes the new name the statutory one.",
    }],
    run: Some(review_name),
};

/// `review-name`: domestic abuse related death reviews (DARDRs) named as the
/// statutory review before the Victims and Prisoners Act 2024 s19 is in force, in a
/// document that does not name domestic homicide reviews, the review the law still
/// requires.
pub fn review_name(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let duty = rule.settings().text("duty");
    let Some(dardr) = cx.law.duties.iter().find(|d| d.id == duty) else {
        return;
    };
    let in_force = dardr.in_force_from.filter(|d| d.0 <= effective.first_day());
    if let Some(from) = in_force {
        let _ = from;
        return;
    }
    let new_words = [
        matching::words("domestic abuse related death review"),
        matching::words("domestic abuse-related death review"),
        matching::words("DARDR"),
        matching::words("DARDRs"),
    ];
    let old_words = [
        matching::words("domestic homicide review"),
        matching::words("domestic homicide reviews"),
        matching::words("DHR"),
        matching::words("DHRs"),
    ];
    // Every phrase above holds one of these: a text without any cannot match.
    const NEEDLES: &[&str] = &["death", "dardr", "dhr", "homicide"];
    let mut first_new = None;
    for (text, span) in texts(cx) {
        if !matching::may_contain_any(text, NEEDLES) {
            continue;
        }
        let words = matching::words(text);
        if old_words
            .iter()
            .any(|w| matching::contains_words(&words, w))
        {
            return;
        }
        if first_new.is_none()
            && new_words
                .iter()
                .any(|w| matching::contains_words(&words, w))
        {
            first_new = Some(span);
        }
    }
    if let Some(span) = first_new {
        out.push(
            Finding::at(span)
                .arg("effective", effective.to_string())
                .arg("citation", dardr.citation.clone())
                // Its commencement date is not known: never more than a warning.
                .unverified_if(true),
        );
    }
}
