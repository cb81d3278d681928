//! The closed vocabularies of the format: the words a field may hold, each read once
//! into an enum (kebab-case, as written), with the one place each default is decided.
//! `schema.rs` offers the same words to completion and to the lowering's checks.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: the enum, its words in order, and reading one.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The words, as written in a document.
            pub const WORDS: &'static [&'static str] = &[$($word,)+];

            /// The value `word` names (as written: lower case, hyphens).
            pub fn parse(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The word for this value, as written in a document.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What kind of document it is (`kind:` of `@agreement`).
    DocumentKind {
        /// A two-tier county's community safety agreement (SI 2007/1830 reg 9).
        CountyAgreement => "county-agreement",
        /// A district's partnership plan (regs 10 and 11).
        DistrictPlan => "district-plan",
        /// A unitary area's partnership plan (regs 10 and 11).
        UnitaryPlan => "unitary-plan",
    }
}

vocabulary! {
    /// How often the document is reviewed (`review:`).
    ReviewCycle {
        /// Every year.
        Annual => "annual",
        /// Every two years.
        Biennial => "biennial",
        /// Every three years.
        Triennial => "triennial",
        /// Not on a cycle.
        None => "none",
    }
}

vocabulary! {
    /// Where the document stands (`status:`).
    Status {
        /// Not yet agreed.
        Draft => "draft",
        /// As agreed.
        Final => "final",
    }
}

vocabulary! {
    /// What a Police and Crime Plan objective is about (`scope:`).
    ObjectiveScope {
        /// Crime and disorder, which partnerships share.
        CrimeAndDisorder => "crime-and-disorder",
        /// Policing alone (the force's own business).
        Policing => "policing",
    }
}

vocabulary! {
    /// What a `@version` row versions (`scope:`).
    VersionScope {
        /// The agreement.
        Agreement => "agreement",
        /// Its action plan.
        ActionPlan => "action-plan",
    }
}

impl DocumentKind {
    /// The kind a document that names none is read as: the format was made for the
    /// county agreement, and its rules' words default to it.
    pub const UNSTATED: DocumentKind = DocumentKind::CountyAgreement;

    /// Whether it is a partnership plan (district or unitary) rather than an agreement.
    pub fn is_plan(self) -> bool {
        matches!(self, DocumentKind::DistrictPlan | DocumentKind::UnitaryPlan)
    }
}

impl ReviewCycle {
    /// The months between reviews, or `None` for a document not on a cycle.
    pub fn months(self) -> Option<i64> {
        match self {
            ReviewCycle::Annual => Some(12),
            ReviewCycle::Biennial => Some(24),
            ReviewCycle::Triennial => Some(36),
            ReviewCycle::None => None,
        }
    }

    /// The months a document's life is taken to run when it gives no `period:`: its
    /// review cycle, else a year (a partnership plan is revised every year, SI
    /// 2007/1830 reg 11; an agreement is reviewed at least as often in practice).
    pub fn life_months(cycle: Option<ReviewCycle>) -> i64 {
        cycle.and_then(ReviewCycle::months).unwrap_or(12)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back_as_its_value() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(*kind));
        }
        for cycle in ReviewCycle::ALL {
            assert_eq!(ReviewCycle::parse(&cycle.to_string()), Some(*cycle));
        }
        assert_eq!(DocumentKind::parse("County-Agreement"), None);
        assert_eq!(
            serde_json::to_string(&ObjectiveScope::CrimeAndDisorder).unwrap(),
            "\"crime-and-disorder\""
        );
    }

    #[test]
    fn a_life_is_the_review_cycle_else_a_year() {
        assert_eq!(ReviewCycle::life_months(Some(ReviewCycle::Triennial)), 36);
        assert_eq!(ReviewCycle::life_months(Some(ReviewCycle::None)), 12);
        assert_eq!(ReviewCycle::life_months(None), 12);
        assert_eq!(ReviewCycle::Biennial.months(), Some(24));
    }
}
