//! Councils that no longer exist: which council a name meant that had been abolished
//! by a day, and the councils that carry its area on that day. A document for an area
//! whose council had gone is a plan without a partnership behind it, and `csa law
//! bodies` must not list a council that no longer existed as a responsible authority.

use super::{Authority, Knowledge};
use crate::ast::Date;

/// A council abolished by a day, and those that carry its area then.
#[derive(Debug, Clone)]
pub struct Abolished<'k> {
    /// The council abolished.
    pub authority: &'k Authority,
    /// Its first day out of existence (the day after `until`).
    pub ended: Date,
    /// The councils carrying its area on the day asked about, following the chain
    /// of successors (a district to its unitary); empty where csa does not know them.
    pub now: Vec<&'k Authority>,
}

impl Knowledge {
    /// The councils `name` means that had been abolished by `date`, where no council
    /// of that name exists on `date` (North Yorkshire in 2024 is the unitary council,
    /// not the abolished county). "Kent (excluding Medway)" is read as "Kent".
    pub fn abolished_by(&self, name: &str, date: Date) -> Vec<Abolished<'_>> {
        let g = self.gazetteer();
        let mut named = g.authorities_named(name);
        if named.is_empty() {
            named = g.authorities_named(&super::queries::strip_brackets(name));
        }
        if named.iter().any(|a| a.exists_on(date)) {
            return Vec::new();
        }
        named
            .into_iter()
            .filter_map(|a| {
                let until = a.until.filter(|u| u.0 < date.first_day())?;
                Some(Abolished {
                    authority: a,
                    ended: crate::ast::date_from_days(until.0.days_since_epoch() + 1),
                    now: self.carried_by(a, date),
                })
            })
            .collect()
    }

    /// The councils that carry `authority`'s area on `date`: itself while it exists,
    /// else its successors', as far as the data goes.
    pub fn carried_by<'k>(&'k self, authority: &'k Authority, date: Date) -> Vec<&'k Authority> {
        let g = self.gazetteer();
        let mut out: Vec<&Authority> = Vec::new();
        let mut todo = vec![(authority, 0)];
        while let Some((a, depth)) = todo.pop() {
            if a.exists_on(date) {
                if !out.iter().any(|o| o.id == a.id) {
                    out.push(a);
                }
            } else if depth < 8 && a.until.is_some_and(|u| u.0 < date.first_day()) {
                todo.extend(
                    a.successors
                        .iter()
                        .rev()
                        .filter_map(|s| g.authority(s))
                        .map(|s| (s, depth + 1)),
                );
            }
        }
        out
    }
}
