//! Which Police and Crime Plan was in force in a police area on a day, as far as csa
//! can tell, and where it cannot.
//!
//! A plan is in force from the start of its period until it is replaced (Police Reform
//! and Social Responsibility Act 2011 s7). Two things leave the answer open, and a
//! check must not then call a document wrong:
//!
//! - a newer plan whose first day is known only as a window: inside the window the
//!   older plan or the newer one may be the plan in force;
//! - an election after which the Commissioner had to issue a plan (s5: within the
//!   financial year of each ordinary election) that csa does not know.

use super::{Knowledge, Plan};
use crate::ast::Date;

/// What csa knows of the plan in force in a police area on a day.
#[derive(Debug, Clone, Default)]
pub struct InForce<'k> {
    /// The latest plan that had certainly started by the day.
    pub settled: Option<&'k Plan>,
    /// Later plans whose window holds the day: each may already have replaced
    /// `settled`. Oldest first.
    pub possible: Vec<&'k Plan>,
    /// The day of an election, after `settled` started and by the day, for which the
    /// plan the Commissioner had to issue is not in csa's data.
    pub unknown_since: Option<Date>,
}

impl<'k> InForce<'k> {
    /// The plan in force, where csa can tell it.
    pub fn certain(&self) -> Option<&'k Plan> {
        if self.possible.is_empty() && self.unknown_since.is_none() {
            self.settled
        } else {
            None
        }
    }

    /// Every plan that may have been in force, oldest first.
    pub fn candidates(&self) -> impl Iterator<Item = &'k Plan> + '_ {
        self.settled
            .into_iter()
            .chain(self.possible.iter().copied())
    }

    /// Whether csa cannot tell which plan was in force.
    pub fn is_open(&self) -> bool {
        self.certain().is_none() && self.settled.is_some()
    }
}

impl Knowledge {
    /// The plan in force in a police area on `date`, as far as csa can tell: the latest
    /// plan certainly started, the newer ones that may have replaced it, and an
    /// election whose plan csa does not know. `elections` are the days of ordinary
    /// elections (law.toml's events); the days a new holder took the functions of the
    /// local policing body (a mayor) count too.
    pub fn in_force(&self, police_area: &str, date: Date, elections: &[Date]) -> InForce<'_> {
        let day = date.first_day();
        let plans: Vec<&Plan> = self.plans_of(police_area).collect();
        let settled = plans
            .iter()
            .copied()
            .filter(|p| p.latest_start() <= day)
            .max_by_key(|p| p.latest_start());
        // A plan whose window holds the day ends after it, so after `settled` too.
        let possible: Vec<&Plan> = plans
            .iter()
            .copied()
            .filter(|p| p.start_open_on(day))
            .collect();
        let unknown_since = settled.and_then(|s| {
            self.elections_in(police_area, elections)
                .into_iter()
                .filter(|e| s.latest_start() < *e && *e <= day)
                .find(|e| !self.plan_issued_after(police_area, *e, elections))
        });
        InForce {
            settled,
            possible,
            unknown_since,
        }
    }

    /// The elections of a police area, in order: the ordinary elections given, and
    /// the days a mayor took the functions over (a new holder issues a new plan; a
    /// Commissioner taking on fire and rescue does not).
    fn elections_in(&self, police_area: &str, elections: &[Date]) -> Vec<Date> {
        let mut days: Vec<Date> = elections.iter().map(|d| d.first_day()).collect();
        if let Some(area) = self.gazetteer().police_area(police_area) {
            days.extend(
                area.governance
                    .windows(2)
                    .filter(|pair| pair[0].role != pair[1].role && pair[1].role == "mayor")
                    .filter_map(|pair| pair[1].from.map(|f| f.0)),
            );
        }
        days.sort();
        days.dedup();
        days
    }

    /// Whether csa knows a plan issued after the election of `election` and before the
    /// next one of a later financial year (a mayor taking over days after an election,
    /// as in York and North Yorkshire in May 2024, issues the one plan due).
    fn plan_issued_after(&self, police_area: &str, election: Date, elections: &[Date]) -> bool {
        let year_end = financial_year_end(election);
        let next = self
            .elections_in(police_area, elections)
            .into_iter()
            .find(|e| *e > year_end);
        self.plans_of(police_area)
            .any(|p| p.latest_start() >= election && next.is_none_or(|n| p.from.0 < n))
    }
}

/// The last day of the financial year `date` falls in (1 April to 31 March).
pub fn financial_year_end(date: Date) -> Date {
    let year = if date.month >= 4 {
        date.year + 1
    } else {
        date.year
    };
    Date {
        year,
        month: 3,
        day: Some(31),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_due_after_an_election_is_due_by_the_end_of_its_financial_year() {
        let may = Date::parse("2021-05-06").unwrap();
        assert_eq!(financial_year_end(may).to_string(), "2022-03-31");
        let november = Date::parse("2012-11-15").unwrap();
        assert_eq!(financial_year_end(november).to_string(), "2013-03-31");
        let february = Date::parse("2020-02-01").unwrap();
        assert_eq!(financial_year_end(february).to_string(), "2020-03-31");
    }
}
