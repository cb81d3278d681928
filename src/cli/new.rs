//! `csa new`: the skeleton of an agreement or plan for an area csa knows, built from
//! the law in force on its date and the knowledge base (gazetteer, bodies, Police and
//! Crime Plans), that passes `csa check` as it stands.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::ast::schema::DOCUMENT_KINDS;
use crate::ast::Date;
use crate::ast::DocumentKind;
use crate::knowledge::law::Law;
use crate::knowledge::{Knowledge, Plan, Resolved};
use crate::rules::Registry;

/// The command line's settings for `new`.
pub struct Args {
    /// `county-agreement`, `district-plan` or `unitary-plan`.
    pub kind: String,
    /// The area, as the gazetteer knows it.
    pub area: String,
    /// The effective date (default: today).
    pub effective: Option<String>,
    /// Where to write (default: standard output).
    pub output: Option<PathBuf>,
}

/// Why no skeleton could be made: what to tell the user, and what to do.
#[derive(Debug)]
pub struct NewError {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

fn refuse(message: impl Into<String>, help: impl Into<String>) -> NewError {
    NewError {
        message: message.into(),
        help: help.into(),
    }
}

/// Runs `csa new`; returns the exit code.
pub fn run(args: Args) -> u8 {
    let registry = Registry::bundled();
    let effective = match args.effective.as_deref() {
        Some(text) => match Date::parse(text).filter(|d| d.day.is_some()) {
            Some(d) => d,
            None => {
                eprintln!("error: `{text}` is not a date\n  help: write it as YYYY-MM-DD, such as 2025-04-01");
                return 2;
            }
        },
        None => crate::ast::today(),
    };
    match skeleton(&registry, &args.kind, &args.area, effective) {
        Ok(text) => {
            match &args.output {
                Some(path) if path.exists() => {
                    eprintln!(
                    "error: `{}` exists already\n  help: choose another file name, or delete it first",
                    path.display()
                );
                    2
                }
                Some(path) => match crate::files::write_output(Some(path), text.as_bytes()) {
                    Ok(()) => {
                        eprintln!(
                        "wrote {}: replace each [prompt in square brackets] with your own words, then run `csa check {}`",
                        path.display(),
                        super::files::shell_word(path)
                    );
                        0
                    }
                    Err(e) => {
                        eprintln!("error: {e}\n  help: check that the folder exists and you may write to it");
                        2
                    }
                },
                None => {
                    print!("{text}");
                    0
                }
            }
        }
        Err(e) => {
            eprintln!("error: {}\n  help: {}", e.message, e.help);
            2
        }
    }
}

/// Tiers of local authority that make a unitary area.
const UNITARY_TIERS: &[&str] = &[
    "unitary",
    "metropolitan-district",
    "london-borough",
    "city-of-london",
    "isles-of-scilly",
];

/// The kind of document an authority of this tier writes.
fn kind_for_tier(tier: &str) -> DocumentKind {
    match tier {
        "county" => DocumentKind::CountyAgreement,
        "district" => DocumentKind::DistrictPlan,
        _ => DocumentKind::UnitaryPlan,
    }
}

/// The skeleton of a document of `kind` for `area`, effective on `effective`.
pub fn skeleton(
    registry: &Registry,
    kind: &str,
    area: &str,
    effective: Date,
) -> Result<String, NewError> {
    if !DOCUMENT_KINDS.contains(&kind) {
        let hint = crate::ast::schema::did_you_mean(kind, DOCUMENT_KINDS.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        return Err(refuse(
            format!("`{kind}` is not a kind of document"),
            format!("{hint}the kinds are {}", DOCUMENT_KINDS.join(", ")),
        ));
    }
    let law = &registry.law;
    let first_law = law.areas.iter().map(|a| a.in_force_from.0).min();
    if !law.areas.iter().any(|a| a.in_force_on(effective)) {
        return Err(refuse(
            format!("csa has no law for {effective}"),
            format!(
                "csa knows the statutory strategy areas from {}; choose a later --effective date",
                first_law.map_or("its first date".to_string(), |d| d.to_string())
            ),
        ));
    }
    let k = &registry.knowledge;
    let resolved = k.resolve(area, Some(effective));
    let Some(place) = resolved
        .iter()
        .copied()
        .find(|r| matches!(r, Resolved::Authority(_)))
        .or_else(|| resolved.first().copied())
    else {
        let hint = k
            .suggest(area)
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        return Err(refuse(
            format!("csa does not know the area `{area}` on {effective}"),
            format!("{hint}`csa law areas` lists the areas csa knows"),
        ));
    };
    let Resolved::Authority(authority) = place else {
        return Err(refuse(
            format!(
                "`{area}` is {} rather than a council area",
                match place {
                    Resolved::PoliceArea(_) => "a police force area",
                    _ => "a partnership of several councils",
                }
            ),
            "name the county, district or unitary council area the document covers",
        ));
    };
    let written = DocumentKind::parse(kind);
    let tiered = ["county", "district"].contains(&authority.tier.as_str())
        || UNITARY_TIERS.contains(&authority.tier.as_str());
    if tiered && written != Some(kind_for_tier(&authority.tier)) {
        let right = kind_for_tier(&authority.tier);
        return Err(refuse(
            format!(
                "{} is a {} council area, which writes a {right}, not a {kind}",
                authority.area,
                authority.tier.replace('-', " ")
            ),
            format!("run `csa new {right} --area \"{}\"`", authority.area),
        ));
    }
    let police_area = k.police_area_of(place);
    if let Some(pa) = police_area {
        if k.plan_in_force(&pa.id, effective).is_none() {
            let first = k.plans_of(&pa.id).next().map(|p| p.latest_start());
            return Err(refuse(
                format!(
                    "csa does not know the Police and Crime Plan in force in {} on {effective}",
                    pa.name
                ),
                match first {
                    Some(d) => format!("the earliest plan csa knows there starts on {d}: choose that date or a later one with --effective, or add the plan with a rule pack (docs/knowledge.md)"),
                    None => "add the plan with a rule pack (docs/knowledge.md)".to_string(),
                },
            ));
        }
    }
    let text = write_skeleton(law, k, kind, authority, place, effective);
    // Written in the canonical layout, so that `csa fmt` leaves a new document alone.
    Ok(crate::format::format(&text).unwrap_or(text))
}

/// An id made of the initials of the words of `title` (`Making Kent Safer` → `MKS`).
fn initials(title: &str) -> String {
    let id: String = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .take(6)
        .collect();
    if id.is_empty() {
        "PCP".to_string()
    } else {
        id
    }
}

/// A lower-case id made of the words of `name`.
fn slug(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

fn write_skeleton(
    law: &Law,
    k: &Knowledge,
    kind: &str,
    authority: &crate::knowledge::Authority,
    place: Resolved<'_>,
    effective: Date,
) -> String {
    let area = &authority.area;
    let county = DocumentKind::parse(kind) == Some(DocumentKind::CountyAgreement);
    let end = years_from(effective, 3);
    let title = if county {
        format!("{area} Community Safety Agreement")
    } else {
        format!("{area} Community Safety Plan")
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Started with `csa new {kind} --area \"{area}\" --effective {effective}`: the names of\n\
         // places, bodies and the Police and Crime Plan come from csa's knowledge base\n\
         // (`csa law`); confirm each before publishing. Replace every [prompt in square\n\
         // brackets] with your own words, then run `csa check`. Add the dates csa cannot\n\
         // know to the header: `assessed:` (the strategic assessment), `sent-to-pcc:` (the\n\
         // copy sent to the Police and Crime Commissioner) and `scrutinised:` (the\n\
         // committee's last review).\n"
    );
    header(&mut out, law, &title, kind, area, effective, end, county);
    let _ = writeln!(out);
    let _ = writeln!(out, "# {title}\n");
    let chapters_before: [(&str, &str); 5] = [
        ("Foreword", "[Write a foreword from the chair of the partnership: why this document matters to residents.]"),
        ("1. Introduction", "[Write what this document is, the area it covers and the years it runs.]"),
        ("2. Legislation", "[Write the duties the partnership meets: the Crime and Disorder Act 1998 (sections 5 to 7) and the other law it works to.]"),
        ("3. Key Changes to the Community Safety Landscape", "[Write what has changed nationally and locally since the last document.]"),
        ("4. Governance", "[Write who meets, how often, and who the partnership reports to, including the crime and disorder committee.]"),
    ];
    for (heading, prompt) in chapters_before {
        let _ = writeln!(out, "# {heading}\n\n{prompt}\n");
    }
    let _ = writeln!(
        out,
        "# 5. Key Achievements\n\n[Write what the partnership achieved under the last document.]\n"
    );
    let plan = k
        .police_area_of(place)
        .and_then(|pa| k.plan_in_force(&pa.id, effective));
    let plan_id = plan.map(|p| initials(&p.title));
    let regarded: Vec<String> = plan
        .map(|p| {
            p.objectives
                .iter()
                .filter(|o| o.scope.as_deref() != Some("policing"))
                .map(|o| o.id.clone())
                .collect()
        })
        .unwrap_or_default();
    let statutory: Vec<&str> = law
        .areas
        .iter()
        .filter(|a| a.in_force_on(effective))
        .map(|a| a.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "# 6. {} Priorities\n\n[Write why each priority was chosen: the strategic assessment, the views of residents, the Police and Crime Plan.]\n",
        if county { "County" } else { "Local" }
    );
    // The first priority is the partnership's to write: the skeleton names no
    // priority and claims no coverage, so until it is written the statutory areas
    // read as not addressed. The fields it needs are shown as comments.
    let _ = writeln!(
        out,
        "@priority P1: [Write the title of your first priority]"
    );
    let _ = writeln!(out, "  includes: [Write what the priority covers]");
    let _ = writeln!(
        out,
        "  // addresses: the statutory areas it covers, from: {}",
        statutory.join(", ")
    );
    if county {
        let _ = writeln!(
            out,
            "  joint-working: [Write which partners work on the priority together, and how]"
        );
    }
    if !county {
        let _ = writeln!(
            out,
            "  measure: [Write how progress on the priority is measured, one line for each measure]"
        );
        let _ = writeln!(
            out,
            "  resources: [Write what the partners give to the priority: money, staff, services]"
        );
    }
    if !regarded.is_empty() {
        let _ = writeln!(
            out,
            "  // supports: the Police and Crime Plan objectives it supports, from: {}",
            regarded.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\n# 7. Leads\n\n[Write who leads each priority for the partnership.]\n\n@leads\n  lead P1: [Write the lead's role and organisation]\n"
    );
    let _ = writeln!(
        out,
        "# 8. Links to Plans\n\n[List the plans and strategies this document works with.]\n"
    );
    let _ = writeln!(
        out,
        "# 9. Responsible Authorities\n\nThe responsible authorities under the Crime and Disorder Act 1998 section 5 on {effective}:\n"
    );
    out.push_str(&authorities(law, k, kind, place, effective));
    if let Some(plan) = plan {
        out.push_str(&plan_block(plan, plan_id.as_deref().unwrap_or("PCP")));
    }
    out
}

/// The skeleton's `@agreement` header: what csa knows, and a prompt for each field
/// of how the document was made that only the partnership can fill in.
#[allow(clippy::too_many_arguments)]
fn header(
    out: &mut String,
    law: &Law,
    title: &str,
    kind: &str,
    area: &str,
    effective: Date,
    end: Date,
    county: bool,
) {
    let _ = writeln!(out, "@agreement: {title}");
    let _ = writeln!(out, "  kind: {kind}");
    let _ = writeln!(out, "  area: {area}");
    let _ = writeln!(out, "  partnership: {area} Community Safety Partnership");
    let _ = writeln!(out, "  version: 0.1");
    let _ = writeln!(out, "  effective: {effective}");
    let _ = writeln!(out, "  period: {effective} to {end}");
    let _ = writeln!(out, "  review: annual");
    let _ = writeln!(out, "  status: draft");
    let _ = writeln!(
        out,
        "  approved: [Write who approved the document and when, such as Full Council, {effective}]"
    );
    let _ = writeln!(
        out,
        "  consultation: [Write who was consulted, how and when; one line for each survey, meeting or event]"
    );
    let _ = writeln!(
        out,
        "  scrutiny: [Write the crime and disorder committee that scrutinises the partnership]"
    );
    if law
        .duties
        .iter()
        .find(|d| d.id == "serious-violence-strategy")
        .and_then(|d| d.in_force_from)
        .is_some_and(|from| from.0 <= effective)
    {
        let _ = writeln!(
            out,
            "  serious-violence-strategy: [Write the title and date of the area's serious violence strategy]"
        );
    }
    if county {
        let _ = writeln!(
            out,
            "  member: [Write each member of the county strategy group, one line each as ROLE, ORGANISATION: the chair of each district partnership, the county council's lead member for community safety, and the police, fire and health representatives]"
        );
    }
}

/// The last day of a period of `years` years starting on `start`.
fn years_from(start: Date, years: i32) -> Date {
    let day = start.day.unwrap_or(1);
    let anniversary = Date::ymd(start.year + years, start.month, day)
        // 29 February in a year without one: the period ends on the 28th.
        .or_else(|| Date::ymd(start.year + years, start.month + 1, 1))
        .unwrap_or(start);
    match (anniversary.day.unwrap_or(1), anniversary.month) {
        (1, 1) => Date::ymd(anniversary.year - 1, 12, 31),
        (1, m) => Some(
            Date {
                year: anniversary.year,
                month: m - 1,
                day: None,
            }
            .last_day(),
        ),
        (d, m) => Date::ymd(anniversary.year, m, d - 1),
    }
    .unwrap_or(anniversary)
}

/// The `@authority` blocks the law requires for `kind` on `date`, named from the
/// knowledge base; where csa knows no name, the block says so.
fn authorities(law: &Law, k: &Knowledge, kind: &str, place: Resolved<'_>, date: Date) -> String {
    let known = k.responsible_authorities(place, date);
    let police_area = k.police_area_of(place);
    let mut out = String::new();
    let mut used = std::collections::HashSet::new();
    for authority_kind in law
        .authority_kinds
        .iter()
        .filter(|a| a.required_on(date) && a.required_in.iter().any(|d| d == kind))
    {
        let mut names: Vec<(String, bool)> = known
            .iter()
            .filter(|r| r.kind == authority_kind.id)
            .filter_map(|r| r.name.clone().map(|n| (n, true)))
            .collect();
        if authority_kind.id == "police-authority" {
            if let Some(g) = police_area.and_then(|pa| k.governance_on(&pa.id, date)) {
                names.push((g.holder.clone(), true));
            }
        }
        if names.is_empty() {
            // A fix never invents a name: the author writes it, and until then the
            // prompt is template text that `csa check` reports.
            let generic = authority_kind
                .names
                .iter()
                .find(|n| n.valid_on(date))
                .map_or(authority_kind.title.clone(), |n| n.name.clone());
            names.push((
                format!("[Write the full name of the {}]", generic.to_lowercase()),
                false,
            ));
        }
        for (name, known) in names {
            let mut id = if known {
                slug(&name)
            } else {
                authority_kind.id.clone()
            };
            if !used.insert(id.clone()) {
                id = format!("{id}-{}", authority_kind.id);
                used.insert(id.clone());
            }
            if !known {
                let _ = writeln!(
                    out,
                    "\n// csa does not know the name of the {} here: write it in full.",
                    authority_kind.title.to_lowercase()
                );
            }
            let _ = writeln!(
                out,
                "@authority {id}: {name}\n  kind: {}",
                authority_kind.id
            );
        }
    }
    out
}

fn plan_block(plan: &Plan, id: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n# Appendix A: {}\n\nThe responsible authorities must have regard to the objectives of the Police and Crime Plan (Crime and Disorder Act 1998 s6(1A)). Link each priority to the objectives it supports with `supports:`; for an objective the partnership does not adopt, give the reason with `not-adopted:`.\n",
        plan.title
    );
    let _ = writeln!(out, "@plan {id}: {}", plan.title);
    if let Some(by) = &plan.issued_by {
        let _ = writeln!(out, "  commissioner: {by}");
    }
    match plan.to {
        Some(to) => {
            let _ = writeln!(out, "  period: {} to {}", plan.from.0, to.0);
        }
        None => {
            // The plan states no end: it runs until it is replaced.
            let _ = writeln!(
                out,
                "  // the plan states no end date: csa wrote four years, a commissioner's term; confirm it"
            );
            let _ = writeln!(
                out,
                "  period: {} to {}",
                plan.from.0,
                years_from(plan.from.0, 4)
            );
        }
    }
    for objective in &plan.objectives {
        let _ = writeln!(out, "  objective {}: {}", objective.id, objective.title);
        if objective.scope.as_deref() == Some("policing") {
            let _ = writeln!(
                out,
                "    // the force's own business: to be regarded, or not adopted with a reason"
            );
        } else {
            let _ = writeln!(out, "    // to be regarded: supported by a priority above");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles() {
        assert_eq!(initials("Making Kent Safer"), "MKS");
        assert_eq!(
            initials("Cut Crime, Support Victims, Build Trust"),
            "CCSVBT"
        );
        assert_eq!(
            slug("Kent Fire and Rescue Service"),
            "kent-fire-and-rescue-service"
        );
        let end = |y, m, d, n| years_from(Date::ymd(y, m, d).unwrap(), n).to_string();
        assert_eq!(end(2025, 4, 1, 3), "2028-03-31");
        assert_eq!(end(2025, 1, 1, 4), "2028-12-31");
        assert_eq!(end(2024, 2, 29, 1), "2025-02-28");
        assert_eq!(end(2024, 6, 15, 1), "2025-06-14");
    }
}
