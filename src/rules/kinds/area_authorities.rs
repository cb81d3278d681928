//! The right responsible authorities for this area (Crime and Disorder Act 1998 s5):
//! each `@authority` of a kind csa can name for the area (the councils, the police
//! force, the fire and rescue authority, the NHS body) is compared with the bodies
//! csa knows for the area on the effective date, by the place words of their names,
//! and a unitary plan for a district council is reported.

use super::Kind;
use crate::ast::DocumentKind;
use crate::knowledge::{Resolved, ResponsibleAuthority};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// The `authority-of-area` kind.
pub const AUTHORITY_OF_AREA: Kind = Kind {
    name: "authority-of-area",
    doc: "Each responsible authority the document names is the one csa knows for the document's area on the effective date, by the place in its name; a unitary plan is not written for a district.",
    args: &["advice", "area", "problem"],
    params: &[],
    run: Some(authority_of_area),
};

/// Words of a body's name that say what kind of body it is, not where: what is left
/// is the place ("Kent", "Kent and Medway", "Ashford").
const KIND_WORDS: &[&str] = &[
    "and",
    "authorities",
    "authority",
    "board",
    "boards",
    "borough",
    "care",
    "ccg",
    "chief",
    "city",
    "clinical",
    "combined",
    "commissioning",
    "constable",
    "constabulary",
    "council",
    "councils",
    "county",
    "district",
    "districts",
    "fire",
    "for",
    "frs",
    "group",
    "groups",
    "health",
    "icb",
    "integrated",
    "local",
    "metropolitan",
    "nhs",
    "of",
    "officer",
    "pct",
    "police",
    "primary",
    "rescue",
    "service",
    "services",
    "the",
    "trust",
    "unitary",
];

/// The place words of a name.
fn place_words(name: &str) -> Vec<String> {
    matching::words(name)
        .into_iter()
        .filter(|w| !KIND_WORDS.contains(&w.as_str()))
        .collect()
}

/// The kinds whose body csa can name for an area (probation is national).
const LOCAL_KINDS: &[&str] = &[
    "police",
    "fire",
    "health",
    "county-council",
    "district-council",
    "unitary-council",
];

/// `authority-of-area`: authorities of another area, and a unitary plan for a district.
pub fn authority_of_area(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(effective), Some(agreement)) = (cx.effective, cx.doc.agreement.as_ref()) else {
        return;
    };
    let Some(area) = agreement.area.as_ref() else {
        return;
    };
    let places = cx.knowledge.resolve(&area.value, Some(effective));
    // A merged partnership's councils are each of its parts'.
    let mut councils = Vec::new();
    for place in &places {
        match place {
            Resolved::Partnership(p) => councils.extend(
                p.covers
                    .iter()
                    .filter_map(|id| cx.knowledge.gazetteer().authority(id))
                    .map(Resolved::Authority),
            ),
            other => councils.push(*other),
        }
    }
    let expected: Vec<ResponsibleAuthority> = councils
        .iter()
        .flat_map(|p| cx.knowledge.responsible_authorities(*p, effective))
        .collect();
    if cx.document_kind() == DocumentKind::UnitaryPlan {
        for a in councils.iter().filter_map(|p| match p {
            Resolved::Authority(a) if a.tier == "district" && a.exists_on(effective) => Some(a),
            _ => None,
        }) {
            let county = expected
                .iter()
                .find(|e| e.kind == "county-council")
                .and_then(|e| e.name.clone())
                .unwrap_or_else(|| "the county council".to_string());
            out.push(
                Finding::at(area.span)
                    .arg("area", a.name.clone())
                    .arg(
                        "problem",
                        format!(
                            "`{}` is a district council in a two-tier county, so this is a district plan, not a unitary plan, and {county} is one of its responsible authorities",
                            a.name
                        ),
                    )
                    .arg(
                        "advice",
                        format!("write `kind: district-plan` and name {county} as an `@authority` of kind `county-council`"),
                    )
                    .rests_on(a.confidence),
            );
        }
    }
    for authority in &cx.doc.authorities {
        let (Some(kind), Some(name)) = (&authority.kind, &authority.name) else {
            continue;
        };
        // One that came through `@use` (a district plan using its county agreement
        // gets every district's council) is checked in the document it comes from.
        if cx.doc.uses.iter().any(|u| u.header_span == authority.span) {
            continue;
        }
        if !LOCAL_KINDS.contains(&kind.value.as_str()) {
            continue;
        }
        let known: Vec<&ResponsibleAuthority> = expected
            .iter()
            .filter(|e| e.kind == kind.value && e.name.is_some())
            .collect();
        let words = place_words(&name.value);
        if known.is_empty() || words.is_empty() {
            continue;
        }
        let fits = known.iter().any(|e| {
            let theirs = place_words(e.name.as_deref().unwrap_or_default());
            theirs.is_empty() || theirs.iter().any(|w| words.contains(w))
        });
        if fits {
            continue;
        }
        let names: Vec<&str> = known.iter().filter_map(|e| e.name.as_deref()).collect();
        let shown = if names.len() > 3 {
            format!("{} and {} others", names[..3].join(", "), names.len() - 3)
        } else {
            names.join(" or ")
        };
        let title = cx
            .law
            .authority_kind(&kind.value)
            .map_or(kind.value.as_str(), |k| k.title.as_str())
            .to_lowercase();
        let mut finding = Finding::at(name.span)
            .arg("area", area.value.clone())
            .arg(
                "problem",
                format!(
                    "`{}` is not the {title} csa knows for {} on {effective}: that is {shown}",
                    name.value, area.value
                ),
            )
            .arg(
                "advice",
                "name the body that serves this area, or correct `area:` if the document is for another place".to_string(),
            );
        for c in known.iter().filter_map(|e| e.confidence) {
            finding = finding.rests_on(c);
        }
        out.push(finding);
    }
}
