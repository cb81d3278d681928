//! What the 2007 Regulations reg 9 asks of a two-tier county's community safety
//! agreement beyond its priorities: the county strategy group's members, the
//! district strategic assessments it rests on, and the co-ordinated or joint working
//! of each priority. The county's districts come from the gazetteer; the duty's first
//! day, citation and confidence from rules/law.toml.

use super::{Kind, Param, ParamDefault, ParamType};
use crate::ast::DocumentKind;
use crate::diagnostics::{Applicability, Fix};
use crate::knowledge::law::Duty;
use crate::knowledge::Resolved;
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;
use crate::text::Span;

const DUTY: Param = Param {
    name: "duty",
    ty: ParamType::Text {
        what: "a duty id from rules/law.toml",
    },
    default: ParamDefault::Text("county-strategy-group"),
    doc: "The duty whose first day in force starts the check, and whose citation and confidence the finding carries.",
};

/// `Some(duty)` for a county agreement whose effective date is on or after the
/// duty's first day.
fn in_force<'l>(cx: &Context<'l>, rule: &Rule) -> Option<&'l Duty> {
    if cx.document_kind() != DocumentKind::CountyAgreement {
        return None;
    }
    let effective = cx.effective?;
    let duty = cx
        .law
        .duties
        .iter()
        .find(|d| d.id == rule.settings().text("duty"))?;
    duty.in_force_from
        .is_none_or(|from| from.0.first_day() <= effective.first_day())
        .then_some(duty)
}

/// A district partnership of the county: the name to show, and the place names (its
/// districts, and a merged partnership's own name) that identify it in a line.
struct DistrictPartnership {
    name: String,
    names: Vec<String>,
}

/// The district partnerships of the county the header's `area:` names, on the
/// effective date (a merged partnership counted once); `None` when the area is not a
/// county csa knows with districts.
fn district_partnerships(cx: &Context) -> Option<Vec<DistrictPartnership>> {
    let effective = cx.effective?;
    let area = cx.doc.agreement.as_ref()?.area.as_ref()?;
    let g = cx.knowledge.gazetteer();
    // "Kent" is a police area as well as a county: the county council is the one.
    let county = cx
        .knowledge
        .resolve(&area.value, Some(effective))
        .into_iter()
        .find_map(|p| match p {
            Resolved::Authority(a) if a.tier == "county" => Some(a),
            _ => None,
        })
        .or_else(|| {
            g.authorities_named(&area.value)
                .into_iter()
                .find(|a| a.tier == "county" && a.exists_on(effective))
        })?;
    let mut out: Vec<DistrictPartnership> = Vec::new();
    for d in g.districts_of(&county.id, effective) {
        let merged = g.partnerships.iter().find(|p| {
            p.covers.len() > 1
                && p.covers.contains(&d.id)
                && crate::knowledge::within(effective, p.from, p.until)
        });
        match merged {
            Some(p) => {
                if let Some(known) = out.iter_mut().find(|k| k.name == p.name) {
                    known.names.push(d.area.clone());
                } else {
                    let mut names = vec![p.name.clone(), d.area.clone()];
                    names.extend(p.aliases.iter().cloned());
                    out.push(DistrictPartnership {
                        name: p.name.clone(),
                        names,
                    });
                }
            }
            None => {
                let mut names = vec![d.area.clone()];
                names.extend(d.aliases.iter().cloned());
                out.push(DistrictPartnership {
                    name: d.area.clone(),
                    names,
                });
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `text` holds one of `phrases` as whole words.
fn mentions(text: &str, phrases: &[&str]) -> bool {
    let words = matching::words(text);
    phrases
        .iter()
        .any(|p| matching::contains_words(&words, &matching::words(p)))
}

/// Whether `text` speaks of chairs in the plural (matching folds "chairs" to
/// "chair", so the word is looked for as written).
fn plural_chairs(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("chairs"))
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `county-group-members` kind.
pub const COUNTY_GROUP_MEMBERS: Kind = Kind {
    name: "county-group-members",
    doc: "A county agreement's `member:` lines name the members the county strategy group must have: the chair of each district partnership (the districts from the gazetteer), the county council's lead member for community safety, and the police, fire and health representatives.",
    args: &["citation", "missing", "problem"],
    params: &[DUTY],
    run: Some(group_members),
};

const CHAIR: &[&str] = &["chair", "chairs", "chairman", "chairwoman", "chairperson"];
const EACH: &[&str] = &["each", "every", "all"];
const DISTRICT_PARTNERSHIPS: &[&str] = &[
    "partnership",
    "partnerships",
    "CSP",
    "CSPs",
    "district",
    "districts",
    "borough",
    "boroughs",
];
const LEAD_MEMBER: &[&str] = &[
    "lead member",
    "cabinet member",
    "portfolio holder",
    "councillor",
    "cllr",
];
const POLICE: &[&str] = &["police", "constabulary", "chief constable"];
const FIRE: &[&str] = &["fire"];
const HEALTH: &[&str] = &[
    "health",
    "NHS",
    "integrated care board",
    "ICB",
    "clinical commissioning group",
    "CCG",
    "primary care trust",
    "PCT",
];

/// `county-group-members`: the required members no `member:` line names, or all of
/// them when the agreement lists no members.
pub fn group_members(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(duty) = in_force(cx, rule) else {
        return;
    };
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let lines: Vec<&str> = agreement
        .members
        .iter()
        .map(|m| m.value.as_str())
        .filter(|m| !m.trim().is_empty())
        .collect();
    let mut missing: Vec<String> = Vec::new();
    // The fix's lines: the roles the law names, the names left as prompts in
    // brackets (which CSA015 asks to be filled in), so that nothing is invented.
    let mut prompts: Vec<String> = Vec::new();
    // "Chairs of the local Community Safety Partnerships": every district's chair.
    let all_chairs = lines.iter().any(|l| {
        (plural_chairs(l) || (mentions(l, CHAIR) && mentions(l, EACH)))
            && mentions(l, DISTRICT_PARTNERSHIPS)
    });
    match district_partnerships(cx) {
        _ if all_chairs => {}
        Some(partnerships) => {
            let unchaired: Vec<String> = partnerships
                .iter()
                .filter(|p| {
                    !lines.iter().any(|l| {
                        mentions(l, CHAIR) && p.names.iter().any(|n| mentions(l, &[n.as_str()]))
                    })
                })
                .map(|p| p.name.clone())
                .collect();
            for name in &unchaired {
                prompts.push(format!("Chair, [the {name} partnership's name]"));
            }
            if unchaired.len() == partnerships.len() {
                missing.push("the chair of each district partnership".into());
            } else if !unchaired.is_empty() {
                missing.push(format!(
                    "the chair of the {} partnership{}",
                    and_list(&unchaired),
                    if unchaired.len() > 1 { "s" } else { "" }
                ));
            }
        }
        None => {
            if !lines.iter().any(|l| mentions(l, CHAIR)) {
                missing.push("the chair of each district partnership".into());
                prompts.push("Chairs of the district partnerships, [their names]".into());
            }
        }
    }
    let others: [(&str, &[&str], &str); 4] = [
        (
            "the county council's lead member for community safety",
            LEAD_MEMBER,
            "Lead member for community safety, [the county council]",
        ),
        (
            "a representative of the police",
            POLICE,
            "[role], [the police force]",
        ),
        (
            "a representative of the fire and rescue authority",
            FIRE,
            "[role], [the fire and rescue service]",
        ),
        (
            "a representative of health",
            HEALTH,
            "[role], [the health body]",
        ),
    ];
    for (who, words, prompt) in others {
        if !lines.iter().any(|l| mentions(l, words)) {
            missing.push(who.into());
            prompts.push(prompt.into());
        }
    }
    if missing.is_empty() {
        return;
    }
    let at = agreement
        .members
        .first()
        .map_or(agreement.header_span, |m| m.span);
    let problem = if lines.is_empty() {
        "the agreement does not list the members of the county strategy group".to_string()
    } else {
        "the county strategy group's members listed do not include everyone the law names"
            .to_string()
    };
    out.push(
        Finding::at(at)
            .arg("citation", duty.citation.clone())
            .arg("missing", and_list(&missing))
            .arg("problem", problem)
            .rests_on(duty.confidence)
            .fix(Fix {
                title: "Add a `member:` line for each member missing, names to fill in".to_string(),
                applicability: Applicability::DisplayOnly,
                edits: vec![super::insert_after(
                    agreement.header_span,
                    &prompts
                        .iter()
                        .map(|p| format!("  member: {p}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                )],
            }),
    );
}

/// The `county-district-assessments` kind.
pub const COUNTY_DISTRICT_ASSESSMENTS: Kind = Kind {
    name: "county-district-assessments",
    doc: "A county agreement's `@assessment` shows it rests on the strategic assessment of every district partnership of the county (the districts from the gazetteer): a `district:` line for each, or a `partnerships:` count equal to theirs.",
    args: &["citation", "count", "missing", "total"],
    params: &[DUTY],
    run: Some(district_assessments),
};

/// `county-district-assessments`: the district partnerships whose assessment no
/// `@assessment` lists.
pub fn district_assessments(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(duty) = in_force(cx, rule) else {
        return;
    };
    let Some(agreement) = &cx.doc.agreement else {
        return;
    };
    let Some(partnerships) = district_partnerships(cx) else {
        return;
    };
    let rows: Vec<&str> = cx
        .doc
        .assessments
        .iter()
        .flat_map(|a| &a.districts)
        .map(|d| d.value.as_str())
        .collect();
    let at: Span = cx
        .doc
        .assessments
        .first()
        .map_or(agreement.header_span, |a| a.span);
    if rows.is_empty() {
        // A table that counts as many assessments as there are partnerships shows
        // that every district's was used (CSA973 checks the count in a workspace).
        let counted = cx
            .doc
            .assessments
            .iter()
            .filter_map(|a| a.partnerships.as_ref())
            .any(|n| n.value as usize == partnerships.len());
        if counted {
            return;
        }
    }
    let missing: Vec<String> = partnerships
        .iter()
        .filter(|p| {
            !rows
                .iter()
                .any(|r| p.names.iter().any(|n| mentions(r, &[n.as_str()])))
        })
        .map(|p| p.name.clone())
        .collect();
    if missing.is_empty() {
        return;
    }
    out.push(
        Finding::at(at)
            .arg("citation", duty.citation.clone())
            .arg("count", missing.len().to_string())
            .arg("missing", and_list(&missing))
            .arg("total", partnerships.len().to_string())
            .rests_on(duty.confidence),
    );
}

/// The `county-joint-working` kind.
pub const COUNTY_JOINT_WORKING: Kind = Kind {
    name: "county-joint-working",
    doc: "Each priority of a county agreement says how the partners work on it together: a `joint-working:` line, leads from two or more organisations or from a partnership, or words of joint working (joint, multi-agency, co-ordinated, working together) in what it includes, in the text under it or in its action plan.",
    args: &["citation", "id"],
    params: &[DUTY],
    run: Some(joint_working),
};

/// The prose lines written under a block, up to the next heading or block.
fn prose_under<'d>(cx: &Context<'d>, header: Span) -> impl Iterator<Item = &'d str> {
    use crate::ast::ItemKind;
    cx.doc
        .items
        .iter()
        .skip_while(move |item| item.span.end.offset <= header.start.offset)
        .skip(1)
        .take_while(|item| {
            matches!(
                item.kind,
                ItemKind::Prose { .. } | ItemKind::Blank | ItemKind::Comment
            )
        })
        .filter_map(|item| match &item.kind {
            ItemKind::Prose { text, .. } => Some(text.as_str()),
            _ => None,
        })
}

/// Words that say partners work together.
const JOINTLY: &[&str] = &[
    "joint",
    "jointly",
    "multi-agency",
    "multiagency",
    "co-ordinated",
    "coordinated",
    "partnership working",
    "working together",
    "work together",
    "together with",
    "working closely with",
    "with partner agencies",
];

/// `county-joint-working`: a priority with no `joint-working:`, leads from fewer than
/// two organisations, and no words of joint working in what it includes or in its
/// action plan's aims and actions.
pub fn joint_working(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let Some(duty) = in_force(cx, rule) else {
        return;
    };
    let lookup = crate::ast::PriorityLookup::new(cx.doc);
    // Every lead line with the priority it belongs to, wherever it is written.
    let leads: Vec<(&str, &crate::ast::Lead)> = cx
        .doc
        .priorities
        .iter()
        .flat_map(|p| &p.leads)
        .chain(&cx.doc.leads)
        .chain(cx.doc.action_plans.iter().flat_map(|a| &a.leads))
        .filter_map(|l| {
            let named = l.priority.as_ref()?;
            let p = lookup.find(&named.name)?;
            Some((p.id.value.as_str(), l))
        })
        .collect();
    for p in &cx.doc.priorities {
        if p.joint_working
            .as_ref()
            .is_some_and(|j| !j.value.trim().is_empty())
        {
            continue;
        }
        let mut organisations: Vec<String> = leads
            .iter()
            .filter(|(id, _)| *id == p.id.value.as_str())
            .filter_map(|(_, l)| l.organisation.as_ref())
            .map(|o| matching::words(&o.value).join(" "))
            .filter(|o| !o.is_empty())
            .collect();
        organisations.sort();
        organisations.dedup();
        // Two organisations lead it, or one that is itself a partnership of several.
        if organisations.len() >= 2
            || organisations
                .iter()
                .any(|o| mentions(o, &["partnership", "multi-agency"]))
        {
            continue;
        }
        let said = p
            .includes
            .iter()
            .chain(&p.note)
            .map(|t| t.value.as_str())
            .chain(
                cx.doc
                    .action_plans
                    .iter()
                    .filter(|a| {
                        lookup
                            .find(&a.priority.name)
                            .is_some_and(|q| q.id.value == p.id.value)
                    })
                    .flat_map(|a| &a.aims)
                    .flat_map(|aim| aim.text.iter().chain(&aim.actions))
                    .map(|t| t.value.as_str()),
            )
            .chain(prose_under(cx, p.header_span))
            .any(|t| mentions(t, JOINTLY));
        if said {
            continue;
        }
        out.push(
            Finding::at(p.header_span)
                .arg("citation", duty.citation.clone())
                .arg("id", format!(" `{}`", p.id.value))
                .rests_on(duty.confidence)
                .fix(Fix {
                    title: "Add a joint-working placeholder".to_string(),
                    applicability: Applicability::DisplayOnly,
                    edits: vec![super::insert_after(
                        p.header_span,
                        "  joint-working: WHICH PARTNERS WORK ON IT TOGETHER, AND HOW",
                    )],
                }),
        );
    }
}
