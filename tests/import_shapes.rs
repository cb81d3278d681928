//! `csa import` on the shapes English plans print their priorities, themes and
//! leads in, one short realistic text each, and beside each a distractor that must
//! stay prose.

mod import_support;

use import_support::*;

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

#[test]
fn the_area_is_the_place_the_text_names_as_the_partnerships_own() {
    // The police force's area comes first, the borough's partnership after.
    let text = "Safer Communities Plan\n\nSummary\n\nWe work with West Midlands Police, the probation service and other agencies to protect people in the borough.\n\nThe Walsall Safer Communities Partnership is a statutory partnership established in 2000.\n";
    let (d, csa) = doc(text);
    assert_eq!(area(&d).as_deref(), Some("Walsall"), "{csa}");
    // Named only in the force's name, the place is the force's, not the
    // partnership's (which may be any borough or district it polices): no area.
    let (d, csa) =
        doc("Safer Communities Plan\n\nWe work with West Midlands Police to protect people.\n");
    assert_eq!(area(&d), None, "{csa}");
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

#[test]
fn an_introduction_without_its_colon_and_with_an_aside() {
    let text = "Safer Anytown Partnership - New Strategy 2024 - 2027\n\nThe priorities are (in no particular order)\n\n  1. Anti-Social Behaviour\n  2. Hate Crime\n  3. Road Safety\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Anti-Social Behaviour", "Hate Crime", "Road Safety"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A sentence that ends "are" but goes on past a full stop introduces nothing,
    // nor does one followed by ordinary paragraphs.
    for text in [
        "Anytown Community Safety Plan\n\nWe asked residents what matters. The priorities are\n\n  1. Anti-Social Behaviour\n  2. Hate Crime\n",
        "Anytown Community Safety Plan\n\nThe priorities are\n\nset each year by the board.\n\nThey are published in April.\n",
    ] {
        let (d, csa) = doc(text);
        assert!(d.priorities.is_empty(), "{csa}");
        keeps_every_word(text, &csa);
    }
}

#[test]
fn priorities_named_in_a_sentence_inside_a_list_item() {
    let text = "Safer Anytown Plan (2014-15)\n\nThe following key points were noted:\n\n  • The statutory partnership for Anytown was the Safer Anytown Partnership.\n  • The SAP priorities were: dealing with volume crime; violence against women and girls; serious youth violence and antisocial behaviour.\n  • A six month update would be presented at the next meeting.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "dealing with volume crime",
            "violence against women and girls",
            "serious youth violence",
            "antisocial behaviour"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // "; and" joins the last entry: its own "and" is part of it; a name's "and"
    // ("women and girls") never splits it.
    let (d, csa) = doc("Anytown Plan\n\n  • The priorities were: burglary; hate crime; and violence against women and girls.\n");
    assert_eq!(
        priorities(&d),
        ["burglary", "hate crime", "violence against women and girls"],
        "{csa}"
    );
    // Another body's priorities named in an item are not the partnership's.
    let (d, csa) = doc("Anytown Plan\n\n  • The Police and Crime Commissioner's priorities were: burglary; robbery; and fraud.\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn an_entry_that_gives_examples_after_like_is_titled_by_what_comes_before() {
    let text = "Safer Anyshire Plan\n\nThe proposed priorities are:\n- Serious violence\n- Neighbourhood crimes like robbery, burglary, anti-social behaviour and vehicle crime\n- Fraud\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Serious violence", "Neighbourhood crimes", "Fraud"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // "like" without a list of examples is part of the title.
    let (d, csa) = doc("Safer Anyshire Plan\n\nThe proposed priorities are:\n- Serious violence\n- Making places feel like home\n");
    assert_eq!(
        priorities(&d),
        ["Serious violence", "Making places feel like home"],
        "{csa}"
    );
}

#[test]
fn statutory_authorities_named_on_a_line_of_their_own() {
    let text = "Dacorum Community Safety Partnership\n\nThe partnership is made up of:\nStatutory authorities\n- Dacorum Borough Council\n- Hertfordshire Constabulary\n- Hertfordshire Fire and Rescue\nNon-statutory partners\n- Neighbourhood Watch\n- Trading Standards\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        [
            "Dacorum Borough Council",
            "Hertfordshire Constabulary",
            "Hertfordshire Fire and Rescue"
        ],
        "{csa}"
    );
    assert!(d.bodies.is_empty(), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn authorities_among_the_members_a_sentence_names() {
    let text = "Southampton Safe City Partnership\n\nThe partnership is made up of the City Council, Hampshire Constabulary, Hampshire & Isle of Wight Fire and Rescue Service, Southampton and Isle of Wight Clinical Commissioning Group, Probation Services, Southampton Voluntary Services and Go Southampton, the Business Improvement District.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d),
        [
            ("City Council".to_string(), "unitary-council".to_string()),
            ("Hampshire Constabulary".to_string(), "police".to_string()),
            (
                "Hampshire & Isle of Wight Fire and Rescue Service".to_string(),
                "fire".to_string()
            ),
            (
                "Southampton and Isle of Wight Clinical Commissioning Group".to_string(),
                "health".to_string()
            ),
            ("Probation Services".to_string(), "probation".to_string()),
        ],
        "{csa}"
    );
    // The members that are not authorities stay prose, named in the note.
    assert!(
        csa.contains("left as prose: Southampton Voluntary Services; Go Southampton; Business Improvement District"),
        "{csa}"
    );
    assert!(d.bodies.is_empty(), "{csa}");
    keeps_every_word(text, &csa);
    // A sentence about the members of something else, or naming fewer than three
    // authorities, gives none.
    for text in [
        "Anytown Plan\n\nThe board is made up of Anytown Police, Anytown Fire and Rescue Service and Anytown Council.\n",
        "Anytown Plan\n\nThe partnership is made up of residents, businesses, Anytown Police and the voluntary sector.\n",
    ] {
        let (d, csa) = doc(text);
        assert!(d.authorities.is_empty(), "{csa}");
    }
}

#[test]
fn a_semicolon_where_the_colon_belongs_and_word_bullets() {
    let text = "Annual Review of the Community Safety Partnership.\n\nThe Anytown CSP strategic priorities for 2017-2020 were;\n\no   Acquisitive Crime\n\no   Cyber Crime\n\no   Modern Slavery and Organised Immigration Crime, Human Trafficking and Exploitation\n\nThe Community Safety Officer was preparing a statement.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Acquisitive Crime",
            "Cyber Crime",
            "Modern Slavery and Organised Immigration Crime, Human Trafficking and Exploitation"
        ],
        "{csa}"
    );
    // A sentence that goes on after its semicolon introduces nothing.
    let (d, csa) = doc("Anytown Plan\n\nThe priorities were reviewed; the board agreed them\n\no   Acquisitive Crime\n\no   Cyber Crime\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn a_list_item_introduces_numbered_lines_that_read_as_headings() {
    let text = "Agenda item\n\nThe following key points were raised:\n\n·       The Safer Anytown Plan for 2020/23 outlined the priorities of helping communities; protecting vulnerable adults.\n\n·       The Safer Anytown Strategy 2023-2026 sets out three priorities:\n\n1.      Neighbourhood Crime\n\n2.      Serious Violence\n\n3.      Exploitation of Vulnerable People\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Neighbourhood Crime",
            "Serious Violence",
            "Exploitation of Vulnerable People"
        ],
        "{csa}"
    );
    // The plan spoken of in the past tense is the previous one: the period is
    // the new strategy's.
    let period = d.agreement.as_ref().and_then(|a| a.period.as_ref());
    assert_eq!(
        period.map(|p| (p.value.from.year, p.value.to.year)),
        Some((2023, 2026)),
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn titles_with_descriptions_after_a_dash_then_cross_cutting_ones_introduced_with_a_dash() {
    let text = "Safer Anyshire is a partnership.\nOur priorities\nReducing Violence in Families – tackling domestic abuse and sexual violence\nPreventing Violence in Communities – preventing serious violence, including youth violence\nCross-Cutting Priorities – influencing all areas of our work:\n- Reducing offending and reoffending\n- Increasing community confidence\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing Violence in Families",
            "Preventing Violence in Communities"
        ],
        "{csa}"
    );
    assert_eq!(
        themes(&d),
        [
            "Reducing offending and reoffending",
            "Increasing community confidence"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A short line that names priorities among other things is no heading of
    // them: the titled lines under it stay prose.
    let (d, csa) = doc("Documents\n\nPartnership priorities and plans\n\nDraft Strategy 2020-23\n\nWe completed a strategic assessment in December 2019 and consulted on the draft strategy.\n\nStrategy 2017-20\n\nEvery three years the Partnership resets its priorities and reviews its plans each year.\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn list_items_that_end_with_semicolons_and_a_last_and() {
    let text = "Community Safety Strategy 2022 - 25\n\nThe Panel noted the strategic priorities reflected within the Strategy, as follows:\n\n·       Tackling domestic and sexual abuse;\n\n·       Reducing anti-social behaviour;\n\n·       Reducing substance and alcohol misuse;  and\n\n·       Reducing violence and violent crime.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Tackling domestic and sexual abuse",
            "Reducing anti-social behaviour",
            "Reducing substance and alcohol misuse",
            "Reducing violence and violent crime"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Clauses that end with semicolons are not titles.
    let (d, csa) = doc("Anytown Plan\n\nOur priorities are:\n\n- we will work with schools and colleges to reduce the number of young people who carry knives;\n- we will support every victim of domestic abuse who comes forward to any of the partners;\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn a_line_naming_the_priorities_then_one_introducing_titled_paragraphs() {
    let text = "What is community safety?\n\nCommunity safety offers a wider approach to tackling crime and disorder.\n\nOur priorities\n\nThe current local community safety priorities as detailed in our community safety delivery plan:\n\nIncrease feelings of safety\nLocal people have told us that low levels of crime are a very important factor in making somewhere a good place to live.\n\nSupport vulnerable members of the community\nVulnerability takes many forms with different people being susceptible to different types of issues.\n\nReduce the impact of the misuse of alcohol and other substances\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Increase feelings of safety",
            "Support vulnerable members of the community",
            "Reduce the impact of the misuse of alcohol and other substances"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_place_named_only_in_a_police_forces_name_is_not_the_area() {
    let (d, csa) = doc("What is community safety?\n\nThe Act requires agencies such as your local council and Staffordshire Police to work together.\n");
    assert!(
        d.agreement.as_ref().and_then(|a| a.area.as_ref()).is_none(),
        "{csa}"
    );
    let (d, csa) =
        doc("Lichfield Community Safety Partnership\n\nWe work with Staffordshire Police.\n");
    assert_eq!(
        d.agreement
            .as_ref()
            .and_then(|a| a.area.as_ref())
            .map(|a| a.value.as_str()),
        Some("Lichfield"),
        "{csa}"
    );
}

#[test]
fn a_list_of_people_and_their_roles_is_not_a_list_of_priorities() {
    let text = "LOCAL PRIORITIES FOR 2020/21\n\nThe Scrutiny Panel will hear from the following, outlining priorities and areas of challenge:\n\nCllr Ann Smith, Cabinet Member for Community Safety\n\nTony Jones, Executive Director People\n\nAndrea Brown, Head of Community Safety\n\nMinutes:\n\nThe Panel are reminded of the existing priorities as follows:\n\n·         Tackling violent crime in all its forms;\n\n·         Reducing burglary and keeping people safe at home;\n\n·         Dealing with anti-social behaviour\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Tackling violent crime in all its forms",
            "Reducing burglary and keeping people safe at home",
            "Dealing with anti-social behaviour"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn entries_named_before_the_words_that_call_them_priorities() {
    let text = "Approach to make Anytown safer\n\nHate crime, anti-social behaviour, reducing serious violence and tackling the supply of drugs have all been identified as priorities in a new strategy to help make Anytown safer.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Hate crime",
            "anti-social behaviour",
            "reducing serious violence",
            "tackling the supply of drugs"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    let (d, csa) = doc("Partners commit\n\nTackling domestic abuse, disrupting organised crime and improving safety within the night-time economy are some of the priorities local agencies will focus on.\n");
    assert_eq!(
        priorities(&d),
        [
            "Tackling domestic abuse",
            "disrupting organised crime",
            "improving safety within the night-time economy"
        ],
        "{csa}"
    );
    // A sentence that opens with when, not with its entries, names none.
    let (d, csa) =
        doc("Anytown Plan\n\nIn 2024, hate crime and burglary are the priorities of the police.\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn the_members_after_includes_and_the_council_of_the_area() {
    let text = "Safer Sheffield\n\nIn Sheffield, the Safer Sheffield Partnership brings together those authorities and includes Sheffield City Council, South Yorkshire Police, South Yorkshire Fire and Rescue, South Yorkshire Integrated Care Board and the National Probation Service.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        [
            "Sheffield City Council",
            "South Yorkshire Police",
            "South Yorkshire Fire and Rescue",
            "South Yorkshire Integrated Care Board",
            "National Probation Service"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // "the Council" is the area's council: Swindon's is a unitary council.
    let (d, csa) = doc("Swindon Community Safety Partnership\n\nSwindon's Community Safety Partnership is a statutory partnership made up of the Council, the Office of the Police and Crime Commissioner, Wiltshire Police, Dorset and Wiltshire Fire and Rescue Service, and the Probation Service.\n");
    assert_eq!(
        authorities(&d)[0],
        ("Council".to_string(), "unitary-council".to_string()),
        "{csa}"
    );
    assert!(
        csa.contains("left as prose: Office of the Police and Crime Commissioner"),
        "{csa}"
    );
    // What partnerships in general are made of is not this one's list.
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nThese partnerships are made up of representatives from responsible authorities such as police, local authorities, fire and rescue authorities, health and the probation service.\n");
    assert!(d.authorities.is_empty() && d.bodies.is_empty(), "{csa}");
}

#[test]
fn an_introduction_that_counts_its_entries_may_be_long() {
    let text = "Key priorities 2024/25\nIn Anyshire, the Community Safety Partnership (CSP) has agreed six priority areas for 2024/25 which have been identified using information gained from our communities and through working with other agencies:\n- domestic abuse and stalking\n- sexual offences\n- anti-social behaviour\n- rural crime\n- fraud\n- serious violence\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d).len(), 6, "{csa}");
    keeps_every_word(text, &csa);
    // When the count is not the list's, the list stays prose.
    let (d, csa) = doc("Key priorities 2024/25\nIn Anyshire, the Community Safety Partnership (CSP) has agreed six priority areas for 2024/25 which have been identified using information gained from our communities and through working with other agencies:\n- domestic abuse and stalking\n- sexual offences\n\nThe board reviews them each year.\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn a_counted_list_cut_off_by_the_end_of_the_text_is_taken_with_a_note() {
    // An excerpt (a news page, a committee's summary) that stops inside the list:
    // what it holds is taken, and the note says how many are missing.
    let text = "Anytown Community Safety Partnership Strategic Plan 2025 - 2028\n\nThe Plan identifies three priorities to improve outcomes for residents. This includes tackling:\n\n- Domestic Abuse and Violence Against Women and Girls\n- Anti-Social Behaviour\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Domestic Abuse and Violence Against Women and Girls",
            "Anti-Social Behaviour"
        ],
        "{csa}"
    );
    assert!(
        csa.contains("counts 3 entries and the text stops after 2"),
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // One entry, where five are counted.
    let (d, csa) = doc("South Anytown CSP plan 2019 to 2020\n\nThe plan has five priorities:\n\nProtecting vulnerable people\n");
    assert_eq!(priorities(&d), ["Protecting vulnerable people"], "{csa}");
}

#[test]
fn entries_that_say_how_they_will_be_delivered() {
    let text = "Safer Anytown Partnership Plan 2011 - 2014\n\nIn 2010 there had been a 9% overall reduction in crime.  The three priorities for the coming year would be:\n\n·         Reducing Crime which would be delivered by reducing re-offending by the development of Integrated Offender Management.\n\n·         Tackling Anti-Social behaviour and Hate Crime which would be delivered by the creation of a single city-wide anti-social behaviour system.\n\n·         Building Stronger and more supportive communities which would be delivered by embedding the neighbourhood management process.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing Crime",
            "Tackling Anti-Social behaviour and Hate Crime",
            "Building Stronger and more supportive communities"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn labelled_priorities_run_into_one_paragraph_and_no_line_is_the_title() {
    let text = "Agenda Item No: 6 Committee: Overview and Scrutiny Report Title: Fenland Community Safety Partnership 1 Purpose The purpose of this report is to set out how the partnership identifies priorities. In 2017/18 the priorities agreed by the FCSP were as follows – o Priority 1: Supporting Victims – Activities have been focussed on raising awareness. o Priority 2: Reducing Offending in Fenland – Identifying offending cohorts. o Priority 3: Support Safer & Stronger Communities - Seeking opportunities for casualty reduction.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Supporting Victims",
            "Reducing Offending in Fenland",
            "Support Safer & Stronger Communities"
        ],
        "{csa}"
    );
    // The header is written, its title a prompt for a person, its area the text's.
    let header = d.agreement.as_ref().expect("a header");
    assert!(
        header
            .title
            .as_ref()
            .is_some_and(|t| t.value.starts_with('[')),
        "{csa}"
    );
    assert_eq!(area(&d).as_deref(), Some("Fenland"), "{csa}");
    keeps_every_word(text, &csa);
    // Labels that do not run 1, 2, 3 are not a list.
    let (d, csa) = doc(
        "Report. Priority 2: Supporting Victims – text. Priority 4: Reducing Offending – text.\n",
    );
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn lines_broken_at_the_page_width_and_outcome_labels() {
    let text = "Community Safety - Anytown\n\nOutcome One - Rebuild and improve public confidence\nin policing and maintaining community safety.\nOutcome Two - Prevent and minimise gang-related activity and\nVictimisation\nOutcome Three - Reduce re-offending with a focus on 16 – 24 year olds\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Rebuild and improve public confidence in policing and maintaining community safety",
            "Prevent and minimise gang-related activity and Victimisation",
            "Reduce re-offending with a focus on 16 – 24 year olds"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A contents run of short lines is no introduction.
    let (d, csa) = doc("Community Safety - Anytown\n\nLegislation\nPriorities\nSome of the funding streams\nProjects\nQuestions\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn an_introduction_that_takes_account_of_the_commissioners_priorities_is_still_the_partnerships() {
    let text = "What we do\n\nTaking account of the Police and Crime Commissioner’s PCC priorities, the following three priorities for 2014/15 were determined by the community safety partnership:\n\n  1. dealing with anti-social behaviour\n  2. reducing offending and re-offending\n  3. supporting vulnerable people (the focus here is initially upon addressing domestic abuse, hate crime and sexual violence)\n\nThe PCC’s priorities are:\n\n  1. Reducing anti-social behaviour\n  2. to improve road safety by reducing careless and dangerous driving\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "dealing with anti-social behaviour",
            "reducing offending and re-offending",
            "supporting vulnerable people"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn an_entry_that_names_its_lead_after_its_title() {
    let text = "Agenda item\n\nThe Board considered progress updates from the Safer Anytown Partnership on its action plans to tackle the Partnership's two key 2022/23 priorities:\n\n1.  Violence Under-25: Key Priority Lead – Anytown Police.\n\n2.  Hate Crime: Key Priority Lead – Anytown MBC.\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d), ["Violence Under-25", "Hate Crime"], "{csa}");
    let leads: Vec<String> = d
        .priorities
        .iter()
        .flat_map(|p| p.leads.iter().map(|l| l.role.value.clone()))
        .collect();
    assert_eq!(leads, ["Anytown Police", "Anytown MBC"], "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn the_members_under_our_partners_and_in_the_partnerships_own_list() {
    let text = "Making York a Safer City\n\nOur partners\n\nCity of York Council\n\nNorth Yorkshire Police\n\nNorth Yorkshire Fire and Rescue\n\nProbation\n\nOffice of the Police, Fire and Crime Commissioner\n\nMake It York\n\nOur priorities\n\nDomestic Abuse\n\nCounter Terrorism\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        [
            "City of York Council",
            "North Yorkshire Police",
            "North Yorkshire Fire and Rescue",
            "Probation"
        ],
        "{csa}"
    );
    assert_eq!(
        priorities(&d),
        ["Domestic Abuse", "Counter Terrorism"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // One line may name two; "The Borough Council" is the area's own.
    let (d, csa) = doc("Wokingham Community Safety Partnership\n\nThe partnership includes:\n\n  • Thames Valley Police\n  • The Borough Council\n  • Thames Valley Police Authority, Royal Berkshire Fire and Rescue Service\n  • Public Health\n");
    assert_eq!(
        authorities(&d),
        [
            ("Thames Valley Police".to_string(), "police".to_string()),
            ("Borough Council".to_string(), "unitary-council".to_string()),
            (
                "Thames Valley Police Authority".to_string(),
                "police".to_string()
            ),
            (
                "Royal Berkshire Fire and Rescue Service".to_string(),
                "fire".to_string()
            ),
            ("Public Health".to_string(), "health".to_string()),
        ],
        "{csa}"
    );
}

#[test]
fn the_years_on_the_line_under_the_title_and_the_area_named_later() {
    let (d, csa) = doc("COMMUNITY SAFETY STRATEGY\n\n2020-2023\n\nIntroduction\n\nThis is the strategy of the Safer York Partnership.\n");
    let period = d.agreement.as_ref().and_then(|a| a.period.as_ref());
    assert_eq!(
        period.map(|p| (p.value.from.year, p.value.to.year)),
        Some((2020, 2023)),
        "{csa}"
    );
    // A place named as the partnership's own after the opening comes before a
    // place the opening names in another body's name.
    let mut text = String::from("Community Safety Partnership\n\n");
    for _ in 0..16 {
        text.push_str("We work with Thames Valley Probation on many things.\n\n");
    }
    text.push_str("Wokingham Community Safety Partnership have 4 key priorities.\n");
    let (d, csa) = doc(&text);
    assert_eq!(area(&d).as_deref(), Some("Wokingham"), "{csa}");
}

#[test]
fn labelled_entries_that_say_what_they_will_include() {
    let text = "Anyshire priorities\n- Priority 1: Reducing the Harm caused by Serious and Organised Crime, this will include; Organised Crime Groups, County Lines, Weapons, Drugs etc.\n- Priority 2: Reducing the Harm Caused by ASB; especially repeat victimisation.\n- Priority 3: Supporting our Communities to build Resilience (PHA) community consensus, Lived Experiences etc.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing the Harm caused by Serious and Organised Crime",
            "Reducing the Harm Caused by ASB",
            "Supporting our Communities to build Resilience"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // An abbreviation of the words before it is part of the sentence.
    let (d, csa) = doc("Anytown Strategy 2016-2020\n\nOur priorities are:\n\n- To increase the number of Domestic Violence and Abuse (DVA) reports across Anytown\n- To reduce re-offending\n");
    assert_eq!(
        priorities(&d)[0],
        "To increase the number of Domestic Violence and Abuse (DVA) reports across Anytown",
        "{csa}"
    );
}

#[test]
fn a_list_under_the_priorities_heading_and_a_section_number_that_is_no_count() {
    let text = "Key Priorities\n\nAt the beginning of each year the partnership uses data from partners to help determine its priorities.\n\nKey areas of our work include:\n\n  • Crime and Anti-Social Behaviour\n  • Reducing re-offending\n  • Stalking\n\n5 Our Priorities 2018 – 2020\n\n• Violent crime\n\n• Domestic abuse\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Crime and Anti-Social Behaviour",
            "Reducing re-offending",
            "Stalking"
        ],
        "{csa}"
    );
    let (d, csa) = doc("Contents\n\n5 Our Priorities 2018 – 2020\n\n• Reduce Reoffending\n\n• Violent crime\n\n• Domestic abuse\n\n6 Consultation\n");
    assert_eq!(
        priorities(&d),
        ["Reduce Reoffending", "Violent crime", "Domestic abuse"],
        "{csa}"
    );
    // Without the heading, "Key areas of our work include:" introduces nothing.
    let (d, csa) = doc("About us\n\nKey areas of our work include:\n\n  • Crime and Anti-Social Behaviour\n  • Stalking\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn one_priority_with_the_people_accountable_for_it() {
    let text = "Crime and the Community\n\nCrime and the Community – Accountable persons: Chris Johnson (West Midlands Police) & Rob James (Birmingham City Council)\n\nTackling crime and ASB are at the heart of every CSP's statutory responsibilities.\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d), ["Crime and the Community"], "{csa}");
    let leads: Vec<String> = d.priorities[0]
        .leads
        .iter()
        .map(|l| l.role.value.clone())
        .collect();
    assert_eq!(
        leads,
        [
            "Chris Johnson (West Midlands Police)",
            "Rob James (Birmingham City Council)"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn partners_named_in_the_paragraph_after_the_partnership_and_two_columns_run_together() {
    let text = "Community safety partnership\n\nThe Tamworth Community Safety Partnership brings together a number of organisations who work together.\n\nPartners include Tamworth Borough Council, Staffordshire Police, Staffordshire Fire & Rescue Service and Staffordshire County Council and a wide range of other statutory and voluntary organisations.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        [
            "Tamworth Borough Council",
            "Staffordshire Police",
            "Staffordshire Fire & Rescue Service",
            "Staffordshire County Council"
        ],
        "{csa}"
    );
    let (d, csa) = doc("Leicester Community Safety Partnership Plan\n\nThe partnership: Responsible authorities/attendees\n- Leicester City Council - Office of the Police & Crime Commissioner\n- Leicestershire Police - East Midlands Ambulance Service\n- National Probation Service (merged with CRC) - Violence Reduction Network\n");
    assert_eq!(
        authorities(&d)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        [
            "Leicester City Council",
            "Leicestershire Police",
            "National Probation Service"
        ],
        "{csa}"
    );
    // One name with a dash is one name.
    let (d, csa) = doc("City Partnership\n\nResponsible Authorities\n- City Police\n- The Probation Service - London\n- City Council\n");
    assert!(
        authorities(&d)
            .iter()
            .any(|(n, _)| n == "The Probation Service - London"),
        "{csa}"
    );
}

#[test]
fn local_priority_labels_and_titles_that_include_what_is_in_brackets() {
    let text = "Priorities\n\nThese priorities include:\n\nLocal Priority 1 – Violent Crime\nLocal Priority 2 – Anti-Social Behaviour (including Criminal Damage and Arson)\nLocal Priority 3 – Substance Misuse\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Violent Crime", "Anti-Social Behaviour", "Substance Misuse"],
        "{csa}"
    );
    assert!(csa.contains("includes: Criminal Damage and Arson"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn a_heading_of_the_documents_own_parts_ends_the_titles() {
    let text = "Our strategic Priorities\n\nProtecting vulnerable people\nWorkstreams range from improving online safety to tackling adult exploitation and abuse.\n\nKeeping communities safe\nWorkstreams range from reducing public place serious violence to protecting people from fraud.\n\nKey Strategic Messages\nThe partnership will publish its assessment every year and consult residents on it.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Protecting vulnerable people", "Keeping communities safe"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn priorities_after_are_and_themes_that_cut_across_them() {
    let text = "Safer Leeds\n\nThe Safer Leeds Plan for 2016/17 has just been published. Priorities for Safer Leeds this year are Anti-Social Behaviour, Domestic Violence and Abuse, Hate Crime and Vulnerable victims. Drugs, alcohol and Mental Health cut across all of these topics.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Anti-Social Behaviour",
            "Domestic Violence and Abuse",
            "Hate Crime",
            "Vulnerable victims"
        ],
        "{csa}"
    );
    assert_eq!(themes(&d), ["Drugs", "alcohol", "Mental Health"], "{csa}");
    keeps_every_word(text, &csa);
    // "are focused on ..." says what they are about, not what they are.
    let (d, csa) = doc("Anytown Plan\n\nOur priorities for the next three years are focused on reducing domestic abuse, hate crime and anti-social behaviour.\n");
    assert!(d.priorities.is_empty(), "{csa}");
}

#[test]
fn numbered_lines_under_a_long_introduction_and_a_period_with_its_months() {
    let text = "INTRODUCTION\n\nThis is the strategic plan for the partnership and it will cover the three year period April 2014 to March 2017.\n\nWe received 5,488 responses to our consultation from residents and visitors to the Borough and they told us that the top three key priorities for the next three years should be:\n\n1.  Anti-Social Behaviour\n\n2.  Violent Crime\n\n3.  Robbery (to be included in Violent Crime)\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Anti-Social Behaviour", "Violent Crime", "Robbery"],
        "{csa}"
    );
    let period = d.agreement.as_ref().and_then(|a| a.period.as_ref());
    assert_eq!(
        period.map(|p| (p.value.from.year, p.value.to.year)),
        Some((2014, 2017)),
        "{csa}"
    );
    // A report's years are not a plan's.
    let (d, csa) = doc("Anytown Community Safety Partnership Monitoring Report (April 2021 to March 2022)\n\nThe partnership met four times.\n");
    assert!(
        d.agreement
            .as_ref()
            .and_then(|a| a.period.as_ref())
            .is_none(),
        "{csa}"
    );
}

#[test]
fn a_compass_word_before_a_place_names_another_area() {
    let (d, csa) = doc("Community Safety Team\n\nThe team is based within Stratford-on-Avon District Council.\n\nSouth Warwickshire Community Safety Partnership\n\nWe work across the south of the county.\n");
    assert_eq!(area(&d).as_deref(), Some("Stratford-on-Avon"), "{csa}");
}
