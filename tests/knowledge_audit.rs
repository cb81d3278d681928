//! The audit of csa's knowledge (issue 21): one test per fact corrected or added, with
//! the source it was read on; every plan whose first day is known only as a window is
//! checked inside and after its window; bodies split by area resolve by the area;
//! councils abolished before a document's effective date are reported.

use csa::ast::{self, Date};
use csa::diagnostics::{Diagnostic, Severity};
use csa::knowledge::{Knowledge, Plan};
use csa::rules::{self, Options, Registry};
use csa::text::matching;

fn registry() -> &'static Registry {
    static REGISTRY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(Registry::bundled)
}

fn k() -> &'static Knowledge {
    &registry().knowledge
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn check(text: &str) -> Vec<Diagnostic> {
    let parsed = ast::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let options = Options {
        as_of: Date::parse("2026-12-06"),
        ..Options::default()
    };
    rules::check(&parsed.document, registry(), &options)
}

fn with_code<'d>(found: &'d [Diagnostic], code: &str) -> Vec<&'d Diagnostic> {
    found.iter().filter(|d| d.code == code).collect()
}

/// A document of `kind` for `area` on `effective`, recording `plan` (a title), with a
/// one-year life.
fn doc(kind: &str, area: &str, effective: &str, plan: &str) -> String {
    format!(
        "@agreement: {area} Community Safety Plan\n  kind: {kind}\n  area: {area}\n  version: 1.0\n  effective: {effective}\n  review: annual\n\n@plan P: {plan}\n"
    )
}

fn plan(id: &str) -> &'static Plan {
    k().plans()
        .plans
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no plan {id}"))
}

fn elections() -> Vec<Date> {
    registry()
        .law
        .events
        .iter()
        .filter(|e| e.kind == "pcc-election")
        .map(|e| e.date.0)
        .collect()
}

// ------------------------------------------------------------------ plans: facts corrected

#[test]
fn essex_2021_2024_plan_starts_when_the_panel_approved_it() {
    // "approved by members of the Essex Police, Fire and Crime Panel today", Fri 29 Oct
    // 2021: https://www.yourharlow.com/2021/10/29/police-and-fire-boss-police-and-crime-plan-approved/
    let p = plan("essex-2021");
    assert_eq!(p.from.0, date("2021-10-29"));
    assert!(p.start_known());
    assert_eq!(p.objectives.len(), 12);
    // Before then the extension of the 2016 plan was still in force.
    let found = check(&doc(
        "county-agreement",
        "Essex",
        "2021-09-01",
        "Police and Crime Plan Extension 2020/21",
    ));
    assert!(with_code(&found, "CSA303").is_empty(), "{found:#?}");
}

#[test]
fn west_yorkshire_2021_2024_plan_starts_on_its_publication_in_march_2022() {
    // "has today (10/03) published her first Police and Crime Plan", 10th March 2022:
    // https://www.westyorks-ca.gov.uk/policing-and-crime-news/mayor-launches-first-police-and-crime-plan/
    let p = plan("west-yorkshire-2021");
    assert_eq!(p.from.0, date("2022-03-10"));
    assert!(p.start_known());
    // A Leeds plan of January 2022 recording the 2016-2021 plan was right; one of April 2022
    // recording it was not.
    let old = "West Yorkshire's Police and Crime Plan 2016 - 2021";
    let before = check(&doc("unitary-plan", "Leeds", "2022-01-15", old));
    assert!(with_code(&before, "CSA303").is_empty(), "{before:#?}");
    let after = check(&doc("unitary-plan", "Leeds", "2022-04-15", old));
    assert_eq!(with_code(&after, "CSA303").len(), 1, "{after:#?}");
}

#[test]
fn cumbrias_2021_2025_plan_is_known_and_replaces_the_2016_plan() {
    // "The Police and Crime Commissioner for Cumbria (PCC) has launched his new four-year
    // Police and Crime Plan 2021-2025": https://cumbria-pcc.gov.uk/finance-governance/transparency/
    let p = plan("cumbria-2021");
    assert_eq!(p.title, "Police and Crime Plan 2021-2025");
    let found = check(&doc(
        "county-agreement",
        "Cumbria",
        "2022-06-01",
        "Police and Crime Plan 2021-2025",
    ));
    assert!(with_code(&found, "CSA303").is_empty(), "{found:#?}");
    // The 2016-20 plan is no longer taken to be in force until 2024.
    let old = check(&doc(
        "county-agreement",
        "Cumbria",
        "2022-06-01",
        "Making Cumbria Even Safer",
    ));
    let warned = with_code(&old, "CSA303");
    assert_eq!(warned.len(), 1, "{old:#?}");
    assert!(warned[0]
        .message
        .contains("Police and Crime Plan 2021-2025"));
}

#[test]
fn nottinghamshires_2024_plan_was_not_in_force_before_its_draft() {
    // A draft before the Police and Crime Panel on 2024-09-16 (West Bridgford Wire): the
    // plan was issued after that, not on 2024-04-01 as its title's years suggest.
    let p = plan("nottinghamshire-2024");
    assert_eq!(p.from.0, date("2024-09-16"));
    assert_eq!(p.latest_start(), date("2025-04-01"));
}

#[test]
fn kents_first_plan_states_no_end_the_title_does() {
    // The Kent CSA 2014-17 cites "Police and Crime Plan 2013-2017" by title only: the years
    // are the title's, not a period the plan states (law.md section 9).
    let p = plan("kent-2013");
    assert!(p.to.is_none());
    assert!(!p.start_known());
}

#[test]
fn every_plan_says_where_its_first_day_was_read() {
    for p in &k().plans().plans {
        let source = p.from_source.as_deref().unwrap_or("");
        assert!(!source.trim().is_empty(), "{} has no from_source", p.id);
        if let Some(latest) = p.from_latest {
            assert!(latest.0 > p.from.0, "{}: empty window", p.id);
        }
    }
}

// ------------------------------------------------------------------ plans: windows

/// The day halfway through a window.
fn middle(p: &Plan) -> Date {
    let a = p.from.0.days_since_epoch();
    let b = p.latest_start().days_since_epoch();
    ast::date_from_days((a + b) / 2)
}

fn area_name(police_area: &str) -> String {
    k().gazetteer()
        .police_area(police_area)
        .map(|p| p.name.clone())
        .unwrap()
}

/// Every plan whose first day is a window, with the plan before it: inside the window a
/// document recording either gets no CSA303; after it, one recording the old plan does
/// (where csa can tell the plan in force then).
#[test]
fn inside_a_window_either_plan_is_right_and_after_it_the_old_one_is_not() {
    let mut checked = 0;
    for p in k().plans().plans.iter().filter(|p| !p.start_known()) {
        let plans: Vec<&Plan> = k().plans_of(&p.police_area).collect();
        let at = plans.iter().position(|x| x.id == p.id).unwrap();
        let Some(old) = at.checked_sub(1).map(|i| plans[i]) else {
            continue;
        };
        let inside = middle(p);
        let known = k().in_force(&p.police_area, inside, &elections());
        if known.settled.map(|s| s.id.as_str()) != Some(old.id.as_str()) {
            continue; // another window or an earlier plan's window holds the day too
        }
        let area = area_name(&p.police_area);
        for title in [&old.title, &p.title] {
            let found = check(&doc("county-agreement", &area, &inside.to_string(), title));
            assert!(
                with_code(&found, "CSA303").is_empty(),
                "{}: `{title}` on {inside}: {found:#?}",
                p.id
            );
        }
        let after = ast::date_from_days(p.latest_start().days_since_epoch() + 1);
        let known = k().in_force(&p.police_area, after, &elections());
        // Skipped: a newer plan, or a plan due that csa does not know, by then; or an old
        // title csa's matching of titles takes for the new plan (alike words and no years
        // on one side to tell them apart: "Gloucestershire Police and Crime Plan 2017-21"
        // and "Gloucestershire Police and Crime Prevention Plan").
        let years = |t: &str| t.chars().any(|c| c.is_ascii_digit());
        let alike = p.titles().any(|t| {
            (matching::contains_phrase(&old.title, t) || matching::similarity(&old.title, t) >= 0.8)
                && !(years(t) && years(&old.title))
        });
        if known.certain().map(|c| c.id.as_str()) != Some(p.id.as_str()) || alike {
            continue;
        }
        let found = check(&doc(
            "county-agreement",
            &area,
            &after.to_string(),
            &old.title,
        ));
        assert_eq!(
            with_code(&found, "CSA303").len(),
            1,
            "{}: `{}` on {after}: {found:#?}",
            p.id,
            old.title
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} windows checked");
}

#[test]
fn a_window_open_on_the_effective_date_is_an_info_naming_both_plans() {
    let found = check(&doc(
        "county-agreement",
        "Cumbria",
        "2021-10-01",
        "Making Cumbria Even Safer",
    ));
    let info = with_code(&found, "CSA307");
    assert!(
        info.iter()
            .any(|d| d.message.contains("Making Cumbria Even Safer")
                && d.message.contains("Police and Crime Plan 2021-2025")
                && d.severity == Severity::Info),
        "{found:#?}"
    );
}

#[test]
fn a_plan_due_after_an_election_that_csa_does_not_know_is_said_and_never_warned() {
    // Sussex: the plan issued after the election of 2021-05-06 was not found, so from then
    // until the 2024/28 plan csa cannot tell the plan in force.
    let found = check(&doc(
        "county-agreement",
        "East Sussex",
        "2023-06-01",
        "Police & Crime Plan 2017/21",
    ));
    assert!(with_code(&found, "CSA303").is_empty(), "{found:#?}");
    assert!(
        with_code(&found, "CSA307")
            .iter()
            .any(|d| d.message.contains("2021-05-06") && d.message.contains("2022-03-31")),
        "{found:#?}"
    );
}

#[test]
fn no_warning_rests_on_a_start_csa_did_not_read() {
    // For every plan with a window, on every tenth day inside it, the plan in force is
    // never given as certain.
    for p in k().plans().plans.iter().filter(|p| !p.start_known()) {
        let (a, b) = (
            p.from.0.days_since_epoch(),
            p.latest_start().days_since_epoch(),
        );
        for day in (a..b).step_by(10) {
            let known = k().in_force(&p.police_area, ast::date_from_days(day), &elections());
            assert!(known.certain().is_none(), "{} on day {day}", p.id);
        }
    }
}

// ------------------------------------------------------------------ successors by area

#[test]
fn the_national_probation_service_resolves_by_the_documents_area() {
    // One national body (2014-06-01 to 2021-06-25) whose work passed to the Probation
    // Service's regions on 2021-06-26 (https://www.gov.uk/government/organisations/probation-service/about).
    let nps = k().body_named("National Probation Service").unwrap();
    assert_eq!(nps.id, "national-probation-service");
    let on = date("2022-01-01");
    for (area, region) in [
        ("Kent", "Probation Service (Kent, Surrey and Sussex)"),
        ("Leeds", "Probation Service (Yorkshire and the Humber)"),
        ("Exeter", "Probation Service (South West)"),
        ("Manchester", "Probation Service (Greater Manchester)"),
    ] {
        let ids = k().area_ids(area, Some(on));
        let next = k().successor_in(nps, on, &ids).unwrap();
        assert_eq!(next.name, region, "{area}");
    }
    // Where the area does not tell, csa names no body.
    assert!(k().successor_on(nps, on).is_none());
    assert!(k()
        .successor_in(nps, on, &k().area_ids("Nowhere", Some(on)))
        .is_none());
}

#[test]
fn a_probation_trust_goes_to_the_region_of_its_own_area() {
    let trust = k().body_named("Kent Probation Trust").unwrap();
    let next = k().successor_on(trust, date("2022-01-01")).unwrap();
    assert_eq!(next.name, "Probation Service (Kent, Surrey and Sussex)");
}

#[test]
fn a_crc_across_two_regions_resolves_by_the_documents_area() {
    let crc = k().body_named("BeNCH CRC").unwrap();
    let on = date("2022-01-01");
    let by = |area: &str| {
        k().successor_in(crc, on, &k().area_ids(area, Some(on)))
            .map(|b| b.name.clone())
    };
    assert_eq!(
        by("North Northamptonshire").as_deref(),
        Some("Probation Service (East Midlands)")
    );
    assert_eq!(
        by("Cambridge").as_deref(),
        Some("Probation Service (East of England)")
    );
    assert!(k().successor_on(crc, on).is_none());
}

#[test]
fn split_health_bodies_resolve_by_the_documents_area() {
    let on = date("2023-01-01");
    let ccg = k().body_named("NHS Tameside and Glossop CCG").unwrap();
    let by = |body, area: &str, on| {
        k().successor_in(body, on, &k().area_ids(area, Some(on)))
            .map(|b| b.id.clone())
    };
    assert_eq!(
        by(ccg, "Tameside", on).as_deref(),
        Some("nhs-greater-manchester-icb")
    );
    assert_eq!(
        by(ccg, "High Peak", on).as_deref(),
        Some("nhs-derby-and-derbyshire-icb")
    );
    // The ICBs of 2026: Suffolk and North East Essex split between two.
    let snee = k().body_named("SNEE ICB").unwrap();
    let on = date("2026-06-01");
    assert_eq!(
        by(snee, "Ipswich", on).as_deref(),
        Some("nhs-norfolk-and-suffolk-icb")
    );
    assert_eq!(by(snee, "Colchester", on).as_deref(), Some("nhs-essex-icb"));
}

#[test]
fn a_kent_document_naming_the_national_probation_service_in_2022_is_told_its_region() {
    let text = "@agreement: Kent CSA\n  kind: county-agreement\n  area: Kent\n  effective: 2022-04-01\n  review: annual\n@authority nps: National Probation Service\n  kind: probation\n";
    let found = check(text);
    let stale = with_code(&found, "CSA502");
    assert_eq!(stale.len(), 1, "{found:#?}");
    let fix = stale[0].fix.as_ref().expect("a fix");
    assert_eq!(
        fix.edits[0].replacement,
        "Probation Service (Kent, Surrey and Sussex)"
    );
    assert!(!stale[0].message.contains("North East"));
}

// ------------------------------------------------------------------ national bodies

#[test]
fn public_health_england_ended_on_2021_09_30_with_no_single_successor() {
    // Written statement on the dissolution of PHE: "On 30 September 2021, PHE ceased all
    // operations ... PHE's functions and staff transferred to UKHSA, OHID (in DHSC), NHS
    // England and NHS Digital" (https://www.parliamenttoday.com/members/viewnews.html?id=143856).
    let phe = k().body_named("Public Health England").unwrap();
    assert_eq!(phe.until.unwrap().0, date("2021-09-30"));
    assert!(phe.successor.is_none() && phe.successor_note.is_some());
    assert!(k().successor_on(phe, date("2022-01-01")).is_none());
    // UKHSA and OHID launched on 2021-10-01
    // (https://lordslibrary.parliament.uk/regret-motion-dissolution-of-public-health-england/).
    for name in ["UKHSA", "Office for Health Improvement and Disparities"] {
        let body = k().body_named(name).unwrap();
        assert_eq!(body.from.unwrap().0, date("2021-10-01"), "{name}");
    }
    // A lead organisation named as PHE in 2022 is told, with no name invented.
    let text = "@agreement: Kent CSA\n  kind: county-agreement\n  area: Kent\n  effective: 2022-04-01\n  review: annual\n@priority SM: Substance Misuse\n  lead: Drugs lead, Public Health England\n";
    let found = check(text);
    let stale = with_code(&found, "CSA502");
    assert_eq!(stale.len(), 1, "{found:#?}");
    assert!(stale[0].fix.is_none());
    assert!(stale[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("UK Health Security Agency"));
}

#[test]
fn noms_became_hmpps_and_the_ipcc_the_iopc() {
    // HMPPS "to replace National Offender Management Service (NOMS) on 1 April 2017" (MoJ
    // release, https://www.russellwebster.com/introducing-her-majestys-prison-and-probation-service/);
    // the IOPC launched 2018-01-08 (Home Office release,
    // http://www.govwire.co.uk/news/govt/independent-office-for-police-conduct-launches-today-14318).
    let noms = k().body_named("NOMS").unwrap();
    let next = k().successor_on(noms, date("2018-01-01")).unwrap();
    assert_eq!(next.name, "HM Prison and Probation Service");
    let ipcc = k()
        .body_named("Independent Police Complaints Commission")
        .unwrap();
    let next = k().successor_on(ipcc, date("2018-01-08")).unwrap();
    assert_eq!(next.name, "Independent Office for Police Conduct");
    assert_eq!(
        k().successor_on(ipcc, date("2018-01-07")).unwrap().id,
        ipcc.id
    );
}

// ------------------------------------------------------------------ abolished councils

#[test]
fn a_plan_for_a_council_abolished_before_it_took_effect_is_reported_with_its_successor() {
    // Structural Changes Orders: North Yorkshire (SI 2022/328), Somerset (SI 2022/331...),
    // Buckinghamshire (SI 2019/957), Cumbria (SI 2022/331), Northamptonshire: the councils
    // ended on 2023-03-31, 2023-03-31, 2020-03-31, 2023-03-31 and 2021-03-31.
    for (kind, area, effective, successor, day) in [
        (
            "district-plan",
            "Harrogate",
            "2024-04-01",
            "North Yorkshire Council",
            "2023-04-01",
        ),
        (
            "district-plan",
            "Mendip",
            "2023-06-01",
            "Somerset Council",
            "2023-04-01",
        ),
        (
            "district-plan",
            "Wycombe",
            "2021-04-01",
            "Buckinghamshire Council",
            "2020-04-01",
        ),
        (
            "county-agreement",
            "Cumbria",
            "2024-04-01",
            "Cumberland Council",
            "2023-04-01",
        ),
        (
            "county-agreement",
            "Northamptonshire",
            "2022-04-01",
            "West Northamptonshire Council",
            "2021-04-01",
        ),
    ] {
        let found = check(&doc(kind, area, effective, "Police and Crime Plan"));
        let reorganised = with_code(&found, "CSA505");
        assert!(
            reorganised.iter().any(|d| d.message.contains(successor)
                && d.message.contains(day)
                && d.severity == Severity::Warning),
            "{area}: {found:#?}"
        );
    }
    // A council that still exists is not reported.
    let found = check(&doc(
        "district-plan",
        "Ashford",
        "2024-04-01",
        "Making Kent Safer",
    ));
    assert!(with_code(&found, "CSA505").is_empty(), "{found:#?}");
}

#[test]
fn an_abolished_council_is_no_responsible_authority_after_it_ended() {
    let on = date("2024-06-01");
    let place = k().resolve("Harrogate", Some(on))[0];
    let list = k().responsible_authorities(place, on);
    let councils: Vec<_> = list
        .iter()
        .filter(|r| r.kind.ends_with("-council"))
        .map(|r| (r.kind.as_str(), r.name.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(councils, [("unitary-council", "North Yorkshire Council")]);
}

#[test]
fn csa_law_bodies_on_a_date_lists_no_council_or_body_that_did_not_exist_then() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csa"))
        .args([
            "law",
            "bodies",
            "--area",
            "Harrogate",
            "--on",
            "2024-06-01",
            "--format",
            "json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let on = date("2024-06-01");
    for body in json["bodies"].as_array().unwrap() {
        let day = |key: &str| body[key].as_str().map(date);
        assert!(day("from").is_none_or(|d| d <= on), "{body}");
        assert!(day("until").is_none_or(|d| d >= on), "{body}");
    }
    let councils: Vec<&str> = json["responsible_authorities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"].as_str().unwrap().ends_with("-council"))
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(councils, ["North Yorkshire Council"]);
}

/// The place words every matcher leaves out are the words of the police force
/// areas' names and aliases in the gazetteer, for every area alike: not one area's
/// name written into the code.
#[test]
fn the_place_words_matchers_ignore_are_the_gazetteers_police_areas() {
    const NOT_PLACES: &[&str] = &[
        "police",
        "constabulary",
        "district",
        "area",
        "county",
        "city",
    ];
    let mut from_gazetteer: Vec<String> = k()
        .gazetteer()
        .police_areas
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .flat_map(|n| matching::content_words(n))
        .filter(|w| !NOT_PLACES.contains(&w.as_str()))
        .collect();
    from_gazetteer.sort();
    from_gazetteer.dedup();
    let mut listed: Vec<String> = matching::PLACE_WORDS
        .iter()
        .map(|w| w.to_string())
        .collect();
    listed.sort();
    assert_eq!(listed, from_gazetteer);
    // And so two titles that share only their place are not alike, in Surrey as in Kent.
    assert!(matching::similarity("Safer in Kent", "Making Kent Safer") < 0.8);
    assert_eq!(
        matching::similarity("Surrey Together", "A safer Surrey"),
        0.0
    );
}
