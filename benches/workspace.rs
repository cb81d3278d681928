//! A partnership's documents read together: generated workspaces of county agreements
//! and the district plans that use them, checked with the rules that span documents.
//! Prints the time for each size and the growth from the smaller to the larger: the
//! rules across documents are meant to be linear in the number of documents.
//!
//! `cargo bench --bench workspace`

/// The allocator the `csa` binary uses (`src/main.rs`), so the numbers are those of
/// the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use csa::ast::Date;
use csa::rules::{Options, Registry};
use csa::workspace::{self, Sources};

/// Documents held in memory, as the language server holds open buffers.
struct Memory(HashMap<PathBuf, String>);

impl Sources for Memory {
    fn read(&self, path: &Path) -> Result<String, String> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| format!("no file {}", path.display()))
    }
}

fn county(name: &str) -> String {
    format!(
        "@agreement: {name} Community Safety Agreement\n  kind: county-agreement\n  area: {name}\n  effective: 2025-04-01\n  review: annual\n\n\
@plan PCP: Police and Crime Plan\n  area: {name}\n  period: 2025-04-01 to 2029-03-31\n  objective PCP-1: Cut crime\n  objective PCP-2: Support victims\n\n\
@priority DA: Domestic Abuse\n  lead: Head of Community Safety, {name} County Council\n  supports: PCP-2\n\
@priority SV: Serious Violence\n  lead: Head of Serious Violence, {name} Police\n  supports: PCP-1\n\
@priority ASB: Anti-social Behaviour\n  lead: Community Safety Manager, {name} County Council\n  supports: PCP-1\n\n\
@assessment: District strategic assessments\n  partnerships: 12\n  issue 9: Domestic abuse\n  issue 7: Anti-social behaviour\n  issue 3: Serious violence\n"
    )
}

fn district(name: &str, county_file: &str, variant: usize) -> String {
    let second = if variant.is_multiple_of(3) {
        "@priority RS: Road Safety\n  lead: Community Safety Officer, {name} Council\n"
    } else {
        "@priority ASB: Anti-social behaviour\n  lead: Community Safety Officer, {name} Council\n  county: ASB\n"
    };
    format!(
        "@agreement: {name} Community Safety Plan\n  kind: district-plan\n  area: {name}\n  effective: 2025-04-01\n  review: annual\n\n\
@use: {county_file}\n\n\
@priority DA: Domestic abuse\n  lead: Community Safety Manager, {name} Council\n  supports: PCP-2\n  county: DA\n{}",
        second.replace("{name}", name)
    )
}

/// A workspace of `counties` county agreements, each with `per_county` district plans.
fn generate(
    registry: &Registry,
    counties: usize,
    per_county: usize,
) -> (Vec<(PathBuf, String)>, Memory) {
    let gazetteer = registry.knowledge.gazetteer();
    let date = Date::parse("2025-04-01").unwrap();
    let names: Vec<(String, Vec<String>)> = gazetteer
        .authorities
        .iter()
        .filter(|a| a.tier == "county" && a.exists_on(date))
        .map(|c| {
            let districts = gazetteer
                .districts_of(&c.id, date)
                .map(|d| d.area.clone())
                .collect();
            (c.area.clone(), districts)
        })
        .filter(|(_, d): &(String, Vec<String>)| !d.is_empty())
        .collect();
    let mut files = Vec::new();
    for i in 0..counties {
        let (name, districts) = &names[i % names.len()];
        let county_path = PathBuf::from(format!("/ws/county-{i}.csa"));
        files.push((county_path, county(name)));
        for j in 0..per_county {
            let district_name = &districts[j % districts.len()];
            let path = PathBuf::from(format!("/ws/district-{i}-{j}.csa"));
            files.push((path, district(district_name, &format!("county-{i}.csa"), j)));
        }
    }
    let memory = Memory(files.iter().cloned().collect());
    (files, memory)
}

/// The best of three: the whole check of every document, and the rules across
/// documents alone on documents already prepared (what an open document's check pays
/// for its workspace in the language server, on every change).
fn time(registry: &Registry, counties: usize, per_county: usize) -> (usize, f64, f64) {
    let (files, memory) = generate(registry, counties, per_county);
    let options = Options {
        as_of: Date::parse("2025-06-01"),
        ..Options::default()
    };
    let setup = csa::engine::Setup {
        registry: std::sync::Arc::new(registry.clone()),
        ..csa::engine::Setup::bundled()
    };
    let inputs: Vec<csa::engine::Input> = files
        .iter()
        .map(|(path, text)| csa::engine::Input {
            path,
            text,
            setup: &setup,
            options: &options,
        })
        .collect();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let out = csa::engine::check(&inputs, &memory);
        let elapsed = start.elapsed().as_secs_f64();
        assert_eq!(out.len(), files.len());
        best = best.min(elapsed);
    }
    let prepared: Vec<workspace::Prepared> = files
        .iter()
        .map(|(path, text)| workspace::prepare(path, text, &memory, &registry.knowledge))
        .collect();
    let members: Vec<workspace::rules::Member> = files
        .iter()
        .zip(&prepared)
        .map(|((path, _), p)| workspace::rules::Member {
            path,
            key: path.clone(),
            document: &p.document,
            resolution: &p.resolution,
        })
        .collect();
    let mut across = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let found = workspace::rules::check(&members, &registry.knowledge);
        across = across.min(start.elapsed().as_secs_f64());
        assert_eq!(found.len(), members.len());
    }
    (files.len(), best, across)
}

fn main() {
    let registry = Registry::bundled();
    println!(
        "workspace: county agreements and district plans checked together (best of 3, one core)"
    );
    let (small_n, small, small_across) = time(&registry, 3, 10);
    println!(
        "  {small_n:>4} documents (3 counties, 30 districts): {:>8.1} ms; rules across documents alone {:>6.2} ms",
        small * 1e3,
        small_across * 1e3
    );
    let (large_n, large, large_across) = time(&registry, 25, 12);
    println!(
        "  {large_n:>4} documents (25 counties, 300 districts): {:>8.1} ms; rules across documents alone {:>6.2} ms",
        large * 1e3,
        large_across * 1e3
    );
    println!(
        "  growth: {:.1}x time for {:.1}x documents",
        large / small,
        large_n as f64 / small_n as f64
    );
}
