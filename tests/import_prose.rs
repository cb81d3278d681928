//! `csa import` on plans that name their parts in running prose or in text a web
//! page has flattened: a list named in the paragraph after the one that counts
//! it, "priorities include A, B and C", a table one cell to a line, titles each
//! with what they focus on, members in a relative clause, a partnership named by
//! its places. One short realistic text each, and beside it what must stay prose
//! or stay out.

mod import_support;

use import_support::*;

#[test]
fn a_counted_list_named_in_the_next_paragraph_is_taken_with_its_longer_entries() {
    let text = "Partnership sets out plans for creating safer Anytown communities\n\nThe new Anytown Safer Communities Partnership Strategy (2021-2024) sets out four key strategic priorities.\n\nThese are reducing the harm caused by serious organised and acquisitive crime, increasing safety for vulnerable adults and children, reducing public place violent crime with a focus on youth safety, and tackling social inequality and the drivers of crime.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "reducing the harm caused by serious organised and acquisitive crime",
            "increasing safety for vulnerable adults and children",
            "reducing public place violent crime with a focus on youth safety",
            "tackling social inequality and the drivers of crime",
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A count the next paragraph does not match: prose, with a note.
    let (d, csa) = doc("Anytown Strategy 2021-2024\n\nThe strategy sets out six key strategic priorities.\n\nThese are reducing the harm caused by serious organised and acquisitive crime, increasing safety for vulnerable adults and children, and tackling social inequality and the drivers of crime.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn priorities_that_a_sentence_says_it_includes_are_split_at_the_last_and() {
    let text = "Council renews commitment to fighting crime\n\nThe CSP’s current priorities include drug and alcohol awareness, domestic abuse and sexual violence and road safety.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "drug and alcohol awareness",
            "domestic abuse and sexual violence",
            "road safety"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // An "and" that would leave a single word is not the list's.
    let (d, csa) = doc("Anytown Plan 2021-2024\n\nThe CSP’s current priorities include anti-social behaviour, domestic violence and drugs and alcohol.\n");
    assert_eq!(
        priorities(&d),
        [
            "anti-social behaviour",
            "domestic violence",
            "drugs and alcohol"
        ],
        "{csa}"
    );
}

#[test]
fn priority_issues_between_semicolons_keep_their_titles_without_what_they_include() {
    let text = "Annual Report of Anytown Community Safety Partnership\n\nThe Joint Action Group met monthly to oversee the delivery of the local priorities for Anytown which in 2023/24 included: anti-social behaviour (ASB) and youth crime; drug related harm (including drug supply (both local and county lines) and the impact on the local community); and rural crime.\n\nA core part of the partnership’s work this year is focused on addressing these serious priority issues: acquisitive crimes; county lines; and serious violence.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "anti-social behaviour (ASB) and youth crime",
            "drug related harm",
            "rural crime"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn what_the_partnership_focused_on_over_the_last_year_is_its_priorities_but_last_years_progress_is_not(
) {
    let text = "Update on the Anytown Community Safety Partnership\n\nOver the last year the partnership had focussed on the following priorities:\n\n·       Protecting the vulnerable\n\n·       Substance misuse\n\n·       Emerging threats\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Protecting the vulnerable",
            "Substance misuse",
            "Emerging threats"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    let (d, csa) = doc("Anytown Annual Report\n\nOur progress against last year's priorities:\n\n·       Protecting the vulnerable\n\n·       Substance misuse\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_table_flattened_one_cell_to_a_line_gives_its_priority_column() {
    let text = "Community Safety Partnership Plan 2020-21\n\nHow do we compare to the rest of London for our priority crimes?\n\n2021-22 Priority\n\n2020-21 Performance\n\n2019-20 Performance\n\nViolent crime\n\n5th\n\n2nd\n\nHate crime and extremism\n\n6th\n\n3rd\n\nBurglary\n\n19th\n\n19th\n\nOur manifesto pledges\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Violent crime", "Hate crime and extremism", "Burglary"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A flattened table of crime figures whose first column is no priority.
    let (d, csa) = doc("Anytown Crime Figures 2020-21\n\nCrime type\n\n2020-21\n\n2019-20\n\nViolent crime\n\n512\n\n498\n\nBurglary\n\n120\n\n131\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn titles_each_with_what_they_focus_on_are_the_entries() {
    let text = "Anytown Community Safety Strategy\n\nThe Community Safety Strategy Priorities for 2025 – 2028 are:\n\nHealthier and Safer Communities\n\nFocusing on:\n\n- Domestic Abuse & Violence Against Women and Girls\n- Drug Offences/knife crime\n\nMake our Places Safer\n\nFocusing on:\n\n- Burglary\n- CCTV Installation\n\nMake our Environment Safer\n\nFocusing on:\n\n- Managing speed through enforcement\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Healthier and Safer Communities",
            "Make our Places Safer",
            "Make our Environment Safer"
        ],
        "{csa}"
    );
    // What each focuses on is what it includes (so that the checks see that
    // anti-social behaviour and drugs are covered), and a line that introduces a
    // list is no title.
    assert!(
        csa.contains("includes: Domestic Abuse & Violence Against Women and Girls; Drug Offences/knife crime"),
        "{csa}"
    );
    assert!(
        !csa.starts_with("@agreement: The Community Safety Strategy Priorities"),
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_sentence_naming_the_priorities_that_runs_into_bullets_introduces_them() {
    let text = "Community Safety Partnership\n\nThis process identifies the main local priorities which the CSP will focus on over the next 12 months (April 2018- March 2019)\n\n  • Burglary / Acquisitive crime\n\n  • Safeguarding Vulnerable People –\n\n  • Anti-social behaviour - A multi agency ASB panel meets to address high level issues\n\nAn annual action plan for 2018/19 has been developed to tackle these priorities\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Burglary / Acquisitive crime",
            "Safeguarding Vulnerable People",
            "Anti-social behaviour"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // One that ends with its full stop introduces nothing.
    let (d, csa) = doc("Anytown Plan\n\nThe partnership reviewed its priorities with residents in May.\n\n  • Anytown Youth Club\n\n  • Anytown Mosque\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn the_documents_own_parts_in_a_contents_page_are_never_priorities() {
    let text = "Anytown Community Safety Plan 2012 - 2014\n\nContents\n\nForeword\n\nPart Two: Strategic Priorities 2012 - 2014• Introduction• Antisocialbehaviour• Repeatoffending\n\nPart Three: Delivering Our Priorities by Working in Partnership• WorkingwithourCommunities• Fundingandresources\n\nPart Four: Action Plans 2012 - 2014• Antisocialbehaviour• Repeatoffending\n\nAppendix One: Community Safety Partnership Structure\n";
    let (d, csa) = doc(text);
    assert!(priorities(&d).is_empty(), "{csa}");
    keeps_every_word(text, &csa);
}

#[test]
fn members_in_a_relative_clause_and_a_body_named_after_three_places() {
    let text = "Council renews commitment\n\nThe partnership, which is led by the council, Essex Police, Kent, Surrey and Sussex Probation Service, Essex County Council and the fire service, includes local private, community and voluntary sector organisations.\n";
    let (d, csa) = doc(text);
    let names: Vec<String> = authorities(&d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "council",
            "Essex Police",
            "Kent, Surrey and Sussex Probation Service",
            "Essex County Council",
            "the fire service"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // The organisations the main clause names are not the members.
    let (d, csa) = doc("Council renews commitment\n\nThe partnership, which meets quarterly, includes local private, community and voluntary sector organisations.\n");
    assert!(authorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_partnership_named_by_its_places_or_beside_one_of_its_councils_is_the_area() {
    let (d, csa) = doc("Partnership sets out plans for creating safer Adur and Worthing communities\n\nThe strategy was agreed by the partners.\n");
    assert_eq!(
        area(&d).as_deref(),
        Some("Adur and Worthing Safer Communities Partnership"),
        "{csa}"
    );
    let (d, csa) = doc("Castle Point Borough Council Priorities\n\nTo meet its legal duty under the Crime and Disorder Act 1998, the Rochford & Castle Point Community Safety Partnership must develop a Community Safety Strategy.\n");
    assert_eq!(
        area(&d).as_deref(),
        Some("Castle Point and Rochford Community Safety Partnership"),
        "{csa}"
    );
    // A council named alone is its own area.
    let (d, csa) =
        doc("Castle Point Borough Council Priorities\n\nThe council works with the police.\n");
    assert_eq!(area(&d).as_deref(), Some("Castle Point"), "{csa}");
}

#[test]
fn key_areas_to_focus_on_are_the_priorities_whoever_will_work_on_them() {
    let text = "Anytown Council pledges to crack down on crime\n\nThrough its work, the Commission has identified three key areas for local agencies to focus on together, including the council and the Metropolitan Police:\n\n  1. Women and girls’ safety\n  2. Domestic abuse\n  3. Burglary\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Women and girls’ safety", "Domestic abuse", "Burglary"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // "These four areas", pointing back at the key areas the sentence before names.
    let text = "Safer Anytown Partnership Plan\n\nIt was explained that as part of the Plan, a number of key areas had been identified for the Partnership to focus resources on. An update was given on each of these three areas:\n\n· Children at Risk\n· Domestic Abuse\n· Prevention of risk of exploitation of vulnerable persons\n\nThe last 12-18 months had been especially difficult.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Children at Risk",
            "Domestic Abuse",
            "Prevention of risk of exploitation of vulnerable persons"
        ],
        "{csa}"
    );
    // The Commissioner's priorities are still not the partnership's.
    let (d, csa) = doc("Anytown Partnership\n\nIt focuses its work on supporting three of the Commissioner's policing and crime priorities:\n\n  • Preventing crime\n  • Tackling serious and organised crime\n  • Supporting victims\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn the_list_under_the_label_that_names_the_partnership_is_its_own() {
    let text = "Minutes\n\nThis year’s strategic assessment reduced the number of priorities that the CSP should directly focus on, moving some to SSCB level. The split of priorities was now:\n\nSSCB:\n- Criminal exploitation\n- Preventing radicalisation\nCSP:\n- Anti-social behaviour\n- Hate crime\n- Emerging issues\n\nMembers' attention was also drawn to the previous Action Plan.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Anti-social behaviour", "Hate crime", "Emerging issues"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Labels that do not say which list is the partnership's: none is taken.
    let (d, csa) = doc("Minutes\n\nThe split of priorities was now:\n\nSSCB:\n- Criminal exploitation\n- Preventing radicalisation\nLCB:\n- Anti-social behaviour\n- Hate crime\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_sentence_case_list_run_into_one_line_opens_an_entry_at_each_capital() {
    let text = "SCRUTINY COMMITTEE\n\n3.1 In summary, the themes of the strategy are\n\nAlcohol and alcohol-related crime Anti-social behaviour Domestic violence Prolific and other priority offenders\n\n3.2 Much of the work to address these themes is commissioned through the county.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Alcohol and alcohol-related crime",
            "Anti-social behaviour",
            "Domestic violence",
            "Prolific and other priority offenders"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // In Title Case where one title ends is lost: nothing is taken.
    let (d, csa) = doc("Anytown Agreement 2013/14\n\nOur priorities are\n\nAlcohol Harm Anti-Social Behaviour Domestic Abuse Road Safety\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn what_the_partnership_prioritises_and_a_contents_page_of_labelled_priorities() {
    let text = "Community safety\n\nEvery year, we prioritise a number of key issues that evidence tells us are most important to address in the district: domestic abuse, violent crime, community cohesion, anti-social behaviour, and road safety.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "domestic abuse",
            "violent crime",
            "community cohesion",
            "anti-social behaviour",
            "road safety"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    let text = "Anytown Crime and Disorder Reduction Partnership\n\nPartnership Rolling Plan 2008-2011\n\nIntroduction ...... 3 Keeping you up to date ...... 8 Priority 1: Anti-social behaviour and criminal damage ...... 9 Priority 2: Burglary of homes ...... 10 Priority 3: Vehicle crime ...... 11 Appendices ...... 14\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Anti-social behaviour and criminal damage",
            "Burglary of homes",
            "Vehicle crime"
        ],
        "{csa}"
    );
}

#[test]
fn sentences_each_an_entry_and_what_a_capitalised_bracket_includes() {
    let text = "Local people can help shape crime and community safety priorities\n\nKey priorities that are likely to feature in the strategy include:\n• Ensuring neighbourhoods are safe by tackling crime and anti-social behaviour including burglary and motor vehicle crime as well as violent crime such as robbery and knife crime.\n• Preventing violence against women and girls.\n• Keeping children and young people safe.\n\nTo take part in the consultation please visit the council’s website.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Ensuring neighbourhoods are safe by tackling crime and anti-social behaviour including burglary and motor vehicle crime as well as violent crime such as robbery and knife crime",
            "Preventing violence against women and girls",
            "Keeping children and young people safe"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    let (d, csa) = doc("Anytown Action Plan 2007-08\n\nOur priorities are:\n\n  • Violent Crime (Including Hate Crime)\n  • Burglary\n");
    assert_eq!(priorities(&d), ["Violent Crime", "Burglary"], "{csa}");
}

#[test]
fn a_proposed_action_plans_year_and_a_printers_place_are_not_the_plans() {
    let text = "Community Safety Plan - Action Plan\n\nThis report provided information on the proposed action plan for 2015/2016.\n\nThe current Community Safety Plan covered the period 2013 to 2016.\n";
    let (d, csa) = doc(text);
    assert_eq!(period(&d).as_deref(), Some("2013-2016"), "{csa}");
    let (d, csa) = doc("Tackling Crime, Protecting Communities\n\nDesigned and produced by Wandsworth Design & Print\n");
    assert_eq!(area(&d), None, "{csa}");
}

#[test]
fn a_sentence_that_counts_its_entries_names_them_after_the_count() {
    let text = "A THREE-YEAR strategy aimed at reducing crime has been launched.\n\nAnd the battle will be staged on four key fronts -- property crime, anti-social behaviour, youth intervention and road safety.\n\nNow the new scheme will target three new areas, youth issues, safety at home and vehicle crime.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "property crime",
            "anti-social behaviour",
            "youth intervention",
            "road safety"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // "community and cultural harmony": the first "and" of the last part is the list's.
    let (d, csa) = doc("Anytown news\n\nPolice will target four key areas -- violent crime, drugs and alcohol, road safety and community and cultural harmony.\n");
    assert_eq!(
        priorities(&d),
        [
            "violent crime",
            "drugs and alcohol",
            "road safety",
            "community and cultural harmony"
        ],
        "{csa}"
    );
    // A count the sentence does not match names nothing.
    let (d, csa) = doc("Anytown news\n\nPolice will target six key areas -- violent crime, property crime and road safety.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn an_entry_after_the_last_and_that_says_what_it_includes_takes_the_rest() {
    let text = "Community Safety Partnership\n\nMembers were informed that the key priorities of the Partnership included anti-social behaviour, serious and organised crime, and vulnerabilities including domestic violence, hate crime and substance abuse.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "anti-social behaviour",
            "serious and organised crime",
            "vulnerabilities"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Inside the list, what an entry includes ends at its comma.
    let text = "More than £70k given to Anytown council\n\n“Those local community safety priorities are domestic abuse, vulnerability including mental health and substance misuse, theft including shoplifting, violence against the person which includes stalking and harassment, violence against women and girls and antisocial behaviour – a phrase that has been around for such a long time now.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "domestic abuse",
            "vulnerability",
            "theft",
            "violence against the person",
            "violence against women and girls",
            "antisocial behaviour"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn a_counted_sentence_introduces_as_many_actions_behind_a_symbol_fonts_bullets() {
    // A newspaper's page: the bullets were Wingdings' "l", copied as the letter.
    let text = "Residents must play key crime role\n\nThe district Crime and Disorder Reduction Partnership has launched a three-year strategy. There are 100 target areas for action - split into three main categories.\n\nl Reducing youth crime and victimisation;\n\nl Cutting drugs and drug-related crime;\n\nl Involving all communities in finding solutions to local problems.\n\nThe council leader welcomed it.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing youth crime and victimisation",
            "Cutting drugs and drug-related crime",
            "Involving all communities in finding solutions to local problems",
        ],
        "{csa}"
    );
    assert!(!csa.contains("l Reducing"), "the letter is a bullet: {csa}");
    keeps_every_word(
        &text
            .replace("l R", "R")
            .replace("l C", "C")
            .replace("l I", "I"),
        &csa,
    );
    // A data section counting crime types: no entry says what will be done.
    let (d, csa) = doc("Anytown Strategic Assessment 2024\n\nRecorded crime is split into three main categories.\n\n- Violence against the person\n- Theft offences\n- Criminal damage\n");
    assert!(priorities(&d).is_empty(), "{csa}");
    // As many entries as counted, or none.
    let (d, csa) = doc("Anytown strategy\n\nThe strategy is split into three main categories.\n\n- Reducing youth crime\n- Cutting drugs misuse\n");
    assert!(priorities(&d).is_empty(), "{csa}");
    // A lone "l" line is text.
    let (_, csa) = doc("Anytown strategy\n\nl Reducing youth crime\n\nThe next paragraph.\n");
    assert!(csa.contains("l Reducing youth crime"), "{csa}");
}

#[test]
fn numbers_printed_as_a_column_of_their_own_go_back_with_their_entries() {
    // A PDF's text: the list's numbers on lines of their own, then the entries,
    // and the introduction broken before its years.
    let text = "Anytown Partnership In Safer Communities\nCommunity Safety Strategy\nIntroduction\nIn 2008 the partnership wrote its three year Community Safety Strategy. The following priorities were identified for\n2008-11;\n1)\n2)\n3)\nReducing the level and fear of crime\nTackling anti-social behaviour\nYoung people\nProgress & Achievements\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Reducing the level and fear of crime",
            "Tackling anti-social behaviour",
            "Young people",
        ],
        "{csa}"
    );
    assert_eq!(period(&d).as_deref(), Some("2008-2011"), "{csa}");
    // The numbers move to their entries; every word stays in order.
    keeps_every_word(&text.replace("1)\n2)\n3)\n", ""), &csa);
    assert!(
        csa.contains("\"1) Reducing the level and fear of crime\""),
        "{csa}"
    );
    // Numbers that do not run from one stay as printed.
    let (d, csa) = doc("Anytown strategy\nThe following priorities were agreed:\n2)\n3)\nReducing crime\nTackling anti-social behaviour\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn numbered_sections_each_opening_with_their_lead_are_priorities_with_leads() {
    // A slide deck's text: each section's lead on the two lines under its title.
    let text = "SaferAnytown Plan 2011-14\n1. Tackling Domestic Violence\nLead Agency\nProbation\nTargets\n•Reduction of repeat incidents\n2. Tackling Anti-Social Behaviour\nLead Agency\nAnytown Council\nTargets\n•Reduce Anti-Social Behaviour\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Tackling Domestic Violence",
            "Tackling Anti-Social Behaviour"
        ],
        "{csa}"
    );
    let leads: Vec<String> = d
        .priorities
        .iter()
        .flat_map(|p| p.leads.iter().map(|l| l.role.value.clone()))
        .collect();
    assert_eq!(leads, ["Probation", "Anytown Council"], "{csa}");
    keeps_every_word(text, &csa);
    // A document's numbered sections without leads are its sections.
    let (d, csa) = doc("Anytown Plan 2011-14\n1. Introduction\nThis plan sets out our work.\n2. Governance\nThe board meets quarterly.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_count_in_one_paragraph_and_the_names_opening_the_next() {
    let text = "Police chiefs pledge to Anytown\n\nThe Anytown Crime and Disorder Audit highlighted three key crime problems which must urgently be given extra attention.\n\nViolent crime, youth problems and burglaries will be tackled with a fresh approach in Anytown's new crime fighting strategy from April. The Chief Constable welcomed it.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Violent crime", "youth problems", "burglaries"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Not what a strategy will do about them: a report of the figures.
    let (d, csa) = doc("Anytown news\n\nThe audit highlighted three key crime problems.\n\nViolent crime, youth problems and burglaries will be reported to the committee next month.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn a_contents_page_run_together_gives_the_entries_labelled_priorities() {
    let text = "Safer Anytown Strategic Assessment 2015-16\n\n3 Contents Introduction 5 The delivery landscape 7 3: THE ANALYSIS - KEY FINDINGS 31 PRIORITY: Domestic abuse and sexual violence 32 PRIORITY: Alcohol-related harm 41 Focus area: Drug-related Harm 46 Focus area: Reoffending 56\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Domestic abuse and sexual violence", "Alcohol-related harm"],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn contents_entries_indented_under_the_partnerships_priorities_are_its_priorities() {
    let text = "The Safer Anytown Partnership Plan 2018/21\nContents\n\n    Chairs' Introduction.......................3\n    Safer Anytown Partnership Priorities and Activity ........6\n         Protecting Vulnerable People.............7\n         Serious and Organised Crime..............14\n         Strategic Priorities ....................19\n    Greater Manchester Priorities ................21\n         Neighbourhood Policing...................22\n    Governance and Accountability ................24\n         Board Membership.........................25\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Protecting Vulnerable People",
            "Serious and Organised Crime"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    assert!(csa.contains("Board Membership"), "{csa}");
    // Entries at one level are page references, not priorities.
    let (d, csa) = doc("Anytown Plan 2018/21\nContents\n    Our Priorities ........6\n    Protecting Vulnerable People.......7\n    Serious and Organised Crime........14\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn the_first_of_a_numbered_list_where_the_text_stops_is_taken_with_a_note() {
    let text = "Safer Anytown Partnership- Annual Partnership Plan 2016-2017\n\nThe partnership works to deliver the key priorities in this plan.\n\nKEY PRIORITY 1: TO PROTECT VULNERABLE PEOPLE\n(KP LEAD: ANYTOWN BOROUGH HOMES)\nThis priority will include raising awareness of domestic abuse and hate crime.\nDeliver a social media campaign / Apr 2017\n";
    let (d, csa) = doc(text);
    assert_eq!(priorities(&d), ["TO PROTECT VULNERABLE PEOPLE"], "{csa}");
    let leads: Vec<&str> = d.priorities[0]
        .leads
        .iter()
        .map(|l| l.role.value.as_str())
        .collect();
    assert_eq!(leads, ["ANYTOWN BOROUGH HOMES"], "{csa}");
    assert!(csa.contains("the text stops after the first"), "{csa}");
    keeps_every_word(text, &csa);
    // A document that goes on past its "Priority 1" keeps it as prose: one
    // labelled line alone is no list.
    let mut long = text.to_string();
    long.push_str("\n## Governance\n\nThe board meets quarterly.\n");
    let (d, csa) = doc(&long);
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn titles_with_bullets_under_them_after_an_introduction() {
    let text = "Anytown community safety partnership strategy 2022 to 2025\n\nThe two strategic priorities are:\n\nSafe and confident communities\n\n- Tackling high volume crimes and antisocial issues across the city, as well as targeting resources on hot spots.\n- The aim will be to reduce crime and antisocial behaviour and improve the confidence of residents.\n\nReducing violence against women and girls\n\n- This priority will tackle violence against women and girls, wherever and however it occurs in the city.\n\nThe board will report on both each year to the council's cabinet.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "Safe and confident communities",
            "Reducing violence against women and girls"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}

#[test]
fn means_after_by_that_the_next_sentence_calls_these_priorities() {
    let text = "Community safety strategy\n\nAnytown's Community Safety Strategy sets out the vision for the Community Safety Partnership (CSP) to tackle crime and antisocial behaviour in the city by reducing violence and exploitation, supporting victims and vulnerable people, building strong and resilient communities, and improving the safety of public spaces. The current strategy covers the period from 2022 to 2025 and outlines how the CSP will deliver these priorities.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "reducing violence and exploitation",
            "supporting victims and vulnerable people",
            "building strong and resilient communities",
            "improving the safety of public spaces",
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // Means the next sentence does not call priorities stay prose.
    let (d, csa) = doc("Community safety strategy\n\nThe partnership will tackle crime in the city by reducing violence and exploitation, supporting victims and vulnerable people, and improving the safety of public spaces. The strategy was agreed in March.\n");
    assert!(priorities(&d).is_empty(), "{csa}");
}

#[test]
fn titles_ending_with_the_colon_of_their_bullets_after_an_introduction() {
    let text = "Annual Performance Review of the Anytown Safety Partnership\n\nIt then listed the partnership's key priorities and associated areas of focus:\nSafety in Public Spaces:\n- Enhance women's safety.\n- Address hate crime.\nViolence and Victimisation:\n- Combat serious violence.\n- Decrease domestic abuse.\n\nThe commission noted the report.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        ["Safety in Public Spaces", "Violence and Victimisation"],
        "{csa}"
    );
    assert!(
        csa.contains("includes: Enhance women's safety; Address hate crime"),
        "{csa}"
    );
    keeps_every_word(text, &csa);
    // A line that introduces in words of its own is no title: "What we will do:".
    let (d, csa) = doc("Anytown plan\n\nOur priorities are:\nWhat we will do:\n- Enhance women's safety.\n- Address hate crime.\n");
    assert!(
        !priorities(&d).iter().any(|p| p.starts_with("What")),
        "{csa}"
    );
}

#[test]
fn priorities_being_named_in_a_sentence() {
    let text = "Crime and Disorder Committee\n\nThe Community Safety Manager presented the Anytown Community Safety Partnership annual report, with priorities for 2022/23 being violence against women and girls, Prevent (anti-terrorism), modern day slavery, and antisocial behaviour.\n";
    let (d, csa) = doc(text);
    assert_eq!(
        priorities(&d),
        [
            "violence against women and girls",
            "Prevent (anti-terrorism)",
            "modern day slavery",
            "antisocial behaviour"
        ],
        "{csa}"
    );
    keeps_every_word(text, &csa);
}
