//! What csa knows about England's places and bodies, as data: every local authority
//! and police force area with their changes over time (`rules/gazetteer.toml`), the
//! bodies that replaced others (`rules/successors.toml`), and every Police and Crime
//! Plan (`rules/pcc-plans.toml`). Each fact carries its source and confidence.
//!
//! The files are compiled to JSON at build time and each is read the first time a
//! question needs it, once per process. A rule pack may add or correct entries under
//! `[knowledge]`; an entry with the id of a bundled one replaces it.
//!
//! The questions a caller asks:
//!
//! - [`Knowledge::resolve`]: the gazetteer entries an area name means on a date;
//! - [`Knowledge::police_area_of`]: the police force area of a resolved place;
//! - [`Knowledge::in_force`]: the Police and Crime Plan in force there on a date,
//!   with its objectives, or the plans it may be where csa cannot tell (a plan whose
//!   first day is known only as a window, a plan due after an election that csa
//!   does not know);
//! - [`Knowledge::governance_on`]: who holds the PCC's functions on a date;
//! - [`Knowledge::body_named`] and [`Knowledge::successor_on`]: a named body and the body
//!   that carries its functions on a date, following the chain;
//! - [`Knowledge::responsible_authorities`]: the responsible authorities (Crime and
//!   Disorder Act 1998 s5) of an area on a date, by kind, named where csa knows them;
//! - [`Knowledge::abolished_by`]: the council a name meant that had been abolished by
//!   a date, and the councils that carry its area then.
//!
//! The places are in `gazetteer`, the bodies in `successors`, the plans in `plans`
//! and which of them was in force in `in_force`;
//! `loading` reads the files and a pack's additions, `queries` answers the questions
//! above, and `check` checks the data's integrity.

mod abolished;
pub mod bundled;
mod check;
mod fold;
mod gazetteer;
mod in_force;
pub mod law;
mod loading;
mod plans;
mod queries;
pub mod statutory;
mod successors;

pub use law::{Confidence, LawDate};

pub use abolished::Abolished;
pub use check::{problems, Counts};
pub use fold::fold;
pub use gazetteer::{
    Authority, Gazetteer, Governance, Partnership, PoliceArea, Reorganisation, Resolved,
};
pub use in_force::{financial_year_end, InForce};
pub use loading::{Knowledge, Tables, BUNDLED, SCHEMAS};
pub use plans::{Plan, PlanObjective, Plans};
pub use queries::ResponsibleAuthority;
pub use successors::{Body, Successors};

use crate::ast::Date;

/// Whether `date` lies within `from`..=`until` (open where absent).
pub fn within(date: Date, from: Option<LawDate>, until: Option<LawDate>) -> bool {
    let day = date.first_day();
    from.is_none_or(|f| f.0 <= day) && until.is_none_or(|u| day <= u.0)
}

#[cfg(test)]
mod tests {
    use super::gazetteer::keys;
    use super::queries::strip_brackets;
    use super::*;

    #[test]
    fn folding_reads_ampersands_and_drops_punctuation() {
        assert_eq!(fold("Brighton & Hove"), "brighton and hove");
        assert_eq!(
            fold("  Kent (excluding   Medway) "),
            "kent excluding medway"
        );
        assert_eq!(strip_brackets("Kent (excluding Medway)"), "Kent");
        assert_eq!(
            keys("Ashford Borough Council"),
            vec!["ashford borough council", "ashford"]
        );
    }
}
