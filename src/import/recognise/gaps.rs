//! What the text leaves out, filled from the knowledge base, each time with a note.
//!
//! A plan rarely names the Police and Crime Plan it works to by its exact title, and
//! a web page or a committee report rarely lists the responsible authorities; the
//! knowledge base knows both for an area on a date. The plan in force becomes a
//! `@use` of the plan csa knows (the text's own words about it stay prose where they
//! are); the authorities expected for the area are suggested in a note, never
//! written as blocks, so that nothing the document does not say is presented as
//! what it says.

use super::writer::Writer;
use crate::ast::Date;
use crate::import::Summary;
use crate::knowledge::Knowledge;

/// The `@use` of the Police and Crime Plan in force in `area` on `date`, where csa
/// knows it for certain; a note naming the candidates where it cannot tell.
pub(super) fn police_and_crime_plan(w: &mut Writer, area: &str, date: Date) {
    let k = Knowledge::bundled();
    let Some(place) = k.resolve(area, Some(date)).into_iter().next() else {
        return;
    };
    let Some(police) = k.police_area_of(place) else {
        return;
    };
    let in_force = k.in_force(&police.id, date, &[]);
    w.gap();
    match in_force.certain() {
        Some(plan) => {
            w.note(
                0,
                &format!(
                    "the Police and Crime Plan in force in {} on {date} is \"{}\" (csa's knowledge, `csa law plans`): check it is the one this document works to",
                    police.name, plan.title
                ),
            );
            w.line(format!("@use: {}", plan.id));
            Summary::bump(&mut w.summary.blocks, "use", 1);
        }
        None => {
            let names: Vec<String> = in_force
                .settled
                .iter()
                .chain(in_force.possible.iter())
                .map(|p| format!("{} ({})", p.title, p.id))
                .collect();
            if !names.is_empty() {
                w.note(
                    0,
                    &format!(
                        "csa cannot tell which Police and Crime Plan was in force in {} on {date}: one of {}; add `@use: ID` for the one this document works to",
                        police.name,
                        names.join(", ")
                    ),
                );
            }
        }
    }
    w.gap();
}

/// When the text lists no responsible authorities: a note with those csa expects for
/// the area on the date, by kind, named only where csa knows the name.
pub(super) fn authorities(w: &mut Writer, area: &str, date: Date) {
    let k = Knowledge::bundled();
    let Some(place) = k.resolve(area, Some(date)).into_iter().next() else {
        return;
    };
    let expected: Vec<String> = k
        .responsible_authorities(place, date)
        .into_iter()
        .map(|a| match a.name {
            Some(name) => format!("{name} ({})", a.kind),
            None => format!("the {} (name not known to csa)", a.kind),
        })
        .collect();
    if expected.is_empty() {
        return;
    }
    w.gap();
    w.note(
        0,
        &format!(
            "the text lists no responsible authorities; for {area} on {date} csa expects: {}. Add them as @authority blocks if the document names them",
            expected.join("; ")
        ),
    );
}
