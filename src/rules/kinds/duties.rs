//! Duties a document shows on its face: the header records what a duty in
//! rules/law.toml asks for (a consultation, a scrutiny committee, a copy sent to the
//! Commissioner), and the dates it records are recent enough. Which duty and which
//! fields are the rule's params, so each requirement is a data row.

use super::coverage::add_months;
use super::generic::blocks::{blocks, Block};
use super::{Kind, Param, ParamDefault, ParamType};
use crate::ast::{Agreement, Date, Spanned};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

const BLOCK: Param = Param {
    name: "block",
    ty: ParamType::Block,
    default: ParamDefault::Text("agreement"),
    doc: "The block that records it: the header (`agreement`) unless said.",
};

/// The `duty-recorded` kind.
pub const DUTY_RECORDED: Kind = Kind {
    name: "duty-recorded",
    doc: "Once a duty of rules/law.toml is in force on the effective date, the document records what it asks for in one of the fields named.",
    args: &["citation", "effective", "field", "in_force_from"],
    params: &[
        Param {
            name: "duty",
            ty: ParamType::Text {
                what: "a duty id from rules/law.toml",
            },
            default: ParamDefault::Required,
            doc: "The duty: its first day in force, citation and confidence come from rules/law.toml.",
        },
        BLOCK,
        Param {
            name: "fields",
            ty: ParamType::Fields { block: "block" },
            default: ParamDefault::Required,
            doc: "The fields that record it; any one of them will do.",
        },
        Param {
            name: "when",
            ty: ParamType::Fields { block: "block" },
            default: ParamDefault::Worked("always"),
            doc: "Fields of the block that make the check apply: it applies only to a block that has one of them (`scrutinised:` is asked for once `scrutiny:` names the committee).",
        },
        Param {
            name: "or_block",
            ty: ParamType::Block,
            default: ParamDefault::Worked("none"),
            doc: "A block that records it as well as the fields do (an `assessment` table records the strategic assessment).",
        },
        Param {
            name: "phrases",
            ty: ParamType::Text {
                what: "phrases separated by `;`",
            },
            default: ParamDefault::Worked("none"),
            doc: "Phrases that record it when the document's prose says them (\"crime and disorder committee\"), matched as whole words.",
        },
    ],
    run: Some(duty_recorded),
};

/// `duty-recorded`: no block of `params.block` has any of `params.fields`, in a
/// document whose effective date is on or after the duty's first day in force.
pub fn duty_recorded(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let settings = rule.settings();
    let Some(duty) = cx.law.duties.iter().find(|d| d.id == settings.text("duty")) else {
        return;
    };
    if duty
        .in_force_from
        .is_some_and(|from| from.0.first_day() > effective.first_day())
    {
        return;
    }
    let fields = settings.names("fields");
    let named = fields
        .iter()
        .map(|f| format!("`{f}:`"))
        .collect::<Vec<_>>()
        .join(" or ");
    let found = blocks(cx.doc, settings.text("block"));
    let at = match found.first() {
        Some(block) => block.header(),
        // Nothing to record it in: the header's absence is CSA010's finding.
        None if settings.text("block") == "agreement" => return,
        None => cx.document_span(),
    };
    let when = settings.names_if_given("when");
    let asked = when.is_empty()
        || found
            .iter()
            .any(|b| when.iter().any(|f| b.has(f) == Some(true)));
    if !asked {
        return;
    }
    let recorded = found
        .iter()
        .any(|b| fields.iter().any(|f| b.has(f) == Some(true)))
        || settings
            .text_if_given("or_block")
            .is_some_and(|block| !blocks(cx.doc, block).is_empty())
        || settings
            .text_if_given("phrases")
            .is_some_and(|phrases| prose_says(cx, phrases));
    if !recorded {
        out.push(
            Finding::at(at)
                .arg("citation", duty.citation.clone())
                .arg("effective", effective.to_string())
                .arg("field", named)
                .arg(
                    "in_force_from",
                    duty.in_force_from
                        .map_or_else(String::new, |d| d.0.to_string()),
                )
                .rests_on(duty.confidence),
        );
    }
}

/// Whether a paragraph of the document's prose holds one of `phrases` (separated by
/// `;`) as whole words.
fn prose_says(cx: &Context, phrases: &str) -> bool {
    let wanted: Vec<Vec<String>> = phrases
        .split(';')
        .map(matching::words)
        .filter(|w| !w.is_empty())
        .collect();
    cx.doc.items.iter().any(|item| match &item.kind {
        crate::ast::ItemKind::Prose { text, .. } => {
            let words = matching::words(text);
            wanted.iter().any(|w| matching::contains_words(&words, w))
        }
        _ => false,
    })
}

/// The `date-current` kind.
pub const DATE_CURRENT: Kind = Kind {
    name: "date-current",
    doc: "A date the header records (`assessed:`, `scrutinised:`, `sent-to-pcc:`) is no more than `months` before the effective date, or before today.",
    args: &["date", "due", "field", "months", "reference", "since"],
    params: &[
        Param {
            name: "block",
            ty: ParamType::Block,
            default: ParamDefault::Text("agreement"),
            doc: "The header (`agreement`): the only block whose dates the kind reads.",
        },
        Param {
            name: "fields",
            ty: ParamType::Fields { block: "block" },
            default: ParamDefault::Required,
            doc: "The date fields to check.",
        },
        Param {
            name: "months",
            ty: ParamType::Whole {
                min: 1,
                max: 120,
                at_least: None,
            },
            default: ParamDefault::Whole(12),
            doc: "How many months old the date may be.",
        },
        Param {
            name: "since",
            ty: ParamType::Text {
                what: "`effective` or `today`",
            },
            default: ParamDefault::Text("effective"),
            doc: "What the date is measured against: `effective` (the document's effective date) or `today` (today's date, or `--as-of`).",
        },
    ],
    run: Some(date_current),
};

/// A date field of the header, by its name.
fn date_field<'a>(a: &'a Agreement, field: &str) -> Option<&'a Spanned<Date>> {
    match field {
        "assessed" => a.assessed.as_ref(),
        "scrutinised" => a.scrutinised.as_ref(),
        "sent-to-pcc" => a.sent_to_pcc.as_ref(),
        "effective" => a.effective.as_ref(),
        _ => None,
    }
}

/// `date-current`: a header date more than `params.months` before the effective date
/// (or today).
pub fn date_current(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let settings = rule.settings();
    let today = settings.text("since") == "today";
    let reference = if today { Some(cx.as_of) } else { cx.effective };
    let Some(reference) = reference else {
        return;
    };
    let months = settings.whole("months");
    for block in blocks(cx.doc, settings.text("block")) {
        let Block::Agreement(a) = block else {
            continue;
        };
        for field in settings.names("fields") {
            let Some(date) = date_field(a, field) else {
                continue;
            };
            let due = add_months(date.value.first_day(), months);
            if due < reference.first_day() {
                out.push(
                    Finding::at(date.span)
                        .arg("date", date.value.to_string())
                        .arg("due", due.to_string())
                        .arg("field", field.as_str())
                        .arg("months", months.to_string())
                        .arg("reference", reference.to_string())
                        .arg("since", if today { "today" } else { "the effective date" }),
                );
            }
        }
    }
}
