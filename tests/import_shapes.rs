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

fn area(d: &Document) -> Option<String> {
    d.agreement
        .as_ref()
        .and_then(|a| a.area.as_ref().map(|a| a.value.clone()))
}

#[test]
fn the_area_is_the_place_the_text_names_as_the_partnerships_own() {
    // The police force's area comes first, the borough's partnership after.
    let text = "Safer Communities Plan\n\nSummary\n\nWe work with West Midlands Police, the probation service and other agencies to protect people in the borough.\n\nThe Walsall Safer Communities Partnership is a statutory partnership established in 2000.\n";
    let (d, csa) = doc(text);
    assert_eq!(area(&d).as_deref(), Some("Walsall"), "{csa}");
    // Named only in the force's name, the police area is still the place named.
    let (d, csa) =
        doc("Safer Communities Plan\n\nWe work with West Midlands Police to protect people.\n");
    assert_eq!(area(&d).as_deref(), Some("West Midlands"), "{csa}");
}

#[test]
fn an_agenda_number_or_an_unknown_word_is_never_the_area() {
    for text in [
        "78 Community Safety Action Plan (0.07.10) PDF 289 KB\n\nThe Group noted a report on the partnership's plan.\n",
        "Anytown Community Safety Plan 2025-2028\n\nThe Anytown Partnership met in March.\n",
    ] {
        let (d, csa) = doc(text);
        assert_eq!(area(&d), None, "{csa}");
        assert!(csa.contains("the text names no area csa knows"), "{csa}");
    }
}

#[test]
fn a_long_sentence_that_counts_the_short_items_after_it() {
    let text = "Community Safety Action Plan\n\nHe informed the Group that the partnership had reviewed and sharpened its priorities and they were aligned with the county's priorities and that the partnership would continue to focus on four key areas which were:\n· Domestic Abuse\n· Youth Violence\n· Drug Use\n· Exploitation\nThe partnership would focus on resilience across all of them.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Domestic Abuse",
            "Youth Violence",
            "Drug Use",
            "Exploitation"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Counted wrong, or followed by sentences rather than names: prose.
    for list in [
        "· Domestic Abuse\n· Youth Violence\n· Drug Use\n",
        "· The partnership will fund two new advocates for victims of domestic abuse in the district\n· The youth service will run sessions in every secondary school across the district\n· Drug Use\n· Exploitation\n",
    ] {
        let (d, csa) = doc(&format!("Community Safety Action Plan\n\nHe informed the Group that the partnership had reviewed and sharpened its priorities and they were aligned with the county's priorities and that the partnership would continue to focus on four key areas which were:\n{list}"));
        assert!(priorities(&d).is_empty(), "{csa}");
    }
}

#[test]
fn a_plans_key_themes_are_its_priorities_unless_it_lists_them_as_such() {
    let text = "Safer Communities Plan\n\nThe Safer Communities Plan sets out the vision for key themes:\n\n  • Increasing confidence and satisfaction.\n  • Reducing crime.\n  • Reducing adult reoffending.\n\nThe Anytown Safer Communities Partnership\n\nThe partnership was established in 2000.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Increasing confidence and satisfaction",
            "Reducing crime",
            "Reducing adult reoffending"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // With its priorities listed as such, the themes' list stays prose, with a note.
    let (d, csa) = doc("Safer Communities Plan\n\nOur key themes are:\n\n- Confidence\n- Cohesion\n\nOur priorities are:\n\n- Reducing crime\n- Reducing reoffending\n");
    assert_eq!(
        priorities(&d),
        ["Reducing crime", "Reducing reoffending"],
        "{csa}"
    );
    assert!(
        csa.contains("this list of themes is left as prose"),
        "{csa}"
    );
}

#[test]
fn entries_with_particular_reference_to_sub_items_after_a_colon_and_dash() {
    let text = "Making Anytown Safer\n\nThe priorities are:-\n\n  • To reduce crime, with particular reference to:\n    • Burglary and theft\n    • Violent crime\n  • To reduce anti-social behaviour\n    • Particularly the anti-social use of vehicles\n  • To reduce re-offending – in particular:\n    • Prolific and priority offenders\n  • To identify how we can make our Borough safer through the Government’s proposed ‘localism’ initiatives.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "To reduce crime",
            "To reduce anti-social behaviour",
            "To reduce re-offending",
            "To identify how we can make our Borough safer through the Government’s proposed ‘localism’ initiatives"
        ],
        "{csa}"
    );
    // The sub-items are not priorities; they stay, as prose.
    assert!(!csa.contains("@priority BAT"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn crosscutting_topics_named_before_the_sentence_that_ends_with_the_colon() {
    let text = "Priorities\n\nThe Police & Crime Plan's London-wide priorities are as follows:\n- Reducing and preventing violence\n- Better supporting victims\nFindings from the assessment suggest that the following 2024/25 priority areas should be:\n- Violent Crime\n- Domestic Abuse\nIn addition to these main priority areas, the following crosscutting topics will also be considered when tackling the named priorities. This is due to evidence recognising the links to victims around these areas:\n- Substance Misuse\n- Mental Health\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d), ["Violent Crime", "Domestic Abuse"], "{csa}");
    assert_eq!(themes(&d), ["Substance Misuse", "Mental Health"], "{csa}");
    assert_eq!(header(&d).0.as_deref(), Some("2024-2025"), "{csa}");
    keeps_every_word(text, &csa);
    // A paragraph whose last sentence introduces something else: its list is not themes.
    let (d, csa) = doc("Priorities\n\nThe partnership discussed the following crosscutting topics at length. Members were asked to note the attendance at its meetings:\n- Anyshire Police\n- Anytown Council\n");
    assert!(themes(&d).is_empty(), "{csa}");
}

fn authorities(d: &Document) -> Vec<(String, String)> {
    d.authorities
        .iter()
        .map(|a| {
            (
                a.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                a.kind.as_ref().map(|k| k.value.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn the_statutory_partners_are_the_responsible_authorities() {
    let text = "Tendring Community Safety Partnership\n\nThe Tendring Community Safety Partnership consists of the following statutory partners:\n- Tendring Council\n- Essex Police\n- Essex County Council\n- National Health Service\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d),
        [
            (
                "Tendring Council".to_string(),
                "district-council".to_string()
            ),
            ("Essex Police".to_string(), "police".to_string()),
            (
                "Essex County Council".to_string(),
                "county-council".to_string()
            ),
            ("National Health Service".to_string(), "health".to_string()),
        ],
        "{csa}"
    );
    // The non-statutory partners are not responsible authorities.
    let (d, csa) = doc("Tendring Community Safety Partnership\n\nThe partnership also works with these non-statutory partners:\n- Victim Support\n- Neighbourhood Watch\n");
    assert!(d.authorities.is_empty() && d.bodies.is_empty(), "{csa}");
}

#[test]
fn a_sentence_naming_the_responsible_authorities_lists_them_when_no_section_does() {
    let text = "Tendring Community Safety Partnership Plan 2024-2027\n\nThe responsible authorities are: Tendring District Council, Essex Police, Essex County Fire and Rescue Service, the Probation Service and the NHS Suffolk and North East Essex Integrated Care Board.\n";
    let (d, csa) = doc(text);
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Tendring District Council",
            "Essex Police",
            "Essex County Fire and Rescue Service",
            "the Probation Service",
            "the NHS Suffolk and North East Essex Integrated Care Board"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_long_last_item_that_closes_the_list_with_a_full_stop() {
    let text = "Safer Anytown\n\nOur top priorities\n\n  • Reducing violence with injury\n  • Preventing violent extremism\n  • Finding new and meaningful ways to engage and interact with communities and identity groups about crime and disorder and community safety.\n\nDownload the plan.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing violence with injury",
            "Preventing violent extremism",
            "Finding new and meaningful ways to engage and interact with communities and identity groups about crime and disorder and community safety"
        ],
        "{csa}"
    );
    // Long items that are each sentences are not titles.
    let (d, csa) = doc("Safer Anytown\n\nOur top priorities\n\n  • We reduced violence with injury by a fifth over the year thanks to the work of the night-time economy team.\n  • We opened a hub in the town centre where victims of crime can find support and advice every weekday.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn resources_joint_working_and_measure_lines_under_a_priority_become_its_fields() {
    let text = "Anytown Community Safety Plan 2025-2028\n\nPriority 1: Domestic Abuse\n\nWe will support victims and hold perpetrators to account across the borough.\n\nLead: Head of Community Safety, Anytown Council\n\nResources: £40,000 a year from the Community Safety Fund\n\nJoint working: the police and the council run one domestic abuse hub\n\nMeasure: more repeat victims referred to the hub\n\nPriority 2: Serious Violence\n\nWe will reduce violence in the town centre and around schools at the end of the day.\n\nResourcing the work will be agreed by the partnership board.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic Abuse", "Serious Violence"],
        "{csa}"
    );
    let da = &d.priorities[0];
    assert_eq!(
        da.resources.as_ref().map(|r| r.value.as_str()),
        Some("£40,000 a year from the Community Safety Fund"),
        "{csa}"
    );
    assert_eq!(
        da.joint_working.as_ref().map(|r| r.value.as_str()),
        Some("the police and the council run one domestic abuse hub"),
        "{csa}"
    );
    let measures: Vec<&str> = da.measures.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(
        measures,
        ["more repeat victims referred to the hub"],
        "{csa}"
    );
    // A sentence about resources is prose, not a field; a labelled line is not a
    // priority.
    let sv = &d.priorities[1];
    assert!(
        sv.resources.is_none() && sv.joint_working.is_none(),
        "{csa}"
    );
    assert!(
        !priorities(&d).iter().any(|p| p.contains("Resources")),
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn under_a_heading_one_line_may_introduce_paragraphs_that_open_with_titles() {
    let text = "Anytown Community Safety Plan 2025-2028\n\n# Our priorities\n\nOver the next three years we will focus on:\n\nDomestic abuse: we will support victims and hold perpetrators to account across the borough.\n\nSerious violence: we will reduce violence in the town centre and around schools.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic abuse", "Serious violence"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}
