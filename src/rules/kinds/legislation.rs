//! Legislation: a Bill is listed (say, as upcoming) after it became an Act.

use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::law::Confidence;
use crate::rules::{matching, Context, Finding, Rule};

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
    &'l crate::rules::law::Act,
    crate::rules::law::LawDate,
    Vec<(&'l str, Vec<String>)>,
);

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
                .unverified_if(act.confidence == Confidence::Unverified);
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
