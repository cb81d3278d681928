//! The area, read from the title and the opening of the text.
//!
//! Plans name their area in many ways ("Safer Bromley Partnership", "the
//! Community Safety Plan for Middlesbrough", "Kirklees Community Safety Plan"), so
//! the area is the first run of capitalised words, in the title and then the
//! opening, that the knowledge base knows as a place (`csa law areas`): never a
//! name it does not know.

use crate::knowledge::{Knowledge, Resolved};

/// Words that may sit inside a place's name in lower case.
const JOINING: [&str; 6] = ["and", "&", "of", "upon", "on", "the"];

/// Words that, after a place's name, make it the partnership's or council's own
/// ("Rochdale Safer Communities Partnership", "Kent Community Safety Agreement",
/// "Brentwood Council").
const OWN_AFTER: [&str; 12] = [
    "community",
    "communities",
    "safer",
    "safety",
    "partnership",
    "csp",
    "council",
    "borough",
    "district",
    "city",
    "county",
    "strategic",
];

/// Capitalised words after a place that name a document about it ("Anytown
/// Crime and Disorder Strategy"), not another body.
const DOCUMENT_WORDS: [&str; 10] = [
    "crime",
    "strategy",
    "plan",
    "agreement",
    "priorities",
    "annual",
    "community",
    "safer",
    "local",
    "and",
];

/// Words that say what kind of place or council a name is, not which: a run of
/// them alone ("The City", "County Council") names no place, whatever alias the
/// knowledge base keeps ("the City" is the City of London's).
const GENERIC: [&str; 10] = [
    "the",
    "city",
    "county",
    "borough",
    "district",
    "council",
    "town",
    "metropolitan",
    "royal",
    "of",
];

/// Words that, after a place's name, make it another body's ("Greater Manchester
/// Police", "Essex Fire and Rescue Service").
const OTHER_AFTER: [&str; 8] = [
    "police",
    "constabulary",
    "fire",
    "integrated",
    "nhs",
    "probation",
    "health",
    "clinical",
];

/// A place the text names: where, how, and how specific.
struct Candidate {
    name: String,
    tier: String,
    /// The knowledge base's id of the place, and of those it covers (a
    /// partnership's councils).
    id: String,
    covers: Vec<String>,
    /// 0: named as the partnership's or council's own in the title; 1: so named
    /// in the opening; 2: so named later; 3: named plainly in the opening; 4:
    /// named plainly later ("making Torbay safe"); 5: in another body's name (a
    /// police force), never the area.
    standing: u8,
    /// 0: a council's area; 1: a county; 2: a police force area or a partnership.
    breadth: u8,
}

/// The place the text names as the partnership's own, as documents write it, and
/// its tier: a place named in the title as the document's own ("Kent Community
/// Safety Agreement"), else the first the opening names as a partnership's or
/// council's own ("the Rochdale Safer Communities Partnership", "Safer Bromley"),
/// else the first the rest of the text (`later`) names as a partnership's own,
/// else the most specific place the opening names plainly, else the first the
/// rest names plainly; never a place named only in another body's name
/// ("Greater Manchester Police"). Only a name the knowledge base knows (`csa law
/// areas`), never a number or a word it does not know.
pub(super) fn find(texts: &[&str], later: &[&str]) -> Option<(String, String)> {
    let knowledge = Knowledge::bundled();
    let mut found: Vec<Candidate> = Vec::new();
    // The places the opening's partnership covers part of ("South Cumbria").
    let mut part_of: Vec<String> = Vec::new();
    let opening = texts.len();
    // The rest of the text is read only while it may still matter, and no
    // further than its first place named as the partnership's own: a long text
    // costs no more than its opening.
    'texts: for (t, text) in texts.iter().chain(later).enumerate() {
        if t >= opening && found.iter().any(|c| c.standing <= 2) {
            break;
        }
        let raw: Vec<&str> = text
            .split(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '|' | '"')
            })
            .collect();
        let words: Vec<&str> = raw
            .iter()
            .map(|w| {
                let w = w.trim_end_matches("’s").trim_end_matches("'s");
                // "Rochford & Castle Point": the ampersand joins a name.
                match w {
                    "&" => w,
                    _ => w.trim_matches(|c: char| !c.is_alphanumeric()),
                }
            })
            .collect();
        let mut start = 0;
        while start < words.len() {
            let Some((len, place)) = place_at(&knowledge, &words, start) else {
                start += 1;
                continue;
            };
            let (name, tier) = describe(&place);
            let id = place.id().to_string();
            let covers = match place {
                Resolved::Partnership(p) => p.covers.clone(),
                _ => Vec::new(),
            };
            let after = words[start + len..]
                .iter()
                .find(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            let before_word = words[..start]
                .iter()
                .rev()
                .find(|w| !w.is_empty())
                .copied()
                .unwrap_or_default();
            // "South Warwickshire" is not Warwickshire: a compass word before a
            // place (the longer name unknown) makes another area of it.
            let qualified = [
                "South", "North", "East", "West", "Mid", "Central", "Inner", "Outer",
            ]
            .contains(&before_word);
            if qualified {
                // "South Cumbria Community Safety Partnership" in the opening: the
                // partnership covers part of the place, so the place named
                // plainly elsewhere is not its area either.
                if t < opening && OWN_AFTER.contains(&after.as_str()) {
                    part_of.push(name);
                }
                start += len;
                continue;
            }
            // "South Nottinghamshire Community Safety Partnership" named in full:
            // the partnership's own name, wherever it stands in the sentence.
            // So is a council named in full ("Stratford-on-Avon District Council").
            let run = &words[start..start + len];
            let in_full = (matches!(place, Resolved::Partnership(_))
                && run.iter().any(|w| w.eq_ignore_ascii_case("partnership")))
                || (matches!(place, Resolved::Authority(_))
                    && run.iter().any(|w| w.eq_ignore_ascii_case("council")));
            let own = in_full
                || OWN_AFTER.contains(&after.as_str())
                // "Safer Bromley", not "creating safer Adur and Worthing
                // communities".
                || matches!(before_word, "Safer" | "Safe" | "SAFER" | "SAFE");
            // After the opening, only a place named as the partnership's own
            // counts ("Wokingham Community Safety Partnership have 4 key
            // priorities"), and after every such place in the opening.
            let in_a_name = !own && in_another_name(&raw, &words, start + len);
            let standing = if OTHER_AFTER.contains(&after.as_str()) || in_a_name {
                5
            } else if own && t == 0 {
                0
            } else if own && t < opening {
                1
            } else if own {
                2
            } else if t < opening {
                3
            } else {
                4
            };
            let breadth = match tier.as_str() {
                "county" => 1,
                "police-area" | "partnership" => 2,
                _ => 0,
            };
            // After the opening, one place named plainly is enough.
            let plain_later = standing == 4 && found.iter().any(|c| c.standing == 4);
            if !plain_later {
                found.push(Candidate {
                    name,
                    tier,
                    id,
                    covers,
                    standing,
                    breadth,
                });
            }
            if t >= opening && standing == 2 {
                break 'texts;
            }
            start += len;
        }
    }
    // A place named only in another body's name ("Staffordshire Police") says
    // where that body works, not which area the partnership covers (a district
    // of the force's county, often): no area rather than a wrong one.
    found.retain(|c| {
        let whole_place = part_of.contains(&c.name);
        c.standing < 5 && !whole_place && (part_of.is_empty() || c.standing < 3)
    });
    // The order of the text among equals: the first is kept by `min_by_key`.
    let best = found.iter().enumerate().min_by_key(|(n, c)| {
        let breadth = if c.standing >= 3 { c.breadth } else { 0 };
        (c.standing, breadth, *n)
    })?;
    // "Castle Point Borough Council Priorities" over a page about "the Rochford
    // & Castle Point Community Safety Partnership": the council is one of the
    // partnership's, and the partnership, named as the text's own, is the area.
    let best = found
        .iter()
        .find(|c| c.standing <= 2 && c.covers.contains(&best.1.id))
        .unwrap_or(best.1);
    Some((best.name.clone(), best.tier.clone()))
}

/// "Designed and produced by Wandsworth Design & Print": a place named plainly
/// and ending at `end`, then a capitalised word that is no document's, is part
/// of another body's name. Only the word straight after counts, with nothing
/// between ("Enfield. A Strategic Assessment", "RBWM (Craig Miller)" are not one
/// name).
fn in_another_name(raw: &[&str], words: &[&str], end: usize) -> bool {
    let adjacent = raw[end - 1].ends_with(|c: char| c.is_alphanumeric());
    let next = words.get(end).copied().unwrap_or_default();
    adjacent
        && next.starts_with(|c: char| c.is_uppercase())
        && !DOCUMENT_WORDS.contains(&next.to_lowercase().as_str())
}

/// The longest run of capitalised words at `start` (up to eight: "North Devon and
/// Torridge Community Safety Partnership") that the knowledge
/// base knows as a place, and how many words it takes.
fn place_at<'k>(
    knowledge: &'k Knowledge,
    words: &[&str],
    start: usize,
) -> Option<(usize, Resolved<'k>)> {
    if !words[start].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    for len in (1..=8).rev() {
        let Some(run) = words.get(start..start + len) else {
            continue;
        };
        let last = run[len - 1];
        let capitalised = run
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || JOINING.contains(w));
        if !capitalised || JOINING.contains(&last) || run.iter().any(|w| w.is_empty()) {
            continue;
        }
        // Nor does a name of two places ("The City Council and Southampton") one
        // of which is only such words.
        let generic = |part: &[&str]| {
            part.iter()
                .all(|w| GENERIC.contains(&w.to_lowercase().as_str()))
        };
        if run.split(|w| *w == "and" || *w == "&").any(generic) {
            continue;
        }
        let name = run.join(" ");
        let found = knowledge.resolve(&name, None);
        // "safer Adur and Worthing communities": places that a partnership csa
        // knows covers, together, are that partnership's area.
        if found.len() > 1 {
            let ids: Vec<&str> = found.iter().map(|p| p.id()).collect();
            let joint = knowledge.gazetteer().partnerships.iter().find(|p| {
                p.covers.len() == ids.len() && p.covers.iter().all(|c| ids.contains(&c.as_str()))
            });
            if let Some(joint) = joint {
                return Some((len, Resolved::Partnership(joint)));
            }
        }
        if let Some(place) = found.into_iter().next() {
            // "North Yorkshire Community Safety Partnership": the area is the
            // place the partnership is named after, when csa knows it as one
            // ("Adur and Worthing Safer Communities Partnership" is named after
            // two: the partnership is the area).
            if matches!(place, Resolved::Partnership(_)) {
                let one_place = !run.iter().any(|w| matches!(*w, "and" | "&"));
                if let Some(shorter) = (1..len).rev().filter(|_| one_place).find_map(|l| {
                    let inner = words[start..start + l].join(" ");
                    knowledge
                        .resolve(&inner, None)
                        .into_iter()
                        .find(|p| matches!(p, Resolved::Authority(_)))
                        .map(|p| (l, p))
                }) {
                    return Some(shorter);
                }
            }
            return Some((len, place));
        }
    }
    None
}

/// The place's name as documents write it, and its tier (`county`, `district`,
/// `unitary`, ...; `police-area` for a force area).
fn describe(place: &Resolved<'_>) -> (String, String) {
    match place {
        Resolved::Authority(a) => (a.area.clone(), a.tier.clone()),
        Resolved::Partnership(p) => (p.name.clone(), "partnership".to_string()),
        Resolved::PoliceArea(p) => (p.name.clone(), "police-area".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_after_a_place_is_read_past_punctuation() {
        // "Rochdale," then "Community Safety Partnership": the partnership's own
        // place, though a comma stands between; Manchester is only named.
        assert_eq!(
            find(
                &["Manchester, and Rochdale, Community Safety Partnership"],
                &[]
            )
            .map(|(n, _)| n)
            .as_deref(),
            Some("Rochdale")
        );
    }

    #[test]
    fn a_run_of_words_that_only_say_what_kind_of_place_is_no_place() {
        let found = |t: &[&str]| find(t, &[]).map(|(n, _)| n);
        // "The City" is an alias of the City of London: a council calling itself
        // "The City Council" is not the City of London.
        assert_eq!(
            found(&[
                "Safer Anytown Strategy",
                "The City Council and Southampton’s partners agreed the strategy."
            ])
            .as_deref(),
            Some("Southampton")
        );
        assert_eq!(found(&["The County Council and the City Council"]), None);
        // The name itself still resolves.
        assert_eq!(
            found(&["The City of London Safer City Partnership"]).as_deref(),
            Some("City of London")
        );
    }

    #[test]
    fn a_council_named_plainly_is_preferred_to_the_police_area_around_it() {
        // Both named plainly, the police force area first: the council's area is the
        // more specific, and a partnership is a council's.
        assert_eq!(
            find(
                &[
                    "Community Safety Plan",
                    "Crime across Thames Valley has fallen, and in Oxford it fell furthest."
                ],
                &[]
            )
            .map(|(n, _)| n)
            .as_deref(),
            Some("Oxford")
        );
    }

    #[test]
    fn areas() {
        let found = |t: &str| find(&[t], &[]).map(|(n, _)| n);
        assert_eq!(
            found("The Safer Bromley Partnership was set up").as_deref(),
            Some("Bromley")
        );
        assert_eq!(
            found("West Lancashire Community Safety Partnership (CSP)").as_deref(),
            Some("West Lancashire")
        );
        assert_eq!(
            found("The report summarised the Community Safety Plan for Middlesbrough’s residents")
                .as_deref(),
            Some("Middlesbrough")
        );
        assert_eq!(found("Documents and Data"), None);
    }
}
