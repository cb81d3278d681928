//! `csa law`: what csa knows of places, bodies and Police and Crime Plans, so that an
//! officer can see it and correct it with a rule pack.

pub mod duties;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::ast::Date;
use crate::config::Config;
use crate::knowledge::{Knowledge, Resolved};
use crate::rules::Registry;

/// What to list.
#[derive(Debug, Clone)]
pub enum Query {
    /// Local authorities, police areas and partnerships; one name resolved when given.
    Areas {
        /// A place to resolve.
        name: Option<String>,
    },
    /// Police and Crime Plans, of one area when given.
    Plans {
        /// A place whose police area's plans to list.
        area: Option<String>,
    },
    /// Bodies and their successors, of one area and on one date when given.
    Bodies {
        /// A place whose bodies to list.
        area: Option<String>,
        /// Only bodies in existence on this date.
        on: Option<String>,
    },
    /// The statutory checklist.
    Duties,
}

fn error(message: &str, help: &str) -> u8 {
    eprintln!("error: {message}\n  help: {help}");
    2
}

/// The bundled knowledge plus the rule packs of the configuration given, or of the
/// nearest `csa.toml` above the current folder.
fn registry(config: Option<&Path>) -> Result<Registry, String> {
    let path: Option<PathBuf> = match config {
        Some(p) => Some(p.to_path_buf()),
        None => crate::files::find_config(Path::new(".")),
    };
    match path {
        Some(p) => {
            let sources = crate::files::FileSystem;
            let config = Config::load(&p, &sources).map_err(|e| e.to_string())?;
            let dir = p.parent().unwrap_or(Path::new("."));
            config.registry(dir, &sources).map_err(|e| e.to_string())
        }
        None => Ok(Registry::bundled()),
    }
}

/// Runs `csa law`.
pub fn run(query: Query, format: &str, config: Option<&Path>) -> u8 {
    if let Query::Duties = query {
        return duties(format);
    }
    let json = format == "json";
    if format == "markdown" {
        return error(
            "`--format markdown` is for `csa law duties` only",
            "use `--format text` or `--format json`",
        );
    }
    let registry = match registry(config) {
        Ok(r) => r,
        Err(e) => return error(&e, "correct the configuration or the rule pack it names"),
    };
    let k = &registry.knowledge;
    let result = match query {
        Query::Areas { name } => areas(k, name.as_deref()),
        Query::Plans { area } => plans(k, area.as_deref()),
        Query::Bodies { area, on } => {
            let on = match on
                .as_deref()
                .map(|d| (d, Date::parse(d).filter(|d| d.day.is_some())))
            {
                Some((text, None)) => {
                    return error(
                        &format!("`{text}` is not a date"),
                        "write the date as YYYY-MM-DD, such as 2024-04-01",
                    )
                }
                Some((_, date)) => date,
                None => None,
            };
            bodies(k, area.as_deref(), on)
        }
        Query::Duties => return duties(format),
    };
    match result {
        Ok((value, text)) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&value).expect("JSON serialises")
                );
            } else {
                print!("{text}");
            }
            0
        }
        Err(e) => error(&e, "`csa law areas` lists every place csa knows"),
    }
}

/// `csa law duties`: the checklist needs no configuration, only the bundled data.
fn duties(format: &str) -> u8 {
    let list = crate::knowledge::statutory::Checklist::bundled();
    match format {
        "json" => println!(
            "{}",
            serde_json::to_string_pretty(&duties::json(&list)).expect("JSON serialises")
        ),
        "markdown" => print!("{}", duties::markdown(&list)),
        _ => print!("{}", duties::text(&list)),
    }
    0
}

type Listing = Result<(Value, String), String>;

/// The places `name` resolves to (as they stood on `date`, when given), or an error
/// with the nearest known name.
fn resolve<'k>(k: &'k Knowledge, name: &str) -> Result<Vec<Resolved<'k>>, String> {
    resolve_on(k, name, None)
}

fn resolve_on<'k>(
    k: &'k Knowledge,
    name: &str,
    date: Option<Date>,
) -> Result<Vec<Resolved<'k>>, String> {
    let found = k.resolve(name, date);
    if found.is_empty() {
        let hint = k
            .suggest(name)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(format!("csa does not know the area `{name}`{hint}"));
    }
    Ok(found)
}

fn confidence(c: crate::knowledge::Confidence) -> &'static str {
    match c {
        crate::knowledge::Confidence::Verified => "verified",
        crate::knowledge::Confidence::Secondary => "secondary",
        crate::knowledge::Confidence::Unverified => "unverified",
    }
}

fn date(d: Option<crate::knowledge::LawDate>) -> String {
    d.map_or(String::new(), |d| d.0.to_string())
}

fn areas(k: &Knowledge, name: Option<&str>) -> Listing {
    let g = k.gazetteer();
    let mut text = String::new();
    let (authorities, partnerships, police): (Vec<_>, Vec<_>, Vec<_>) = match name {
        None => (
            g.authorities.iter().collect(),
            g.partnerships.iter().collect(),
            g.police_areas.iter().collect(),
        ),
        Some(name) => {
            let found = resolve(k, name)?;
            let mut a = Vec::new();
            let mut p = Vec::new();
            let mut pa = Vec::new();
            for r in found {
                match r {
                    Resolved::Authority(x) => a.push(x),
                    Resolved::Partnership(x) => p.push(x),
                    Resolved::PoliceArea(x) => pa.push(x),
                }
            }
            (a, p, pa)
        }
    };
    for a in &authorities {
        let police = g
            .police_area(&a.police_area)
            .map_or(a.police_area.as_str(), |p| p.name.as_str());
        let county = a
            .county
            .as_deref()
            .and_then(|c| g.authority(c))
            .map_or(String::new(), |c| format!(", in {}", c.area));
        let life = match (a.from, a.until) {
            (None, None) => String::new(),
            (f, u) => format!(" [{} to {}]", date(f), date(u)),
        };
        text.push_str(&format!(
            "{:<28} {} ({}{county}); police area {police}{life} ({})\n",
            a.id,
            a.name,
            a.tier,
            confidence(a.confidence)
        ));
    }
    for p in &partnerships {
        text.push_str(&format!(
            "{:<28} {} (partnership of {})\n",
            p.id,
            p.name,
            p.covers.join(", ")
        ));
    }
    for p in &police {
        let holder = p
            .governance
            .last()
            .map_or(String::new(), |h| format!("; {}", h.holder));
        text.push_str(&format!("{:<28} {} (police area{holder})\n", p.id, p.name));
    }
    let counts = k.counts();
    if name.is_none() {
        text.push_str(&format!(
            "\n{} authorities, {} partnerships, {} police areas; facts: {} verified, {} secondary, {} unverified\n",
            authorities.len(),
            partnerships.len(),
            police.len(),
            counts.verified,
            counts.secondary,
            counts.unverified
        ));
    }
    let authorities_json: Vec<Value> = authorities
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).expect("serialises");
            v["police_area_name"] = json!(g.police_area(&a.police_area).map(|p| p.name.clone()));
            v
        })
        .collect();
    let value = json!({
        "schema": "csa-law-areas/1",
        "authorities": authorities_json,
        "partnerships": partnerships,
        "police_areas": police,
        "reorganisations": if name.is_none() { json!(g.reorganisations) } else { json!([]) },
        "counts": counts,
    });
    Ok((value, text))
}

fn plans(k: &Knowledge, area: Option<&str>) -> Listing {
    let g = k.gazetteer();
    let police: Vec<&str> = match area {
        None => g.police_areas.iter().map(|p| p.id.as_str()).collect(),
        Some(name) => {
            let found = resolve(k, name)?;
            let mut ids: Vec<&str> = found
                .into_iter()
                .filter_map(|r| k.police_area_of(r))
                .map(|p| p.id.as_str())
                .collect();
            ids.dedup();
            if ids.is_empty() {
                return Err(format!("csa does not know the police area of `{name}`"));
            }
            ids
        }
    };
    let mut text = String::new();
    let mut list = Vec::new();
    for id in police {
        let name = g.police_area(id).map_or(id, |p| p.name.as_str());
        text.push_str(&format!("{name}\n"));
        for p in k.plans_of(id) {
            text.push_str(&format!(
                "  {:<24} {} ({}; {}){}\n",
                p.id,
                p.title,
                p.period_text(),
                confidence(p.confidence),
                if p.objectives.is_empty() {
                    String::new()
                } else {
                    format!(", {} objectives", p.objectives.len())
                }
            ));
            list.push(p);
        }
    }
    Ok((json!({ "schema": "csa-law-plans/1", "plans": list }), text))
}

fn bodies(k: &Knowledge, area: Option<&str>, on: Option<Date>) -> Listing {
    let places = match area {
        Some(name) => resolve_on(k, name, on)?,
        None => Vec::new(),
    };
    let mut covers: Vec<&str> = places.iter().map(|r| r.id()).collect();
    let mut text = String::new();
    for r in &places {
        if let Some(p) = k.police_area_of(*r) {
            covers.push(&p.id);
        }
        if let Resolved::Authority(a) = r {
            covers.extend(a.county.as_deref());
            // A council abolished by the date: the councils carrying its area then.
            let Some(d) = on.filter(|d| !a.exists_on(*d)) else {
                continue;
            };
            let now = k.carried_by(a, d);
            for c in &now {
                covers.push(&c.id);
                covers.extend(c.county.as_deref());
            }
            let names: Vec<&str> = now.iter().map(|c| c.name.as_str()).collect();
            text.push_str(&match (a.until, names.is_empty()) {
                (Some(u), false) => format!(
                    "{} did not exist on {d} (abolished after {}); its area was {}'s.\n\n",
                    a.name,
                    u.0,
                    names.join(" and ")
                ),
                _ => format!("{} did not exist on {d}.\n\n", a.name),
            });
        }
    }
    let list: Vec<_> = k
        .successors()
        .bodies()
        .filter(|b| area.is_none() || b.covers.iter().any(|c| covers.contains(&c.as_str())))
        .filter(|b| on.is_none_or(|d| b.exists_on(d)))
        .collect();
    for b in &list {
        // A body split by area: the part for the area asked about, where one holds it.
        let part = b
            .successor_by_area
            .iter()
            .filter(|p| p.covers.iter().any(|c| covers.contains(&c.as_str())))
            .map(|p| p.successor.as_str());
        let parts: Vec<&str> = part.collect();
        let next = match (b.successor.as_deref(), parts.as_slice()) {
            (Some(s), _) | (None, &[s]) => k
                .body(s)
                .map_or(String::new(), |s| format!(" -> {}", s.name)),
            (None, _) if !b.successor_by_area.is_empty() => " -> split by area".to_string(),
            _ => String::new(),
        };
        text.push_str(&format!(
            "{:<40} {} ({}; {} to {}){next}\n",
            b.id,
            b.name,
            b.kind,
            date(b.from),
            date(b.until)
        ));
    }
    let responsible = match (places.first(), on) {
        (Some(place), Some(d)) => {
            let list = k.responsible_authorities(*place, d);
            text.push_str(&format!(
                "\nResponsible authorities of {} on {d}:\n",
                place.name()
            ));
            for r in &list {
                text.push_str(&format!(
                    "  {:<18} {}\n",
                    r.kind,
                    r.name.as_deref().unwrap_or("(csa does not know its name)")
                ));
            }
            json!(list)
        }
        _ => Value::Null,
    };
    Ok((
        json!({ "schema": "csa-law-bodies/1", "bodies": list, "responsible_authorities": responsible }),
        text,
    ))
}
