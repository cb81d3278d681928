//! The bundled examples: they parse cleanly, their models hold every element of the
//! seed documents, and a snapshot of each model is reviewed in `tests/snapshots/`.

use csa::ast::{self, Document};
use serde_json::Value;

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn parse_clean(name: &str) -> Document {
    let parsed = ast::parse(&example(name));
    let messages: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} {}",
                d.span.start.line + 1,
                d.span.start.column + 1,
                d.code,
                d.message
            )
        })
        .collect();
    assert!(
        messages.is_empty(),
        "{name} has syntax diagnostics:\n{}",
        messages.join("\n")
    );
    parsed.document
}

/// A readable outline of the model: each value with the line and column (from 1)
/// where it was written. Prose items are left out (the losslessness tests cover them).
fn outline(document: &Document) -> String {
    let mut value = serde_json::to_value(document).unwrap();
    value.as_object_mut().unwrap().remove("items");
    let mut out = String::new();
    render(&value, 0, &mut out);
    out
}

fn at(span: &Value) -> String {
    let start = &span["start"];
    format!(
        "{}:{}",
        start["line"].as_u64().unwrap() + 1,
        start["column"].as_u64().unwrap() + 1
    )
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(map)
            if map.contains_key("value") && map.contains_key("span") && map.len() == 2 =>
        {
            Some(format!("{}  @{}", scalar(&map["value"])?, at(&map["span"])))
        }
        Value::Object(map) if map.contains_key("name") && map.contains_key("quoted") => {
            Some(format!(
                "{}{}  @{}",
                map["name"].as_str()?,
                if map["quoted"].as_bool()? {
                    " (quoted)"
                } else {
                    ""
                },
                at(&map["span"])
            ))
        }
        Value::Object(map)
            if map.contains_key("from") && map.contains_key("to") && map.len() == 2 =>
        {
            Some(format!(
                "{} to {}",
                map["from"].as_str()?,
                map["to"].as_str()?
            ))
        }
        _ => None,
    }
}

fn render(value: &Value, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key.ends_with("span") && key != "span" {
                    continue;
                }
                match v {
                    Value::Null => {}
                    Value::Array(a) if a.is_empty() => {}
                    _ if key == "span" => out.push_str(&format!("{pad}at: {}\n", at(v))),
                    _ => match scalar(v) {
                        Some(s) => out.push_str(&format!("{pad}{key}: {s}\n")),
                        None => {
                            out.push_str(&format!("{pad}{key}:\n"));
                            render(v, depth + 1, out);
                        }
                    },
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match scalar(item) {
                    Some(s) => out.push_str(&format!("{pad}- {s}\n")),
                    None => {
                        out.push_str(&format!("{pad}-\n"));
                        render(item, depth + 1, out);
                    }
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other).unwrap_or_default())),
    }
}

#[test]
fn kent_2022_holds_every_element_of_the_seed() {
    let doc = parse_clean("kent-2022.csa");
    let agreement = doc.agreement.as_ref().unwrap();
    assert_eq!(agreement.version.as_ref().unwrap().value, "6.0");
    assert_eq!(
        agreement.effective.as_ref().unwrap().value.to_string(),
        "2022-04-01"
    );
    assert_eq!(doc.versions.len(), 6);
    assert_eq!(doc.priorities.len(), 8);
    assert_eq!(doc.themes.len(), 5);
    // The leads table has eight rows; two of them name two leads each.
    assert_eq!(doc.leads.len(), 10);
    assert!(doc.leads.iter().all(|l| l.priority.is_some()));
    assert_eq!(doc.authorities.len(), 6);
    let plan = &doc.plans[0];
    assert_eq!(plan.objectives.len(), 13);
    assert_eq!(plan.principles.len(), 3);
    assert_eq!(
        plan.period.as_ref().unwrap().value.to.to_string(),
        "2025-03-31"
    );
    let assessment = &doc.assessments[0];
    assert_eq!(assessment.partnerships.as_ref().unwrap().value, 12);
    assert_eq!(assessment.issues.len(), 14);
    assert_eq!(doc.risk_rankings[0].items.len(), 14);
    let scan = &doc.horizon_scans[0];
    let names: Vec<&str> = scan
        .headings
        .iter()
        .map(|h| h.name.value.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "political",
            "economic",
            "social",
            "technological",
            "environmental",
            "legislation",
            "organisational"
        ]
    );
    let legislation = &scan.headings[5];
    let upcoming = legislation
        .children
        .iter()
        .find(|h| h.name.value == "upcoming")
        .unwrap();
    assert!(upcoming.items.iter().any(|i| i
        .value
        .starts_with("Police, Crime, Sentencing & Courts Bill")));
    assert_eq!(doc.links[0].items.len(), 17);
}

#[test]
fn kent_2018_leads_belong_to_no_priority() {
    let doc = parse_clean("kent-2018.csa");
    assert_eq!(doc.priorities.len(), 7);
    assert_eq!(doc.themes.len(), 4);
    assert_eq!(doc.leads.len(), 8);
    assert!(doc
        .leads
        .iter()
        .all(|l| l.priority.is_none() && l.source == "leads-table"));
    assert!(doc.priorities.iter().all(|p| p.leads.is_empty()));
    assert_eq!(doc.plans[0].objectives.len(), 12);
    assert_eq!(doc.assessments[0].issues.len(), 11);
}

#[test]
fn kent_2014_17_keeps_its_action_plan_and_broken_numbers() {
    let doc = parse_clean("kent-2014-17.csa");
    assert_eq!(doc.priorities.len(), 6);
    assert_eq!(doc.themes.len(), 4);
    assert_eq!(doc.leads.len(), 6);
    let aims: Vec<&ast::Aim> = doc.action_plans.iter().flat_map(|p| &p.aims).collect();
    assert_eq!(aims.len(), 26);
    assert_eq!(aims.iter().map(|a| a.actions.len()).sum::<usize>(), 37);
    let broken: Vec<&str> = aims
        .iter()
        .filter(|a| a.quoted)
        .map(|a| a.number.value.as_str())
        .collect();
    assert_eq!(broken, ["Page 3 Page 41", "Page 43 5.3"]);
    assert!(doc.versions.iter().all(|v| v.scope == "action-plan"));
}

#[test]
fn minimal_passes_every_rule() {
    let doc = parse_clean("minimal.csa");
    let options = csa::rules::Options {
        as_of: ast::Date::parse("2024-06-01"),
        ..Default::default()
    };
    let findings = csa::rules::check(&doc, &csa::rules::Registry::bundled(), &options);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn snapshot_kent_2022() {
    insta::assert_snapshot!(outline(&parse_clean("kent-2022.csa")));
}

#[test]
fn snapshot_kent_2018() {
    insta::assert_snapshot!(outline(&parse_clean("kent-2018.csa")));
}

#[test]
fn snapshot_kent_2014_17() {
    insta::assert_snapshot!(outline(&parse_clean("kent-2014-17.csa")));
}

#[test]
fn snapshot_minimal() {
    insta::assert_snapshot!(outline(&parse_clean("minimal.csa")));
}

#[test]
fn one_missing_colon_is_one_diagnostic_and_the_rest_still_lowers() {
    let text = example("kent-2022.csa");
    let original = ast::parse(&text).document;
    let broken = text.replacen("@priority SVOC: Serious", "@priority SVOC Serious", 1);
    assert_ne!(broken, text);
    let line = broken[..broken.find("@priority SVOC").unwrap()]
        .matches('\n')
        .count();
    let parsed = ast::parse(&broken);
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.span.start.line as usize, line);
    assert_eq!(d.message, "expected `:` after the priority id `SVOC`");
    let doc = parsed.document;
    // The damaged priority keeps its id; everything after it is intact (at the same
    // lines and columns: only byte offsets move, by the one byte removed).
    assert_eq!(doc.priorities.len(), original.priorities.len());
    assert!(doc.priorities.iter().any(|p| p.id.value == "SVOC"));
    let after = |d: &Document| {
        let mut v = serde_json::to_value(d).unwrap();
        let map = v.as_object_mut().unwrap();
        for key in ["agreement", "versions", "priorities", "items"] {
            map.remove(key);
        }
        strip_offsets(&mut v);
        v
    };
    assert_eq!(after(&doc), after(&original));
}

fn strip_offsets(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("offset");
            map.values_mut().for_each(strip_offsets);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_offsets),
        _ => {}
    }
}

#[test]
fn a_missing_colon_in_a_field_is_reported_on_its_line_only() {
    let text = example("kent-2022.csa");
    let broken = text.replacen("  period: 2022-04-01", "  period 2022-04-01", 1);
    let parsed = ast::parse(&broken);
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    assert_eq!(parsed.diagnostics[0].message, "expected `:` after `period`");
    assert_eq!(parsed.document.plans[0].objectives.len(), 13);
}
