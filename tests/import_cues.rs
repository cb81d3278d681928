//! `csa import` on cues that stand apart from what they introduce: a heading
//! that names aims and priorities above the aims, a second heading, a last
//! sentence of two words ("These include:"), bullets run into a paragraph, the
//! members introduced a line away, and a period printed where no document word
//! names it. One short realistic text each, and beside it what must stay prose.

mod import_support;

use import_support::*;

#[test]
fn aims_under_a_heading_of_aims_and_priorities_are_not_the_priorities() {
    let text = "Anytown Community Safety Partnership\n\nPartnership aims and priorities\n\nOur aim is to improve the quality of life for the people of Anytown by:\n\n  • Tackling crime\n  • Reassuring the public\n\nOur main priorities are:\n\n  • Reduce re-offending\n  • Domestic abuse\n  • Road Safety\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Reduce re-offending", "Domestic abuse", "Road Safety"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_second_heading_that_names_the_priorities_is_no_priority() {
    let text = "SPP Priorities\n\nLocal Strategic Priorities for Action\n\nThe findings of the survey translate into the following themes. Between 2018 and 2023, the work of partners will focus on:\n\n1. YOUNG PEOPLE AT RISK\n\nPartners have begun to pilot more integrated working practices across police and children's services for adolescents at risk of harm.\n\n2. SUBSTANCE MISUSE\n\nReduce the harms from alcohol and substance misuse, support the recovery community and use licensing powers to promote responsible drinking.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["YOUNG PEOPLE AT RISK", "SUBSTANCE MISUSE"],
        "{csa}"
    );
    // The years of the sentence that introduces the list are the plan's.
    assert_eq!(period(&d).as_deref(), Some("2018-2023"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn a_last_sentence_of_a_pronoun_and_its_verb_introduces_what_the_one_before_names() {
    let text = "Anytown Council hosts a congress on community safety\n\nPartners discussed how each can better support the priorities set out in the Community Safety Partnership Plan. These include:\n\n  • Tackling crime and neighbourhood ASB (including the use of nitrous oxide)\n  • Tackling hate crime, community tensions and extremism\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Tackling crime and neighbourhood ASB",
            "Tackling hate crime, community tensions and extremism"
        ],
        "{csa}"
    );
    // "These include:" after a sentence about something else introduces nothing.
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nThe board met partners from across the borough in May. These include:\n\n  • Anytown Youth Club\n  • Anytown Mosque\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn bullets_run_into_the_paragraph_that_introduces_them_are_its_entries() {
    let text = "2017-2019 Safer Anytown Strategy\n\nThe Anyshire Police and Crime Plan 2016-2021 has two key components: \u{f0b7} Putting victims first, and \u{f0b7} Reassuring communities.\n\nIn Anytown we have identified three specific priorities: \u{f0b7} Tackling Child Sexual Exploitation and its impact on victims, \u{f0b7} Addressing Domestic Abuse, and its impact on victims, and \u{f0b7} Reducing the impact of crime, including fear of, on community wellbeing.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Tackling Child Sexual Exploitation and its impact on victims",
            "Addressing Domestic Abuse, and its impact on victims",
            // ", including fear of," is an aside: the title goes on after it.
            "Reducing the impact of crime, including fear of, on community wellbeing"
        ],
        "{csa}"
    );
    // The title's years are the strategy's, not the Commissioner's plan's.
    assert_eq!(period(&d).as_deref(), Some("2017-2019"), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn entries_a_sentence_names_as_its_key_priorities() {
    let text = "The draft plan, which covers the period from 2021 to 2024, has been drawn up by the Safer Anytown Partnership.\n\nIn the first year of the plan from 2021 to 2022, the partnership has identified combating anti-social behaviour, domestic violence and drugs and alcohol as its key priorities.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "combating anti-social behaviour",
            "domestic violence",
            "drugs and alcohol"
        ],
        "{csa}"
    );
    // The first year of the plan is not its period: the draft's is.
    assert_eq!(period(&d).as_deref(), Some("2021-2024"), "{csa}");
    // Identified as something else: not priorities.
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nThe review identified housing, transport and schools as its partners in the work.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn members_a_sentence_names_end_where_the_others_are_spoken_of() {
    let (d, csa) = doc("Safer Anytown Partnership\n\nThe plan has been drawn up by the Safer Anytown Partnership and brings together Anytown Borough Council, Anyshire Police, Anyshire Fire Brigade, The Probation Service, Anytown Clinical Commissioning Group plus a range of other partners.\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Anytown Borough Council",
            "Anyshire Police",
            "Anyshire Fire Brigade",
            "Probation Service",
            "Anytown Clinical Commissioning Group"
        ],
        "{csa}"
    );
}

#[test]
fn a_line_naming_the_responsible_authorities_without_its_colon_or_a_line_away() {
    let (d, csa) = doc("Anytown Safer Communities Partnership Annual Report\n\nThe Executive: Which comprises of the responsible authorities as defined in the Crime and Disorder Act\n• Anytown Borough Council\n• Anyshire County Council\n• Anyshire Police\n• Anyshire Fire & Rescue Service\n");
    assert_eq!(authorities(&d).len(), 4, "{csa}");
    let text = "Kent County Community Safety Agreement\n\nThe responsible Authorities within the CSP's are:\n\nLocal Authorities - district and county councils\n\n  • Police\n  • Local Authorities\n  • Fire and Rescue Services\n  • Probation Service\n";
    let (d, csa) = doc(text);
    assert_eq!(
        authorities(&d),
        [
            ("Police".to_string(), "police".to_string()),
            (
                "Local Authorities".to_string(),
                "county-council".to_string()
            ),
            ("Fire and Rescue Services".to_string(), "fire".to_string()),
            ("Probation Service".to_string(), "probation".to_string()),
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A line that names them in passing, above a list of something else, does not.
    let (d, csa) = doc("Anytown Community Safety Plan\n\nThe responsible authorities have met four times this year and agreed the following.\n\n• Anytown Borough Council\n• Anyshire Police\n• Anyshire Fire & Rescue Service\n");
    assert!(authorities(&d).is_empty(), "{csa}");
}

#[test]
fn the_membership_introduced_by_including_and_by_representatives_from() {
    let (d, csa) = doc("Safer City Partnership\n\nAs such, membership of the Partnership comprises representation from a wide range of stakeholders and organisations including\n\n  • Community members\n  • Staffordshire Fire and Rescue\n  • Staffordshire Police\n  • Stoke-on-Trent City Council\n  • Voluntary Sector organisations.\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Staffordshire Fire and Rescue",
            "Staffordshire Police",
            "Stoke-on-Trent City Council"
        ],
        "{csa}"
    );
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nThe group includes representatives from\n\n  • Anytown District Council\n  • Anyshire County Council\n  • Anyshire Police\n");
    assert_eq!(authorities(&d).len(), 3, "{csa}");
}

#[test]
fn a_period_in_the_title_on_a_cover_line_and_with_its_dash_apart() {
    let (d, csa) = doc("STRATEGIC ASSESSMENT 2015/16\n\nWhat is community safety? Community safety is a broad term.\n");
    assert_eq!(period(&d).as_deref(), Some("2015-2016"), "{csa}");
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nInformation Brochure 2012 -13\n\nWhat does the partnership do?\n");
    assert_eq!(period(&d).as_deref(), Some("2012-2013"), "{csa}");
    // A span of years in a long line of the opening is not the cover's.
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nCrime fell by a tenth in the town centre between 2012 and 2013.\n");
    assert_eq!(period(&d), None, "{csa}");
}

#[test]
fn a_partnership_named_after_part_of_a_place_is_not_that_place() {
    let (d, csa) = doc("South Cumbria Community Safety Partnership (CSP)\n\nThe partnership escalates local priorities to the Safer Cumbria Board. In Cumbria, the assessment is called the Community Safety Strategic Assessment.\n");
    assert_eq!(area(&d), None, "{csa}");
    // A partnership csa knows, named in full, is the area, before a member
    // borough the title names plainly.
    let (d, csa) = doc("South Community Safety Partnership Working together to make Broxtowe, and safer\n\nSouth Nottinghamshire Community Safety Partnership co-ordinates community safety issues in the three boroughs.\n");
    assert_eq!(
        area(&d).as_deref(),
        Some("South Nottinghamshire Community Safety Partnership"),
        "{csa}"
    );
}

#[test]
fn a_consultation_pages_record_of_itself_is_no_list_of_priorities() {
    let text = "Crime reduction and community safety strategy - draft priorities\n\n  • Period: 08 February 2017 - 17 March 2017\n  • Status: Closed\n  • Audiences: Everyone\n\nThe 2017-2020 strategy builds on the last. These key priorities are:\n\n  • Reduce offending and re-offending (for example, tackling alcohol and substance misuse)\n  • Support vulnerable people (for example, tackling anti-social behaviour and hate crime)\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reduce offending and re-offending",
            "Support vulnerable people"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn an_entry_labelled_as_a_bodys_priority_ends_at_the_next_label() {
    let text = "Community Safety Action Plan\n\nThe strategic priorities for 2022-23 are:\n\n  • Anti-Social Behaviour\n  • Violence Against Women and Girls\n  • JAG Priority: Protecting Vulnerable People. PCC Policy Area: Putting Victims at the Centre (hate crime, domestic abuse)\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Anti-Social Behaviour",
            "Violence Against Women and Girls",
            "Protecting Vulnerable People"
        ],
        "{csa}"
    );
}

#[test]
fn longer_lines_as_many_as_the_introduction_counts() {
    let text = "Anytown Community Safety Strategy 2017-2020\n\nThe strategy comprises three priorities:\n\nReducing overall crime, especially violent and sexual offences\n\nKeeping young people safe from abuse, antisocial behaviour, bullying and gang activity\n\nBetter support for victims of crime, especially hate crimes.\n\nShort line after.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing overall crime, especially violent and sexual offences",
            "Keeping young people safe from abuse, antisocial behaviour, bullying and gang activity",
            "Better support for victims of crime, especially hate crimes"
        ],
        "{csa}"
    );
    // Without a count, a line that long is no entry.
    let (d, csa) = doc("Anytown Community Safety Strategy 2017-2020\n\nOur priorities are:\n\nKeeping young people safe from abuse, antisocial behaviour, bullying and gang activity\n\nReducing overall crime, especially violent and sexual offences in the borough\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_sentence_that_names_the_priorities_and_ends_with_its_colon() {
    let text = "Safer Anytown Partnership Strategic Assessment\n\nThe 2023-24 Strategic Assessment confirmed that the priorities identified in the 2023-30 Safer Anytown Strategy are still current:\n\n  • Violence Affecting Children and Young Adults under the age of 25\n  • Violence Against Women and Girls\n  • Hate Crime\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d).len(), 3, "{csa}");
    // The years named with the strategy, not the assessment's beside them.
    assert_eq!(period(&d).as_deref(), Some("2023-2030"), "{csa}");
}

#[test]
fn the_responsible_authorities_after_are_and_a_councils_services_after_including() {
    let (d, csa) = doc("Safer Anytown Community Safety Partnership\n\nThe responsible authorities for The Safer Northumberland Community Safety Partnership are Northumberland County Council, Northumbria Police, HM Prison and Probation Services, Northumberland Fire and Rescue Services and North East & North Cumbria Integrated Care Board.\n");
    assert_eq!(authorities(&d).len(), 5, "{csa}");
    let (d, csa) = doc("Anytown Community Safety Partnership\n\nAnytown CSP statutory responsible authorities are:\n- Anytown Borough Council\n- Anyshire Constabulary\n- Anyshire County Council including Anyshire Fire and Rescue Service\n\nThe Partnership aims 2023-2027 are:\n- To create safer environments\n- To protect vulnerable people\n\nThe Partnership priorities 2025-2026 are:\n- Violence\n- Exploitation\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Anytown Borough Council",
            "Anyshire Constabulary",
            "Anyshire County Council"
        ],
        "{csa}"
    );
    // The aims' years are not the plan's.
    assert_eq!(period(&d).as_deref(), Some("2025-2026"), "{csa}");
}

#[test]
fn the_partners_named_after_the_partnerships_own_name_and_including() {
    let (d, csa) = doc("Community safety priorities set out for Anytown\n\nKnowsley Community Safety Partners, including Knowsley Council, Merseyside Police, Merseyside Fire and Rescue Service and other partners, presented the findings this week.\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Knowsley Council",
            "Merseyside Police",
            "Merseyside Fire and Rescue Service"
        ],
        "{csa}"
    );
    // Partners in general are not the partnership's members.
    let (d, csa) = doc("Anytown Plan\n\nThe plan was developed by the Anytown Community Safety Partnership Board and represents a commitment by partners, including the Council, Police, Fire, Probation and Health authorities as well as local groups.\n");
    assert!(authorities(&d).is_empty(), "{csa}");
    // "Health services" is the health authority.
    let (d, csa) = doc("Anytown CSP\n\nAnytown CSP is made up of representatives from Merseyside Police, St Helens Council, Merseyside Fire and Rescue Service and Health services (the 'responsible authorities').\n");
    assert!(
        authorities(&d).contains(&("Health services".to_string(), "health".to_string())),
        "{csa}"
    );
}

#[test]
fn partners_introduced_by_the_last_sentence_of_a_paragraph() {
    let (d, csa) = doc("Community Safety Plan\n\nBury's Community Safety Partnership is a multi-agency group set up under the Crime and Disorder Act 1998. Partners that contribute to the CSP are:\n\n  • Greater Manchester Police\n  • Bury Council\n  • Community Rehabilitation Company,\n  • Bury Voluntary and Community Faith Alliance\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Greater Manchester Police",
            "Bury Council",
            "Community Rehabilitation Company"
        ],
        "{csa}"
    );
}

#[test]
fn members_named_inside_a_bracket_after_what_they_are() {
    let (d, csa) = doc("Community Safety Strategy - Safer Waverley Partnership\n\nThe Safer Waverley Partnership comprises of representatives from all key local public agencies (Surrey Police, Waverley Borough Council, Surrey County Council, Surrey Fire & Rescue and Surrey Police Authority) and is committed to working together.\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Surrey Police",
            "Waverley Borough Council",
            "Surrey County Council",
            "Surrey Fire & Rescue",
            "Surrey Police Authority"
        ],
        "{csa}"
    );
}

#[test]
fn longer_entries_set_apart_by_semicolons_in_a_sentence() {
    let text = "Safer Anytown Partnership Plan\n\nThe Committee was reminded of the three draft key priorities for the next three years: continued response to the impact of Covid-19 on people's safety; responding to Domestic abuse; and protecting our communities from serious harm.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "continued response to the impact of Covid-19 on people's safety",
            "responding to Domestic abuse",
            "protecting our communities from serious harm"
        ],
        "{csa}"
    );
    // Commas are no licence for entries that long.
    let (d, csa) = doc("Safer Anytown Partnership Plan\n\nThe Committee was reminded of the draft key priorities: continued response to the impact of Covid-19 on people's safety, responding to Domestic abuse and protecting our communities from serious harm.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn an_updates_year_is_not_the_plans_and_minutes_speak_of_the_present_in_the_past() {
    let (d, csa) = doc("North Worcestershire Community Safety Partnership - Update on Work in Redditch 2022-23\n\nThe Community Safety Manager provided a presentation.\n\nThe NWCSP Plan 2021-24 was now in its last year and a new plan would be developed.\n");
    assert_eq!(period(&d).as_deref(), Some("2021-2024"), "{csa}");
    // A plan spoken of in the past, without "now", is still the one before.
    let (d, csa) = doc(
        "Safer Anytown Strategy\n\nThe Safer Anytown Plan for 2017-20 was agreed by the board.\n",
    );
    assert_eq!(period(&d), None, "{csa}");
}

#[test]
fn counted_list_items_may_be_longer_and_end_with_semicolons() {
    let text = "Report on the Community Safety Partnership\n\n·        The three priorities reviewed and refreshed in September 2021, set out in the Strategic Action Plan, and summarised as:\n\n·        To help people to feel safe within their homes\n\n·        To support, protect and identify victims of domestic abuse whilst also tackling the root causes and preventing harmful relationships; and\n\n·        Supporting the community through Covid-19 recovery.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "To help people to feel safe within their homes",
            "To support, protect and identify victims of domestic abuse whilst also tackling the root causes and preventing harmful relationships",
            "Supporting the community through Covid-19 recovery"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn statutory_partners_after_a_short_label_and_a_council_by_its_initials() {
    let (d, csa) = doc("Safer Crawley Partnership\n\nStatutory partners included:  WSCC, Sussex Police, West Sussex Fire & Rescue Service, Probation Service and Crawley Clinical Commissioning Group together with other partners including OSPCC, Crawley Borough Council and others.\n");
    assert_eq!(
        authorities(&d),
        [
            ("WSCC".to_string(), "county-council".to_string()),
            ("Sussex Police".to_string(), "police".to_string()),
            (
                "West Sussex Fire & Rescue Service".to_string(),
                "fire".to_string()
            ),
            ("Probation Service".to_string(), "probation".to_string()),
            (
                "Crawley Clinical Commissioning Group".to_string(),
                "health".to_string()
            ),
        ],
        "{csa}"
    );
}

#[test]
fn partner_agencies_include_and_a_hospital_trust_is_no_health_authority() {
    let (d, csa) = doc("SoSafe Stevenage\n\nThe partner agencies, all working together to keep Stevenage safe and prevent crime as SoSafe include:\n- Stevenage Borough Council\n- Hertfordshire Constabulary\n- East & North Herts NHS Trust\n- Hertfordshire County Council\n");
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Stevenage Borough Council",
            "Hertfordshire Constabulary",
            "Hertfordshire County Council"
        ],
        "{csa}"
    );
}

#[test]
fn a_partnership_of_six_words_and_a_year_looked_back_on() {
    let (d, csa) = doc("Joint Scrutiny Committee\n\nSouth and Vale Community Safety Partnership – performance report\n\n(a) To note the progress that the South and Vale Community Safety Partnership (CSP) made in 2021-22 in delivering its priorities\n\n(b) To support the CSP's view that the 2022-25 plan will focus on these four key priorities:\n");
    assert_eq!(
        area(&d).as_deref(),
        Some("South and Vale Community Safety Partnership"),
        "{csa}"
    );
    assert_eq!(period(&d).as_deref(), Some("2022-2025"), "{csa}");
}

#[test]
fn a_numbered_list_ends_at_its_first_line_without_a_number() {
    let text = "Community Safety Partnership\n\nThe partnership includes Tendring District Council, Essex County Council, Essex Fire Authority, Essex Community Rehabilitation Company, North East Essex NHS and Community Voluntary Services Tendring and have identified the following four priorities to improve community safety:\n\n  1. Reduce anti-social behaviour\n  2. Protecting vulnerable people\n  3. Reducing drug and alcohol misuse\n  4. Reducing offending and reoffending\n\nCommunity Safety Plan 2016 - 2017\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d).len(), 4, "{csa}");
    // The introduction names the members too: they are written after it.
    assert_eq!(authorities(&d).len(), 5, "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn these_are_on_a_line_of_its_own_points_back_past_a_web_pages_link() {
    let text = "Anytown news\n\nThe council's new Community Safety Partnership plan runs from 2020-2023 and has three priorities for reducing crime.\nREAD MORE: The craft beer shop which could be coming to the area\nThese are:\n- Tackling exploitation of young people and vulnerable adults\n- Reducing incidents of serious violence, sexual offences and knife crime.\n- Reduce harm caused by domestic abuse\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d).len(), 3, "{csa}");
    // With nothing above that names a list, "These are:" introduces none.
    let (d, csa) = doc("Anytown news\n\nThe council met on Tuesday.\nThese are:\n- Tackling exploitation\n- Reducing violence\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_closing_sentence_about_the_list_is_no_entry_of_it() {
    let text = "Anytown Community Safety Partnership\n\nThe Community Safety Partnership have endorsed the following community safety priorities for 2016 to 2019: -\n\n  • Violent Crime (in particular alcohol related)\n  • Domestic Abuse\n  • Road Safety\n  • The Community Safety Partnership and its thematic groups are responsible for local delivery against the above priorities and the priorities will be reviewed annually.\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d).len(), 3, "{csa}");
    assert_eq!(period(&d).as_deref(), Some("2016-2019"), "{csa}");
}

#[test]
fn the_partners_include_with_dots_and_a_scrutinys_year() {
    let (d, csa) = doc("Community Safety\n\nThe partnership in this district is called the St Albans Community Safety Partnership. The partners include...\n\n  • St Albans City and District Council\n  • Hertfordshire Police & Crime Commissioner\n  • Hertfordshire Constabulary\n  • Hertfordshire County Council\n  • various local voluntary organisations\n");
    assert_eq!(authorities(&d).len(), 3, "{csa}");
    let (d, csa) = doc("OVERVIEW AND SCRUTINY OF THE ANYTOWN COMMUNITY SAFETY PARTNERSHIP 2020-21\n\nMembers were reminded of the Community Safety Partnership Plan 2020-23.\n");
    assert_eq!(period(&d).as_deref(), Some("2020-2023"), "{csa}");
}

#[test]
fn the_aims_of_a_plan_that_lists_no_priorities_stand_for_them_under_a_note() {
    let text = "Anytown Community Safety Partnership\n\nThe CSP has identified 3 high level strategic aims which are detailed below:\n\nStrategic Aims 2018-19\n\n  1. To effectively tackle all crime through effective prevention, detection and prosecution.\n  2. To protect vulnerable people, including safeguarding children and adults at risk.\n  3. To reduce controlled drug and alcohol misuse.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "To effectively tackle all crime through effective prevention, detection and prosecution",
            "To protect vulnerable people, including safeguarding children and adults at risk",
            "To reduce controlled drug and alcohol misuse"
        ],
        "{csa}"
    );
    assert!(csa.contains("only its aims"), "{csa}");
    keeps_every_word(text, &csa);
    // "Title: what it means" paragraphs: the title, the paragraph kept as prose.
    let text = "Overview and scrutiny\n\nThe aims of the plan were:\n\nYouth related antisocial behaviour: Identify opportunities for early intervention with young people.\n\nCrimes with historically low levels of reporting: Offences with low levels of reporting should be looked at.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Youth related antisocial behaviour",
            "Crimes with historically low levels of reporting"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A plan that introduces its priorities too keeps its aims as prose, and what
    // a partnership "aims to" do is no list of aims.
    for text in [
        "Anytown Plan\n\nThe Partnership aims 2023-2027 are:\n- To create safer environments;\n- To protect vulnerable people;\nThe Partnership priorities 2025-2026 are:\nPriority 1 - Protect against violence, abuse and exploitation and support our most vulnerable residents\nWhat we will do:\n",
        "Anytown Plan\n\nThe CSP aims to:\n\n  • identify the priorities and targets for inclusion in a Partnership Plan\n  • ensure task group action plans deliver against agreed outcomes\n",
    ] {
        let (d, csa) = doc(text);
        assert!(
            priorities(&d).iter().all(|p| !p.starts_with("To ") && !p.starts_with("identify")),
            "{csa}"
        );
    }
}
