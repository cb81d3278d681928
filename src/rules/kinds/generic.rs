//! Kinds that work on any block, named in the rule's params: a partnership's own
//! policy ("every priority names what it includes", "no more than eight priorities")
//! is a rule pack entry, not code.

pub(crate) mod blocks;

pub use blocks::BLOCKS;

use super::{Kind, Param, ParamDefault, ParamType};
use crate::rules::{Context, Finding, Rule};

/// The `required-field` kind.
pub const REQUIRED_FIELD: Kind = Kind {
    name: "required-field",
    doc: "Fields every block of one kind must have; with the block `agreement`, a document without a header is reported too.",
    args: &["action", "block", "field", "id", "missing", "subject"],
    params: &[
        Param {
            name: "block",
            ty: ParamType::Block,
            default: ParamDefault::Required,
            doc: "The blocks to check.",
        },
        Param {
            name: "fields",
            ty: ParamType::Fields { block: "block" },
            default: ParamDefault::Required,
            doc: "The fields each of them must have.",
        },
    ],
    run: Some(required_field),
};

/// `required-field`: each block of `params.block` has every field in `params.fields`;
/// when the block is `agreement` and there is none, the missing header is reported.
pub fn required_field(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let keyword = rule.settings().text("block");
    let fields = rule.settings().names("fields");
    let found = blocks::blocks(cx.doc, keyword);
    if found.is_empty() && keyword == "agreement" {
        out.push(
            Finding::at(cx.document_span())
                .arg("block", keyword)
                .arg("subject", "the document")
                .arg("id", "")
                .arg("field", "header")
                .arg("missing", "`@agreement` header")
                .arg(
                    "action",
                    "start the document with a header such as `@agreement: NAME`, with `kind:`, `area:` and `effective:` indented under it",
                ),
        );
        return;
    }
    // A field written but unreadable is reported as such, not as missing: where each
    // field was rejected, sorted, so that each block asks in logarithmic time.
    let rejected: Vec<Vec<usize>> = fields
        .iter()
        .map(|field| {
            let mut at: Vec<usize> = cx
                .doc
                .rejected
                .iter()
                .filter(|r| r.value == *field)
                .map(|r| r.span.start.offset)
                .collect();
            at.sort_unstable();
            at
        })
        .collect();
    for block in &found {
        let extent = block.extent();
        for (field, rejected) in fields.iter().zip(&rejected) {
            let first = rejected.partition_point(|at| *at < extent.start.offset);
            let unreadable = rejected.get(first).is_some_and(|at| extent.contains(*at));
            if block.has(field) != Some(true) && !unreadable {
                let id = block.id().map(|id| format!(" `{id}`")).unwrap_or_default();
                out.push(
                    Finding::at(block.header())
                        .arg("block", keyword)
                        .arg("subject", format!("the `@{keyword}` block{id}"))
                        .arg("id", id)
                        .arg("field", field.as_str())
                        .arg("missing", format!("`{field}:`"))
                        .arg(
                            "action",
                            format!("add `{field}:` to the `@{keyword}` block"),
                        ),
                );
            }
        }
    }
}

/// The `count-bound` kind.
pub const COUNT_BOUND: Kind = Kind {
    name: "count-bound",
    doc: "How many blocks of one kind a document may have.",
    args: &["block", "count", "max", "min"],
    params: &[
        Param {
            name: "block",
            ty: ParamType::Block,
            default: ParamDefault::Required,
            doc: "The blocks to count.",
        },
        Param {
            name: "min",
            ty: ParamType::Whole {
                min: 0,
                max: u32::MAX as i64,
                at_least: None,
            },
            default: ParamDefault::Whole(0),
            doc: "The fewest the document may have.",
        },
        Param {
            name: "max",
            ty: ParamType::Whole {
                min: 0,
                max: u32::MAX as i64,
                at_least: Some("min"),
            },
            default: ParamDefault::Worked("any number"),
            doc: "The most the document may have.",
        },
    ],
    run: Some(count_bound),
};

/// `count-bound`: the number of `params.block` blocks is within `params.min` and
/// `params.max`.
pub fn count_bound(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let keyword = rule.settings().text("block");
    let count = blocks::blocks(cx.doc, keyword).len() as i64;
    let min = rule.settings().whole("min");
    let max = rule.settings().whole_if_given("max");
    if count < min || max.is_some_and(|max| count > max) {
        out.push(
            Finding::at(cx.document_span())
                .arg("block", keyword)
                .arg("count", count.to_string())
                .arg("min", min.to_string())
                .arg(
                    "max",
                    max.map_or_else(|| "any number".to_string(), |max| max.to_string()),
                ),
        );
    }
}
