//! Kinds that work on any block, named in the rule's params: a partnership's own
//! policy ("every priority names what it includes", "no more than eight priorities")
//! is a rule pack entry, not code.

use serde_json::Value;

use crate::rules::{Context, Finding, Rule};
use crate::text::Span;

/// The document's collection of blocks with this keyword, as JSON objects.
fn blocks(cx: &Context, keyword: &str) -> Vec<Value> {
    let key = match keyword {
        "agreement" => {
            return cx
                .doc
                .agreement
                .as_ref()
                .map(|a| serde_json::to_value(a).expect("the model serialises"))
                .into_iter()
                .collect()
        }
        "priority" => "priorities",
        "theme" => "themes",
        "authority" => "authorities",
        "body" => "bodies",
        "version" => "versions",
        "plan" => "plans",
        "action-plan" => "action_plans",
        "assessment" => "assessments",
        "risk-ranking" => "risk_rankings",
        "horizon-scan" => "horizon_scans",
        "links" => "links",
        "contact" => "contacts",
        "leads" => "leads",
        _ => return Vec::new(),
    };
    match serde_json::to_value(cx.doc)
        .expect("the model serialises")
        .get(key)
    {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    }
}

fn span_of(value: &Value) -> Option<Span> {
    let span = value.get("header_span").or_else(|| value.get("span"))?;
    serde_json::from_value(span.clone()).ok()
}

/// The JSON key of a field name (`not-adopted` → `not_adopted`, `lead` → `leads`).
fn field_key(field: &str) -> String {
    match field {
        "lead" => "leads".to_string(),
        "principle" => "principles".to_string(),
        "objective" => "objectives".to_string(),
        "aim" => "aims".to_string(),
        "issue" => "issues".to_string(),
        other => other.replace('-', "_"),
    }
}

fn is_missing(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Object(o)) => o
            .get("value")
            .is_some_and(|v| v.as_str().is_some_and(|s| s.trim().is_empty())),
        _ => false,
    }
}

/// `required-field`: each block of `params.block` has every field in `params.fields`;
/// when the block is `agreement` and there is none, the missing header is reported.
pub fn required_field(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(keyword) = rule.param_str("block") else {
        return;
    };
    let fields: Vec<&str> = rule
        .params
        .get("fields")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let found = blocks(cx, keyword);
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
    for block in &found {
        let Some(span) = span_of(block) else {
            continue;
        };
        for field in &fields {
            // The block's whole extent (its header span is only the first line).
            let extent: Option<Span> = block
                .get("span")
                .and_then(|s| serde_json::from_value(s.clone()).ok());
            let rejected = cx.doc.rejected.iter().any(|r| {
                r.value == *field && extent.is_some_and(|e| e.contains(r.span.start.offset))
            });
            if is_missing(block.get(field_key(field).as_str())) && !rejected {
                let id = block
                    .get("id")
                    .and_then(|i| i.get("value"))
                    .and_then(|v| v.as_str())
                    .map(|id| format!(" `{id}`"))
                    .unwrap_or_default();
                out.push(
                    Finding::at(span)
                        .arg("block", keyword)
                        .arg("subject", format!("the `@{keyword}` block{id}"))
                        .arg("id", id)
                        .arg("field", *field)
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

/// `count-bound`: the number of `params.block` blocks is within `params.min` and
/// `params.max`.
pub fn count_bound(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(keyword) = rule.param_str("block") else {
        return;
    };
    let count = blocks(cx, keyword).len() as i64;
    let min = rule.param_int("min").unwrap_or(0);
    let max = rule.param_int("max").unwrap_or(i64::MAX);
    if count < min || count > max {
        out.push(
            Finding::at(cx.document_span())
                .arg("block", keyword)
                .arg("count", count.to_string())
                .arg("min", min.to_string())
                .arg(
                    "max",
                    if max == i64::MAX {
                        "any number".to_string()
                    } else {
                        max.to_string()
                    },
                ),
        );
    }
}
