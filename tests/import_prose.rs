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
