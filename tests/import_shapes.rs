//! `csa import` on the shapes English plans print their priorities, themes and
//! leads in, one short realistic text each, and beside each a distractor that must
//! stay prose.

use csa::ast::{self, Document};
use csa::import;

fn doc(text: &str) -> (Document, String) {
    let imported = import::import_text(text);
    let parsed = ast::parse(&imported.csa);
    (parsed.document, imported.csa)
}

fn priorities(d: &Document) -> Vec<String> {
    d.priorities
        .iter()
        .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
        .collect()
}

fn themes(d: &Document) -> Vec<String> {
    d.themes
        .iter()
        .filter_map(|p| p.title.as_ref().map(|t| t.value.clone()))
        .collect()
}

/// Every word of `text` is in the draft, in order (list and heading marks aside).
fn keeps_every_word(text: &str, csa: &str) {
    let mut rest = csa;
    for w in text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
    {
        match rest.find(w) {
            Some(p) => rest = &rest[p + w.len()..],
            None => panic!("{w:?} is missing from the draft (or out of order):\n{csa}"),
        }
    }
}

#[test]
fn an_entry_with_its_description_after_a_dash_is_its_title() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nThe overarching priority outcomes for the Partnership are as follows:\n\n• Increased Community safety – more people feel safer.\n• Improved Health and Wellbeing – better health status & healthier lifestyles.\n• Reduce Harm – Including Domestic Abuse.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Increased Community safety",
            "Improved Health and Wellbeing",
            "Reduce Harm – Including Domestic Abuse"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_numbered_list_after_a_sentence_ending_are() {
    let text = "Anytown Community Safety Strategy 2024-2029\n\nThe board has published its strategy, which sets out its priorities and how it will deliver them over the coming years. The priorities for the next five years are:\n1. Anti-Social Behaviour\n2. Violent Crime\n3. Road Safety\nThe strategy is underpinned by three key principles:\n1. A public health approach\n2. Resident engagement\n3. Collaboration\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Anti-Social Behaviour", "Violent Crime", "Road Safety"],
        "{csa}"
    );
    // The principles are not priorities.
    assert!(!csa.contains("@priority RE"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn a_numbered_list_run_into_a_contents_paragraph() {
    let text = "Anytown Community Safety Partnership Strategy 2016/2020\n\n2 | Anytown Strategy Contents 3 Foreword 4 The Partnership 10 Community Safety Partnership Priorities 1. Reducing Re-offending 2. Reduce Anti-Social Behaviour 3. Embed Prevent in to mainstream activities , including the Hate Crime Action Plan 4. Reduce the Number of people Killed and Seriously Injured on our roads, including Road Safety. 18 Further Information\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing Re-offending",
            "Reduce Anti-Social Behaviour",
            "Embed Prevent in to mainstream activities",
            "Reduce the Number of people Killed and Seriously Injured on our roads"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_table_of_contents_run_into_a_paragraph_is_not_a_list_of_priorities() {
    let text = "Anytown Community Safety Plan 2024-2027\n\nContents 1. Introduction 2. Our Area 3. What we achieved last year 4. Leads 5. Further Information\n";
    let (d, csa) = doc(text);
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn priorities_and_themes_named_in_a_sentence() {
    let text = "Anytown Partnership Strategy 2025-2028\n\nThe Partnership used an evidence-based approach. This process identified 3 main priorities that shaped the new Strategy: Safer Neighbourhoods; Tackling violence, abuse and exploitation; and preventing offending and building resilience. The objective areas sat under the priorities.\n\nRunning through every priority are three cross-cutting themes: early intervention, victims, and communities.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Safer Neighbourhoods",
            "Tackling violence, abuse and exploitation",
            "preventing offending and building resilience"
        ],
        "{csa}"
    );
    assert_eq!(
        themes(&d),
        ["early intervention", "victims", "communities"],
        "{csa}"
    );
    assert!(csa.contains("// csa-import:"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn themes_named_in_the_sentence_after_the_one_that_introduces_them() {
    let text = "Anytown Partnership Strategy 2025-2028\n\nParagraph 2.5 of the report outlined the Cross Cutting Themes which impacted all community safety priorities. These were Online Crime; Service User Voice; and Equality.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        themes(&d),
        ["Online Crime", "Service User Voice", "Equality"],
        "{csa}"
    );
}

#[test]
fn a_sentence_about_last_years_priorities_or_a_miscounted_list_is_prose() {
    let text = "Anytown Partnership Strategy 2025-2028\n\nThe previous strategy's priorities were: Burglary; Vehicle Crime; and Robbery.\n\nThe partnership agreed four priorities: Violence; Drugs; and Exploitation.\n";
    let (d, csa) = doc(text);
    assert!(priorities(&d).is_empty(), "{csa}");
    // The miscounted list stays prose, with a note where it stands.
    assert!(
        csa.contains(
            "Exploitation.\n\n// csa-import: this sentence announces 4 priorities but names 3"
        ),
        "{csa}"
    );
}

#[test]
fn a_priorities_heading_with_an_introduction_before_its_list() {
    let text = "# Anytown Community Safety Plan 2025-2028\n\n## Our priorities\n\nOver the next three years we will focus on:\n\n- Domestic Abuse\n- Serious Violence\n- Neighbourhood Crime\n\n## What we achieved last year\n\n- Reduced burglary\n- Opened a hub\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic Abuse", "Serious Violence", "Neighbourhood Crime"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn lead_lines_under_each_priority_become_its_leads() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nPriority 1: Domestic Abuse\n\nWe will support victims and hold perpetrators to account across the borough.\n\nLead: Head of Community Safety, Anytown Council\n\nPriority 2: Serious Violence\n\nWe will reduce violence in the town centre and around schools at the end of the day.\n\nLead officer: Superintendent, Anyshire Police\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic Abuse", "Serious Violence"],
        "{csa}"
    );
    let leads: Vec<(String, Option<String>)> = d
        .priorities
        .iter()
        .flat_map(|p| {
            p.leads.iter().map(|l| {
                (
                    l.role.value.clone(),
                    l.organisation.as_ref().map(|o| o.value.clone()),
                )
            })
        })
        .collect();
    assert_eq!(
        leads,
        [
            (
                "Head of Community Safety".to_string(),
                Some("Anytown Council".to_string())
            ),
            (
                "Superintendent".to_string(),
                Some("Anyshire Police".to_string())
            )
        ],
        "{csa}"
    );
    assert_eq!(d.priorities[1].leads.len(), 1, "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn a_leads_table_in_any_column_order_with_an_owner_column() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nOur priorities are:\n\n- Domestic Abuse\n- Serious Violence\n\nOwner\tPriority\tMeasure\nHead of Service, Anytown Council\tDomestic Abuse\tRepeat referrals\nChief Inspector, Anyshire Police\tSerious Violence\tKnife crime\n";
    let (d, csa) = doc(text);
    assert_eq!(d.leads.len(), 2, "{csa}");
    assert!(
        d.leads.iter().all(|l| l.priority.is_some()),
        "every lead tied to its priority:\n{csa}"
    );
}

#[test]
fn a_sub_group_list_is_not_a_list_of_priorities() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nThe priorities are delivered by the following sub-groups:\n\n- Domestic Abuse Forum\n- Youth Violence Board\n";
    let (d, csa) = doc(text);
    assert!(priorities(&d).is_empty(), "{csa}");
}

fn header(d: &Document) -> (Option<String>, Option<String>) {
    let a = d.agreement.as_ref().expect("a header");
    (
        a.period.as_ref().map(|p| {
            let p = &p.value;
            format!("{}-{}", p.from.year, p.to.year)
        }),
        a.effective.as_ref().map(|e| e.value.to_string()),
    )
}

#[test]
fn the_period_from_the_next_three_years_and_a_year_printed_nearby() {
    let text = "Making Anytown Safer\n\nPublished 01.04.2011\n\nThe Anytown Partnership has agreed its priorities for the next three years, following consultation.\n";
    let (d, csa) = doc(text);
    assert_eq!(header(&d).0.as_deref(), Some("2011-2014"), "{csa}");
    // A span with no year printed anywhere is no period.
    let (d, csa) = doc("Anytown Safety Strategy\n\nThe board has published its five year strategy. The priorities for the next five years are set out below.\n");
    assert_eq!(header(&d).0, None, "{csa}");
}

#[test]
fn the_effective_date_from_the_approval_in_words() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nThis plan was agreed by the Anytown Partnership Board on 12 March 2025.\n";
    let (d, csa) = doc(text);
    assert_eq!(header(&d).1.as_deref(), Some("2025-03-12"), "{csa}");
    assert!(
        csa.contains("agreed by the Anytown Partnership Board on 12 March 2025\": check it"),
        "{csa}"
    );
    // A plan still to be approved: the date is the title's, not the meeting's.
    let (d, csa) = doc("Anytown Community Safety Plan 2025-2028\n\nThe plan will be approved by Council on 12 March 2025.\n");
    assert_eq!(header(&d).1.as_deref(), Some("2025-04-01"), "{csa}");
}

#[test]
fn a_table_whose_priority_column_is_not_the_first() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nWhy it matters\tOutcome\tWhat we will do\nVictims come first\tFewer repeat victims of domestic abuse\tFund advocates\nYoung people at risk\tLess youth violence\tMentoring in schools\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Fewer repeat victims of domestic abuse",
            "Less youth violence"
        ],
        "{csa}"
    );
    // A table of crime types in a data section has no priority column.
    let (d, csa) = doc("Anytown Community Safety Plan 2025-2028\n\nCrime type\tOffences\tChange\nBurglary\t120\t-5%\nVehicle crime\t80\t+2%\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn short_paragraphs_that_each_open_with_a_title() {
    let text = "Anytown Community Safety Plan 2025-2028\n\n## Strategic priorities\n\nDomestic abuse: we will support victims and hold those who harm them to account.\n\nSerious violence: we will work with schools and youth services to prevent knife crime.\n\nNote: this plan is reviewed every year by the partnership board.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic abuse", "Serious violence"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Under a heading that names no priorities, such paragraphs stay prose.
    let (d, csa) = doc("Anytown Community Safety Plan 2025-2028\n\n## Our partners\n\nAnytown Police: the force works with us on every part of this plan.\n\nAnytown Council: the council chairs the board and hosts the team.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}
