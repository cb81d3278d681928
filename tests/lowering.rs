//! What authors are told about mistakes in structure: one plain-English diagnostic
//! per mistake, on the right line, with a way to fix it.

use csa::ast;
use csa::diagnostics::{Applicability, Diagnostic};

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    ast::parse(text).diagnostics
}

fn only(text: &str) -> Diagnostic {
    let mut all = diagnostics(text);
    assert_eq!(
        all.len(),
        1,
        "expected one diagnostic for {text:?}, got {all:#?}"
    );
    all.remove(0)
}

#[test]
fn a_misspelt_block_is_reported_with_a_fix_a_person_confirms() {
    let d = only("@prority DA: Domestic Abuse\n  lead: x, y\n");
    assert_eq!(d.code, "CSA002");
    assert_eq!(
        d.message,
        "`@prority` is not a kind of block; did you mean `@priority`?"
    );
    let fix = d.fix.unwrap();
    // A different word is a guess: only a change of letter case would be safe.
    assert_eq!(fix.applicability, Applicability::Unsafe);
    assert_eq!(fix.edits[0].replacement, "priority");
    assert_eq!(
        (fix.edits[0].span.start.column, fix.edits[0].span.end.column),
        (1, 8)
    );
}

#[test]
fn a_misspelt_field_is_reported_with_the_fields_it_could_be() {
    let d = only("@priority DA: Domestic Abuse\n  leed: Kent Police\n");
    assert_eq!(d.code, "CSA003");
    assert_eq!(
        d.message,
        "`leed` is not a field of the `@priority` block; did you mean `lead`?"
    );
    assert_eq!(d.span.start.line, 1);
    assert!(d.help.unwrap().contains(
        "`includes`, `lead`, `addresses`, `supports`, `county`, `measure`, `resources`, `joint-working`, `note`"
    ));
}

#[test]
fn a_date_in_words_gets_the_right_form_as_a_hint() {
    let d = only("@agreement: A\n  effective: 1st April 2022\n");
    assert_eq!(d.code, "CSA004");
    assert_eq!(d.message, "`1st April 2022` is not a date");
    assert!(d.help.unwrap().ends_with("`2022-04-01`"));
}

#[test]
fn a_word_from_a_fixed_set_is_suggested() {
    let d = only("@agreement: A\n  kind: county agreement\n");
    assert_eq!(
        d.message,
        "`county agreement` is not a valid `kind`; did you mean `county-agreement`?"
    );
}

#[test]
fn prose_indented_into_a_block_is_reported() {
    let d = only("@priority DA: Domestic Abuse\n  * Kent Police leads this\n");
    assert_eq!(d.code, "CSA001");
    assert_eq!(
        d.message,
        "this line is inside the `@priority` block but is not a field"
    );
}

#[test]
fn a_field_given_twice_points_at_the_first() {
    let d = only("@priority DA: Domestic Abuse\n  includes: a\n  includes: b\n");
    assert_eq!(
        d.message,
        "`includes` is given twice in the `@priority` block"
    );
    assert_eq!(d.span.start.line, 2);
    assert_eq!(d.labels[0].span.start.line, 1);
}

#[test]
fn repeatable_fields_may_repeat() {
    assert!(diagnostics("@priority DA: Domestic Abuse\n  lead: a, b\n  lead: c, d\n").is_empty());
}

#[test]
fn an_item_needs_its_id() {
    let d = only("@plan P: Plan\n  objective: Tackle VAWG\n");
    assert_eq!(d.message, "this `objective` has no id");
}

#[test]
fn a_block_needs_its_id() {
    let d = only("@priority: Domestic Abuse\n");
    assert_eq!(d.message, "this priority has no id");
}

#[test]
fn a_header_without_a_colon_before_its_title() {
    let d = only("@agreement Kent Community Safety Agreement\n");
    assert_eq!(d.message, "expected `:` after `@agreement`");
}

#[test]
fn a_bare_at_sign_is_reported_and_the_next_line_stays_prose() {
    let parsed = ast::parse("@\nPlain prose.\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(
        parsed.diagnostics[0].message,
        "expected the kind of block after `@`"
    );
    assert!(matches!(
        parsed.document.items[1].kind,
        ast::ItemKind::Prose { .. }
    ));
}

#[test]
fn list_items_only_where_the_block_has_them() {
    let d = only("@priority DA: Domestic Abuse\n  - a stray item\n");
    assert_eq!(d.message, "the `@priority` block has no list items");
    assert!(diagnostics("@links\n  - Vision for Kent\n").is_empty());
}

#[test]
fn nesting_follows_indentation() {
    let text = "@plan P: Plan\n  period: 2022-04-01 to 2025-03-31\n  objective P-1: One\n    group: G\n    not-adopted: Not ours\n  objective P-2: Two\n";
    let parsed = ast::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let plan = &parsed.document.plans[0];
    assert_eq!(plan.objectives.len(), 2);
    assert_eq!(
        plan.objectives[0].not_adopted.as_ref().unwrap().value,
        "Not ours"
    );
    assert!(plan.objectives[1].group.is_none());
}

#[test]
fn a_field_that_takes_no_children_says_so() {
    let d = only("@priority DA: Domestic Abuse\n  includes: x\n    lead: y, z\n");
    assert_eq!(d.message, "`includes` cannot have lines indented under it");
}

#[test]
fn leads_split_at_the_last_comma() {
    let doc = ast::parse("@leads\n  lead DA: Director, Operations, Kent Fire and Rescue Service\n  lead \"Road Safety\": Chair of the partnership\n").document;
    assert_eq!(doc.leads[0].role.value, "Director, Operations");
    assert_eq!(
        doc.leads[0].organisation.as_ref().unwrap().value,
        "Kent Fire and Rescue Service"
    );
    assert_eq!(doc.leads[0].priority.as_ref().unwrap().name, "DA");
    assert!(doc.leads[1].organisation.is_none());
    let by_title = doc.leads[1].priority.as_ref().unwrap();
    assert!(by_title.quoted);
    assert_eq!(by_title.name, "Road Safety");
}

#[test]
fn suppressions_cover_the_next_block_or_line() {
    let text = "// csa-ignore CSA201, missing-lead: agreed by KCSP\n\n@priority DA: Domestic Abuse\n  // csa-ignore CSA301: later\n  supports: X\n  note: n\n// csa-ignore-file CSA999: whole file\n";
    let parsed = ast::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let s = &parsed.document.suppressions;
    assert_eq!(s.len(), 3);
    let codes: Vec<&str> = s[0].codes.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(codes, ["CSA201", "missing-lead"]);
    assert_eq!(s[0].reason.as_ref().unwrap().value, "agreed by KCSP");
    assert_eq!((s[0].covers.start.line, s[0].covers.end.line), (2, 6));
    assert_eq!((s[1].covers.start.line, s[1].covers.end.line), (4, 5));
    assert_eq!(s[2].covers.end.offset, text.len());
}

#[test]
fn a_suppression_without_a_reason_is_reported() {
    let d = only("// csa-ignore CSA201\n@priority DA: x\n");
    assert_eq!(d.code, "CSA006");
    assert_eq!(d.message, "this suppression comment gives no reason");
}
