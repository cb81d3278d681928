//! Realistic agreements of any size, for benchmarks and robustness tests: many
//! priorities, leads, themes, objectives, actions, evidence rows and prose, with a
//! sprinkling of the real defects csa finds (a priority with no lead, a misspelt
//! theme, a Bill that became an Act, a stale health body, a broken aim number).

use std::fmt::Write;

/// A small deterministic generator (xorshift64), so a document can be made again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOPICS: &[&str] = &[
    "Domestic Abuse",
    "Substance Misuse",
    "Road Safety",
    "Safeguarding Vulnerable People",
    "Serious Violence and Organised Crime",
    "Preventing Neighbourhood Crime & ASB",
    "Preventing Extremism and Hate",
    "Violence Against Women and Girls",
    "Reducing Re-Offending",
    "Rural Crime",
    "Fraud and Scams",
    "Youth Engagement",
];

const WORDS: &[&str] = &[
    "partners",
    "community",
    "safety",
    "priority",
    "residents",
    "victims",
    "district",
    "county",
    "action",
    "plan",
    "prevention",
    "support",
    "early",
    "intervention",
    "review",
    "assessment",
    "data",
    "police",
    "council",
    "health",
    "probation",
    "services",
    "training",
    "campaign",
    "funding",
    "delivery",
    "outcomes",
    "young",
    "people",
    "–",
    "£",
    "’s",
    "“joined-up”",
];

const ROLES: &[&str] = &[
    "Chief Superintendent",
    "Head of Community Safety",
    "Consultant in Public Health",
    "Group Head of Public Protection",
    "Director of Operations",
];

const ORGANISATIONS: &[&str] = &[
    "Kent Police",
    "Kent County Council",
    "Kent Fire and Rescue Service",
    "Probation Service",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s.push('.');
    s
}

/// An agreement of about `target_bytes` bytes (never less than one of each block).
pub fn agreement(target_bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(target_bytes + 4096);
    let _ = writeln!(
        out,
        "@agreement: Generated Community Safety Agreement\n  kind: county-agreement\n  area: Kent\n  excludes: Medway\n  partnership: Generated Community Safety Partnership\n  version: 6.0\n  effective: 2023-04-01\n  review: annual\n  status: final\n"
    );
    for v in 1..=6 {
        let _ = writeln!(
            out,
            "@version {v}.0: Refreshed agreement\n  date: {}-04\n  - Ch.{v} - updated\n",
            2017 + v
        );
    }
    out.push_str("# 1. Introduction\n\n");
    let _ = writeln!(out, "{}\n", sentence(&mut rng, 60));
    for (id, name, kind) in [
        ("police", "Kent Police", "police"),
        ("kfrs", "Kent Fire and Rescue Service (KFRS)", "fire"),
        ("kcc", "Kent County Council", "county-council"),
        (
            "districts",
            "Local District/Borough Authorities",
            "district-council",
        ),
        (
            "ccg",
            "NHS Kent and Medway Clinical Commissioning Group (CCG)",
            "health",
        ),
        ("probation", "Probation Service", "probation"),
    ] {
        let _ = writeln!(out, "@authority {id}: {name}\n  kind: {kind}\n");
    }
    out.push_str("@plan MKS: Making Kent Safer\n  commissioner: Kent Police and Crime Commissioner\n  period: 2022-04-01 to 2025-03-31\n  principle: Victims at the heart of everything we do\n");
    let objectives = 12;
    for o in 1..=objectives {
        let _ = writeln!(
            out,
            "  objective MKS-{o}: {}\n    group: Kent Police's priorities",
            TOPICS[o % TOPICS.len()]
        );
    }
    out.push('\n');
    for t in 1..=5 {
        let _ = writeln!(
            out,
            "@theme T{t}: {} theme\n  supports: MKS-{t}\n",
            rng.pick(TOPICS)
        );
    }
    out.push_str("@assessment: Strategic Assessments\n  partnerships: 12\n");
    for topic in TOPICS {
        let _ = writeln!(out, "  issue {}: {topic}", 1 + rng.below(12));
    }
    out.push_str("\n@horizon-scan: Horizon Scanning\n  legislation:\n    upcoming:\n      - Police, Crime, Sentencing and Courts Bill\n\n");
    out.push_str("# 6. County Priorities\n\n");

    // Priorities, their leads rows and action plans until the size is reached.
    let mut p = 0;
    while out.len() < target_bytes || p == 0 {
        p += 1;
        let topic = TOPICS[p % TOPICS.len()];
        let words = 40 + rng.below(40);
        let _ = writeln!(out, "## {p}. {topic}\n\n{}\n", sentence(&mut rng, words));
        let _ = writeln!(
            out,
            "@priority P{p}: {topic} {p}\n  includes: {}",
            sentence(&mut rng, 8)
        );
        // One priority in seven is nobody's: the defect csa reports most.
        if p % 7 != 0 {
            let _ = writeln!(
                out,
                "  lead: {}, {}",
                rng.pick(ROLES),
                rng.pick(ORGANISATIONS)
            );
        }
        let _ = writeln!(
            out,
            "  addresses: crime-and-disorder\n  supports: MKS-{}\n",
            1 + p % objectives
        );
        let _ = writeln!(out, "@action-plan P{p}: {topic}");
        for a in 1..=3 {
            // Now and then a number damaged by page furniture, or a misspelt theme.
            let number = if p % 11 == 0 && a == 2 {
                format!("\"Page {p} Page {a}\"")
            } else {
                format!("{p}.{a}")
            };
            let theme = if p % 13 == 0 {
                "T9".to_string()
            } else {
                format!("T{}", 1 + rng.below(5))
            };
            let _ = writeln!(
                out,
                "  aim {number}: {}\n    action: {}\n    action: {}\n    themes: {theme}",
                sentence(&mut rng, 10),
                sentence(&mut rng, 14),
                sentence(&mut rng, 12)
            );
        }
        out.push('\n');
    }
    out.push_str("@leads\n");
    for q in (1..=p).step_by(3) {
        let _ = writeln!(
            out,
            "  lead P{q}: {}, {}",
            rng.pick(ROLES),
            rng.pick(ORGANISATIONS)
        );
    }
    out.push_str("\n@links: Links to Plans\n  - Vision for Kent\n\n@contact: Community Safety Team\n  email: team@example.org\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_reach_their_size_parse_cleanly_and_carry_defects() {
        let text = agreement(100_000, 7);
        assert!(
            text.len() >= 100_000 && text.len() < 110_000,
            "{}",
            text.len()
        );
        assert_eq!(
            agreement(100_000, 7),
            text,
            "the same seed makes the same document"
        );
        let parsed = crate::ast::parse(&text);
        assert!(
            parsed.diagnostics.is_empty(),
            "{:?}",
            &parsed.diagnostics[..parsed.diagnostics.len().min(3)]
        );
        let findings = crate::rules::check(
            &parsed.document,
            &crate::rules::Registry::bundled(),
            &Default::default(),
        );
        for code in ["CSA201", "CSA402", "CSA801", "CSA502", "CSA601"] {
            assert!(findings.iter().any(|f| f.code == code), "no {code}");
        }
    }
}
