//! The legal knowledge rules rest on: statutory strategy areas, responsible
//! authorities and their names over time, Acts and their Bills, the events that
//! change who issues Police and Crime Plans (the plans are in [`crate::knowledge`]).
//! It is data (`rules/law.toml`, embedded in the binary); this module gives it types
//! and answers questions about a date.

use serde::Deserialize;

use crate::ast::Date;

/// How sure we are of a fact. A rule resting on an unverified fact is never an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// From memory or inference; not checked on a source.
    Unverified,
    /// From a secondary source (a council page, guidance, commentary).
    Secondary,
    /// Read on the primary source.
    Verified,
}

/// A date as TOML writes it (`2022-04-01`, unquoted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LawDate(pub Date);

impl<'de> Deserialize<'de> for LawDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // TOML hands a date over as a one-entry map under a private name; JSON (the
        // form the bundled knowledge is compiled to) as a string.
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = LawDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date such as 2022-04-01")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<LawDate, E> {
                let date = Date::parse(text)
                    .filter(|d| d.day.is_some())
                    .ok_or_else(|| {
                        E::custom(format!("`{text}` is not a date such as 2022-04-01"))
                    })?;
                Ok(LawDate(date))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<LawDate, M::Error> {
                let Some((_, value)) = map.next_entry::<String, String>()? else {
                    return Err(serde::de::Error::custom(
                        "expected a date such as 2022-04-01",
                    ));
                };
                if value.contains(['T', ' ', ':']) {
                    return Err(serde::de::Error::custom(
                        "expected a date such as 2022-04-01, without a time",
                    ));
                }
                self.visit_str(&value)
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl serde::Serialize for LawDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A statutory strategy area (Crime and Disorder Act 1998 s6).
#[derive(Debug, Clone, Deserialize)]
pub struct Area {
    /// Id used in `addresses:` fields.
    pub id: String,
    /// What the strategy is for.
    pub title: String,
    /// Where the law says so.
    pub citation: String,
    /// The amending Act, if any.
    #[serde(default)]
    pub inserted_by: Option<String>,
    /// First day in force.
    pub in_force_from: LawDate,
    /// Last day in force, if it has ended.
    #[serde(default)]
    pub in_force_until: Option<LawDate>,
    /// How sure we are.
    pub confidence: Confidence,
    /// Words by which a priority or theme shows it addresses the area.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// `keywords`, folded: worked out the first time they are asked for, so rules
    /// that search many topics fold them once.
    #[serde(skip)]
    folded: std::sync::OnceLock<Vec<Vec<String>>>,
}

impl Area {
    /// The folded words of each keyword, in the order of `keywords`.
    pub fn folded_keywords(&self) -> &[Vec<String>] {
        self.folded.get_or_init(|| {
            self.keywords
                .iter()
                .map(|k| crate::text::matching::words(k))
                .collect()
        })
    }

    /// Whether the area is in force on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        in_range(date, self.in_force_from, self.in_force_until)
    }

    /// The legal basis as one line.
    pub fn basis(&self) -> String {
        match &self.inserted_by {
            Some(by) => format!(
                "{} (inserted by {}), in force from {}",
                self.citation, by, self.in_force_from.0
            ),
            None => format!("{}, in force from {}", self.citation, self.in_force_from.0),
        }
    }
}

/// One name a kind of responsible authority has had.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthorityName {
    /// The name.
    pub name: String,
    /// Other ways of writing it, matched as whole words.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// First day the name applied.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Last day the name applied.
    #[serde(default)]
    pub until: Option<LawDate>,
    /// The name to use after `until`.
    #[serde(default)]
    pub current: Option<String>,
    /// How sure we are.
    pub confidence: Confidence,
}

impl AuthorityName {
    /// Whether the name was the right one on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        let from = self.from.map(|d| d.0.first_day()).unwrap_or(Date {
            year: 1,
            month: 1,
            day: Some(1),
        });
        from <= date.first_day() && self.until.is_none_or(|u| date.first_day() <= u.0)
    }

    /// Every spelling of the name.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.synonyms.iter().map(String::as_str))
    }
}

/// A kind of responsible authority (Crime and Disorder Act 1998 s5).
#[derive(Debug, Clone, Deserialize)]
pub struct AuthorityKind {
    /// Id used in `kind:` fields.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where the law says so.
    pub citation: String,
    /// When it became a responsible authority.
    pub required_from: LawDate,
    /// When it stopped being one.
    #[serde(default)]
    pub required_until: Option<LawDate>,
    /// The kinds of document that must name it.
    #[serde(default)]
    pub required_in: Vec<String>,
    /// How sure we are.
    pub confidence: Confidence,
    /// Its names over time.
    #[serde(default, rename = "name")]
    pub names: Vec<AuthorityName>,
    /// Whether the law names the body itself (the primary care trust, the clinical
    /// commissioning group, the integrated care board; the probation trust, or the
    /// National Probation Service and the Community Rehabilitation Company): then an
    /// `@authority` of the kind counts only when it is a body of a name in force, not
    /// any body of the same sector (a hospital trust, a public health team).
    #[serde(default)]
    pub designated: bool,
}

impl AuthorityKind {
    /// Whether the kind is a responsible authority on `date`.
    pub fn required_on(&self, date: Date) -> bool {
        in_range(date, self.required_from, self.required_until)
    }
}

/// A body often listed as a responsible authority that is not one.
#[derive(Debug, Clone, Deserialize)]
pub struct NotResponsibleAuthority {
    /// Its name.
    pub name: String,
    /// Other ways of writing it.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Since when the body exists.
    #[serde(default)]
    pub from: Option<LawDate>,
    /// Where the law says so.
    pub citation: String,
    /// What its relationship to the partnership is.
    pub relationship: String,
    /// How sure we are.
    pub confidence: Confidence,
}

/// An Act of Parliament and the Bill it was.
#[derive(Debug, Clone, Deserialize)]
pub struct Act {
    /// Short id.
    pub id: String,
    /// The Act's title.
    pub title: String,
    /// The Bill's title.
    #[serde(default)]
    pub bill: Option<String>,
    /// Other spellings of the Bill.
    #[serde(default)]
    pub bill_aliases: Vec<String>,
    /// Royal Assent, when it has happened.
    #[serde(default)]
    pub royal_assent: Option<LawDate>,
    /// How sure we are.
    pub confidence: Confidence,
}

impl Act {
    /// Every spelling of the Bill.
    pub fn bill_names(&self) -> impl Iterator<Item = &str> {
        self.bill
            .iter()
            .map(String::as_str)
            .chain(self.bill_aliases.iter().map(String::as_str))
    }
}

/// An event that changes who issues the Police and Crime Plan: an ordinary PCC
/// election, or the announced end of PCCs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Short id.
    pub id: String,
    /// `pcc-election` or `pcc-abolition`.
    pub kind: String,
    /// What happens.
    pub title: String,
    /// The day.
    pub date: LawDate,
    /// `enacted` (default) or `announced` (not yet law).
    #[serde(default)]
    pub status: Option<String>,
    /// Where the fact comes from.
    pub source: String,
    /// How sure we are.
    pub confidence: Confidence,
}

/// Another duty agreements cite.
#[derive(Debug, Clone, Deserialize)]
pub struct Duty {
    /// Short id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where the law says so.
    pub citation: String,
    /// First day in force.
    #[serde(default)]
    pub in_force_from: Option<LawDate>,
    /// How sure we are.
    pub confidence: Confidence,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One spelling of an authority name: indices of its kind and name, the spelling, and
/// its folded words.
type Spelling = (usize, usize, String, Vec<String>);

/// All the legal knowledge.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Must be `csa-law/1`.
    #[serde(default)]
    pub schema: String,
    /// Statutory strategy areas.
    #[serde(default, rename = "area")]
    pub areas: Vec<Area>,
    /// Kinds of responsible authority.
    #[serde(default, rename = "authority_kind")]
    pub authority_kinds: Vec<AuthorityKind>,
    /// Bodies that are not responsible authorities.
    #[serde(default, rename = "not_responsible_authority")]
    pub not_responsible_authorities: Vec<NotResponsibleAuthority>,
    /// Acts and Bills.
    #[serde(default, rename = "act")]
    pub acts: Vec<Act>,
    /// Events that change who issues Police and Crime Plans.
    #[serde(default, rename = "event")]
    pub events: Vec<Event>,
    /// Other duties.
    #[serde(default, rename = "duty")]
    pub duties: Vec<Duty>,
    /// Every spelling of every authority name, folded once: (kind, name, spelling, words).
    #[serde(skip)]
    spellings: std::sync::OnceLock<Vec<Spelling>>,
}

/// The law data bundled with csa.
pub const BUNDLED: &str = super::bundled::LAW.toml;

/// The same, compiled to JSON at build time (read faster at start-up).
const BUNDLED_JSON: &str = super::bundled::LAW.json;

impl Law {
    /// The bundled law data.
    pub fn bundled() -> Self {
        serde_json::from_str(BUNDLED_JSON).expect("rules/law.toml is checked by the test suite")
    }

    /// Adds another law file's entries (a user's rule pack may carry some).
    pub fn extend(&mut self, other: Law) {
        self.areas.extend(other.areas);
        self.authority_kinds.extend(other.authority_kinds);
        self.not_responsible_authorities
            .extend(other.not_responsible_authorities);
        self.acts.extend(other.acts);
        self.events.extend(other.events);
        self.duties.extend(other.duties);
        self.spellings = std::sync::OnceLock::new();
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The authority name (of any kind) that `text` uses, found as whole words (the
    /// longest spelling wins), and the part of `text` to replace when renaming: the
    /// name itself where `text` contains it ("Clinical Commissioning Group" in "NHS
    /// Kent and Medway Clinical Commissioning Group (CCG)"), so local parts survive.
    pub fn authority_name_in<'l>(
        &'l self,
        text: &str,
    ) -> Option<(&'l AuthorityKind, &'l AuthorityName, &'l str)> {
        use crate::text::matching;
        let spellings = self.spellings.get_or_init(|| {
            let mut all = Vec::new();
            for (k, kind) in self.authority_kinds.iter().enumerate() {
                for (n, name) in kind.names.iter().enumerate() {
                    for spelling in name.spellings() {
                        all.push((k, n, spelling.to_string(), matching::words(spelling)));
                    }
                }
            }
            all
        });
        let words = matching::words(text);
        let (k, n, spelling, _) = spellings
            .iter()
            .filter(|(_, _, _, w)| matching::contains_words(&words, w))
            .max_by_key(|(_, _, s, _)| s.len())?;
        let kind = &self.authority_kinds[*k];
        let name = &kind.names[*n];
        let canonical = spellings
            .iter()
            .find(|(kk, nn, s, _)| kk == k && nn == n && *s == name.name)
            .is_some_and(|(_, _, _, w)| matching::contains_words(&words, w));
        let spelling: &str = if canonical { &name.name } else { spelling };
        Some((kind, name, spelling))
    }

    /// The authority kind with this id.
    pub fn authority_kind(&self, id: &str) -> Option<&AuthorityKind> {
        self.authority_kinds.iter().find(|k| k.id == id)
    }
}

fn in_range(date: Date, from: LawDate, until: Option<LawDate>) -> bool {
    from.0.first_day() <= date.first_day()
        && until.is_none_or(|u| date.first_day() <= u.0.last_day())
}

#[cfg(test)]
mod tests {
    use super::LawDate;

    #[derive(serde::Deserialize)]
    struct Dated {
        date: LawDate,
    }

    #[test]
    fn dates_read_from_toml_and_from_json() {
        let t: Dated = toml::from_str("date = 2022-04-01").unwrap();
        let j: Dated = serde_json::from_str(r#"{"date": "2022-04-01"}"#).unwrap();
        assert_eq!(t.date, j.date);
        assert_eq!(t.date.0.to_string(), "2022-04-01");
        assert!(toml::from_str::<Dated>("date = 2022-04-01T10:00:00").is_err());
        assert!(toml::from_str::<Dated>("date = \"soon\"").is_err());
    }
}
