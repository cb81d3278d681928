//! One cause, one finding: the checks that stand in for many findings when a whole
//! part of the document is missing (its priorities, its partner list, a plan's
//! objectives), the weaker finding for an area mentioned only inside another
//! priority, and who runs the partnership.

use super::Kind;
use crate::ast::{Lead, Organisation};
use crate::knowledge::law::Area;
use crate::rules::{Context, Finding, Rule, Topic};
use crate::text::matching;

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The keywords of `area` found in `words`, as written in the law data.
fn keywords_in<'a>(area: &'a Area, words: &[String]) -> Vec<&'a str> {
    let mut seen: Vec<&Vec<String>> = Vec::new();
    let mut found = Vec::new();
    for (keyword, folded) in area.keywords.iter().zip(area.folded_keywords()) {
        // "drug" and "drugs" fold alike: name each once.
        if matching::contains_words(words, folded) && !seen.contains(&folded) {
            seen.push(folded);
            found.push(keyword.as_str());
        }
    }
    found
}

/// The `no-priorities` kind.
pub const NO_PRIORITIES: Kind = Kind {
    name: "no-priorities",
    doc: "A document with no priorities or themes yet: one finding, naming the areas its prose says it covers.",
    args: &["areas", "effective", "stated"],
    params: &[],
    run: Some(no_priorities),
};

/// `no-priorities`: a document that sets out no priorities or themes yet (an
/// introduction, a draft). Reported once, instead of once per statutory area and
/// once per plan objective, with the areas its prose says it covers.
pub fn no_priorities(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    if !cx.topics().is_empty() {
        return;
    }
    let prose: Vec<String> = cx
        .doc
        .items
        .iter()
        .filter_map(|item| match &item.kind {
            crate::ast::ItemKind::Prose { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .chain(cx.doc.outline.iter().map(|h| h.text.value.as_str()))
        .flat_map(matching::words)
        .collect();
    let areas: Vec<&Area> = cx
        .law
        .areas
        .iter()
        .filter(|a| a.in_force_on(effective))
        .collect();
    let stated: Vec<String> = areas
        .iter()
        .filter(|a| !keywords_in(a, &prose).is_empty())
        .map(|a| a.title.to_lowercase())
        .collect();
    let required: Vec<String> = areas.iter().map(|a| a.title.to_lowercase()).collect();
    out.push(
        Finding::at(cx.document_span())
            .arg("effective", effective.to_string())
            .arg("areas", and_list(&required))
            .arg(
                "stated",
                if stated.is_empty() {
                    "its text mentions none of them".to_string()
                } else {
                    format!("its text says it covers {}", and_list(&stated))
                },
            ),
    );
}

/// The first priority or theme whose `includes:` or note (not its title) names the
/// area, and the words that did.
pub fn mentioned_in<'t>(
    area: &Area,
    topics: &'t [Topic<'t>],
) -> Option<(&'t Topic<'t>, Vec<String>)> {
    topics.iter().find_map(|t| {
        let found = keywords_in(area, t.description_words());
        (!found.is_empty()).then(|| (t, found.iter().map(|k| k.to_string()).collect()))
    })
}

/// Whether a priority or theme addresses `area` by declaring it or by its title.
fn addressed(area: &Area, topics: &[Topic]) -> bool {
    topics.iter().any(|t| {
        t.addresses.iter().any(|a| a.name == area.id)
            || !keywords_in(area, &t.title_words).is_empty()
    })
}

/// The `area-only-mentioned` kind.
pub const AREA_ONLY_MENTIONED: Kind = Kind {
    name: "area-only-mentioned",
    doc: "A statutory area no priority or theme addresses, mentioned only in one's `includes:` or note.",
    args: &["area", "area_title", "basis", "id", "keyword", "title", "words"],
    params: &[],
    run: Some(only_mentioned),
};

/// `area-only-mentioned`: a statutory area no priority or theme addresses, that one
/// mentions among what it includes ("Keeping Young People Safe" includes knife crime).
/// Weaker than an uncovered area: the partnership may treat it there on purpose.
pub fn only_mentioned(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    let topics = cx.topics();
    for area in cx.law.areas.iter().filter(|a| a.in_force_on(effective)) {
        if addressed(area, topics) {
            continue;
        }
        if let Some((topic, words)) = mentioned_in(area, topics) {
            out.push(
                Finding::at(topic.header_span)
                    .arg("area", area.id.clone())
                    .arg("area_title", area.title.to_lowercase())
                    .arg("basis", area.basis())
                    .arg("keyword", topic.keyword)
                    .arg("id", topic.id)
                    .arg("title", topic.title)
                    .arg(
                        "words",
                        and_list(&words.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>()),
                    )
                    .rests_on(area.confidence),
            );
        }
    }
}

/// The `no-authority-list` kind.
pub const NO_AUTHORITY_LIST: Kind = Kind {
    name: "no-authority-list",
    doc: "A document that lists no `@authority` at all: one finding, not one per kind.",
    args: &["effective", "kinds"],
    params: &[],
    run: Some(no_authorities),
};

/// `no-authority-list`: a document that lists no responsible authority at all,
/// reported once instead of once per kind of authority.
pub fn no_authorities(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    if !cx.doc.authorities.is_empty() {
        return;
    }
    let doc_kind = cx.document_kind();
    let kinds: Vec<String> = cx
        .law
        .authority_kinds
        .iter()
        .filter(|k| k.required_on(effective))
        .filter(|k| {
            k.required_in.is_empty() || k.required_in.iter().any(|d| d == doc_kind.as_str())
        })
        .map(|k| format!("`{}`", k.id))
        .collect();
    if kinds.is_empty() {
        return;
    }
    out.push(
        Finding::at(cx.document_span())
            .arg("effective", effective.to_string())
            .arg("kinds", and_list(&kinds)),
    );
}

/// What a governance field names: the organisation of `ROLE, ORGANISATION`, or the
/// whole value (an id or a name).
fn organisation_part(value: &str) -> &str {
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ',' if depth == 0 => last = Some(i),
            _ => {}
        }
    }
    last.map_or(value, |i| &value[i + 1..]).trim()
}

fn find_organisation<'a>(list: &'a [Organisation], text: &str) -> Option<&'a Organisation> {
    list.iter().find(|o| {
        o.id.value == text
            || o.name
                .as_ref()
                .is_some_and(|n| matching::same_organisation(text, &n.value, &o.id.value))
    })
}

/// Words that show the office of a Police and Crime Commissioner, which is not a
/// responsible authority (Crime and Disorder Act 1998 s5).
fn names_commissioner(text: &str) -> bool {
    let words = matching::words(text);
    [
        "police and crime commissioner",
        "opcc",
        "pcc",
        "office of the police and crime commissioner",
        "commissioner",
    ]
    .iter()
    .any(|phrase| matching::contains_words(&words, &matching::words(phrase)))
}

/// The `governance-body` kind.
pub const GOVERNANCE_BODY: Kind = Kind {
    name: "governance-body",
    doc: "`chair:` or `convened-by:` names a `@body` or the Commissioner's office, not a responsible authority.",
    args: &["field", "organisation", "role"],
    params: &[],
    run: Some(governance),
};

/// `governance-body`: the partnership is chaired or convened by a body that is not a
/// responsible authority (a `@body`, or the Commissioner's office).
pub fn governance(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    for (field, value) in [
        ("chair", &agreement.chair),
        ("convened-by", &agreement.convened_by),
    ] {
        let Some(value) = value else {
            continue;
        };
        let organisation = organisation_part(&value.value);
        if find_organisation(&cx.doc.authorities, organisation).is_some() {
            continue;
        }
        let body = find_organisation(&cx.doc.bodies, organisation);
        if body.is_none() && !names_commissioner(organisation) {
            continue;
        }
        let name = body
            .and_then(|b| b.name.as_ref())
            .map_or(organisation.to_string(), |n| n.value.clone());
        out.push(
            Finding::at(value.span)
                .arg("field", field)
                .arg("organisation", name)
                .arg(
                    "role",
                    if field == "chair" {
                        "chaired"
                    } else {
                        "convened"
                    },
                ),
        );
    }
}

/// Whether a name says only "health" (or "NHS"), with no body.
fn bare_health(name: &str) -> bool {
    let words = matching::content_words(name);
    !words.is_empty()
        && words
            .iter()
            .all(|w| matches!(w.as_str(), "health" | "nhs" | "partner"))
}

/// The `health-body-unnamed` kind.
pub const HEALTH_BODY_UNNAMED: Kind = Kind {
    name: "health-body-unnamed",
    doc: "A health partner named only as \"Health\", with no body.",
    args: &["advice", "name"],
    params: &[],
    run: Some(health_unnamed),
};

/// `health-body-unnamed`: a health partner named only as "Health": the body that is
/// the responsible authority (a Primary Care Trust, a clinical commissioning group,
/// an Integrated Care Board) cannot be told.
pub fn health_unnamed(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let current = cx.effective.and_then(|effective| {
        cx.law
            .authority_kinds
            .iter()
            .find(|k| k.id == "health")
            .and_then(|k| k.names.iter().find(|n| n.valid_on(effective)))
            .map(|n| n.name.clone())
    });
    let advice = match &current {
        Some(name) => format!("name the body: on the effective date it is the {name} for the area"),
        None => "name the body that is the health responsible authority for the area".to_string(),
    };
    for authority in &cx.doc.authorities {
        let name = authority.name.as_ref().map_or("", |n| n.value.as_str());
        if bare_health(name) {
            out.push(
                Finding::at(authority.name.as_ref().map_or(authority.span, |n| n.span))
                    .arg("name", name)
                    .arg("advice", advice.clone()),
            );
        }
    }
    let mut reported: Vec<&str> = Vec::new();
    let leads: Vec<&Lead> = cx
        .doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&cx.doc.leads)
        .chain(cx.doc.action_plans.iter().flat_map(|a| &a.leads))
        .collect();
    for lead in leads {
        let Some(org) = &lead.organisation else {
            continue;
        };
        if bare_health(&org.value) && !reported.contains(&org.value.as_str()) {
            reported.push(&org.value);
            out.push(
                Finding::at(org.span)
                    .arg("name", org.value.clone())
                    .arg("advice", advice.clone()),
            );
        }
    }
}

/// The `plan-objectives-listed` kind.
pub const PLAN_OBJECTIVES_LISTED: Kind = Kind {
    name: "plan-objectives-listed",
    doc: "A `@plan` recorded without its objectives.",
    args: &["plan"],
    params: &[],
    run: Some(objectives_listed),
};

/// `plan-objectives-listed`: a Police and Crime Plan recorded without its objectives:
/// the document cannot show regard to objectives it does not list.
pub fn objectives_listed(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    for plan in cx.doc.plans.iter().filter(|p| p.objectives.is_empty()) {
        out.push(
            Finding::at(plan.header_span).arg(
                "plan",
                plan.title
                    .as_ref()
                    .map_or(plan.id.value.clone(), |t| t.value.clone()),
            ),
        );
    }
}
