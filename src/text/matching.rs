//! Comparing what people write: words, phrases and how alike two titles are.
//!
//! Agreements name the same thing many ways ("Anti-Social Behaviour", "antisocial
//! behaviour", "ASB"; "Re-Offending", "reoffending"). Everything here folds case,
//! joins hyphenated words and trims plurals before comparing, so rules can stay
//! simple.

/// Words that carry no meaning of their own in titles.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "inc",
    "including",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "our",
    "the",
    "their",
    "this",
    "to",
    "with",
    "be",
    "are",
    "all",
    "i",
    "e",
    "ie",
    "eg",
    "etc",
];

/// Words so common in objectives and titles that sharing them says nothing about
/// whether two say the same thing ("support", "work", "provide").
const GENERIC: &[&str] = &[
    "support",
    "work",
    "provide",
    "improve",
    "enhance",
    "reduce",
    "tackle",
    "protect",
    "ensure",
    "deliver",
    "need",
    "issue",
    "service",
    "partnership",
    "partner",
    "people",
    "response",
    "responsive",
    "make",
    "help",
    "effective",
    "prevent",
    "preventing",
];

/// The words of the police force areas' names (rules/gazetteer.toml, names and
/// aliases, folded; "Police", "County" and the like left out), for every area
/// alike: two titles that share only their place ("Safer in Kent", "Making Kent
/// Safer") are not alike for it. `tests/knowledge_audit.rs` holds the list to the
/// gazetteer.
pub const PLACE_WORDS: &[&str] = &[
    "avon",
    "bedfordshire",
    "cambridgeshire",
    "cheshire",
    "cleveland",
    "cornwall",
    "cumbria",
    "darlington",
    "derbyshire",
    "devon",
    "dorset",
    "durham",
    "essex",
    "gloucestershire",
    "gmp",
    "greater",
    "hampshire",
    "hertfordshire",
    "humberside",
    "isle",
    "kent",
    "lancashire",
    "leicester",
    "leicestershire",
    "lincolnshire",
    "london",
    "manchester",
    "medway",
    "mercia",
    "merseyside",
    "metropolitan",
    "midland",
    "norfolk",
    "north",
    "northamptonshire",
    "northumbria",
    "nottinghamshire",
    "peterborough",
    "rutland",
    "scilly",
    "somerset",
    "south",
    "staffordshire",
    "stokeontrent",
    "suffolk",
    "surrey",
    "sussex",
    "swindon",
    "thame",
    "valley",
    "warwickshire",
    "west",
    "wight",
    "wiltshire",
    "york",
    "yorkshire",
];

/// Words every community safety document uses ("community", "safer", "crime",
/// "public"): sharing one of them says nothing about whether a priority and an
/// objective are about the same thing ("Public Space Safety" and "Public trust in
/// policing"; "Cohesive Communities" and "Safer rural communities").
const SHARED_VOCABULARY: &[&str] = &[
    "community",
    "public",
    "safety",
    "safe",
    "safer",
    "safely",
    "crime",
    "police",
    "policing",
    "local",
    "resident",
    "area",
    "county",
    "district",
    "borough",
    "city",
    "council",
    "everyone",
    "life",
    "live",
    "place",
    "priority",
    "plan",
    "strategy",
    "agency",
    "across",
    "together",
    "new",
    "more",
    "better",
    "high",
    "level",
    "keep",
    "keeping",
    "continue",
    "develop",
    "increase",
    "promote",
    "build",
    "strengthen",
    "encourage",
    "address",
    "focus",
    // Verbs and fillers of objectives: "put victims first", "hold to account".
    "that",
    "other",
    "through",
    "commission",
    "put",
    "first",
    "due",
    "hold",
    "combat",
    "fight",
    "invest",
    "scheme",
    "secure",
    "specific",
    "way",
    "use",
];

/// The words of `text` that can tell one subject from another: meaningful,
/// specific, and not the vocabulary every plan shares; distinct, in order.
pub fn informative_words(text: &str) -> Vec<String> {
    specific_words(text)
        .into_iter()
        .filter(|w| !SHARED_VOCABULARY.contains(&w.as_str()))
        .collect()
}

/// How much of the short text `b` the text `a` says, when each word counts by how
/// informative it is (`weight`, such as the inverse of how many texts of the
/// document use it): the weighted share of `b`'s words that `a` has too, from 0 to
/// 1, and those words. A long text (a priority with its `includes:`) is not
/// penalised for saying more than the objective it is compared with.
pub fn weighted_similarity(
    a: &[String],
    b: &[String],
    weight: &dyn Fn(&str) -> f64,
) -> (f64, Vec<String>) {
    let total: f64 = b.iter().map(|w| weight(w)).sum();
    if total <= 0.0 {
        return (0.0, Vec::new());
    }
    let shared: Vec<String> = a
        .iter()
        .filter(|x| {
            b.iter().any(|y| {
                x == &y
                    || (x.as_bytes().first() == y.as_bytes().first()
                        && strsim::jaro_winkler(x, y) >= 0.92)
            })
        })
        .cloned()
        .collect();
    let weight_shared: f64 = shared.iter().map(|w| weight(w)).sum();
    (weight_shared / total, shared)
}

/// Folds a word: lower case, no hyphens or apostrophes, a simple plural trimmed.
fn fold(word: &str) -> String {
    // Nearly every word is ASCII: fold it byte by byte, without Unicode's tables.
    let w: String = if word.is_ascii() {
        word.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        word.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Whether `text` may hold a word that folds to one with one of `needles` (lower
/// case ASCII) in it: `false` only when it surely does not, so a rule can skip
/// folding the texts that cannot match. The text is squeezed as [`fold`] would fold
/// its words (joining marks dropped, letters in lower case), with every other
/// character outside ASCII kept as a byte no needle holds.
pub fn may_contain_any(text: &str, needles: &[&str]) -> bool {
    let mut squeezed: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '-' | '\'' | '’' => {}
            c if c.is_ascii() => squeezed.push(c.to_ascii_lowercase() as u8),
            c if c.is_alphanumeric() => {
                for l in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
                    squeezed.push(if l.is_ascii() { l as u8 } else { 0xFF });
                }
            }
            _ => squeezed.push(b' '),
        }
    }
    needles
        .iter()
        .any(|n| squeezed.windows(n.len()).any(|w| w == n.as_bytes()))
}

/// The folded words of `text`, in order, with stop words kept (for phrases).
pub fn words(text: &str) -> Vec<String> {
    // Hyphens and apostrophes join ("re-offending" is one word); everything else
    // that is not a letter or digit separates.
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The folded words of `text` that carry meaning.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Whether the folded words `needle` occur, in order and together, in `haystack`.
pub fn contains_words(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether `phrase` occurs in `text` as whole words (folded).
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    let haystack = words(text);
    let needle = words(phrase);
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
}

/// How alike two texts are, from 0 (nothing shared) to 1 (the same meaningful words):
/// the Sørensen–Dice coefficient over meaningful, specific words, where two words
/// count as one when they are nearly the same (Jaro–Winkler 0.92 or more).
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_of(&specific_words(a), &specific_words(b))
}

/// The distinct meaningful, specific words of `text`, as [`similarity_of`] compares them.
pub fn specific_words(text: &str) -> Vec<String> {
    dedup(
        content_words(text)
            .into_iter()
            .filter(|w| !GENERIC.contains(&w.as_str()) && !PLACE_WORDS.contains(&w.as_str()))
            .collect(),
    )
}

/// [`similarity`] of texts already reduced by [`specific_words`] (to compare one text
/// with many without reducing it again each time).
pub fn similarity_of(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.iter().any(|y| alike(x, y))).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether two folded words count as one in [`similarity_of`]: the same, or nearly
/// (Jaro–Winkler 0.92 or more). Words this alike share their first letter; checking
/// that first spares most of the Jaro–Winkler comparisons. [`similarity_of`] is
/// above 0 exactly when some word of one text is `alike` some word of the other.
pub fn alike(x: &str, y: &str) -> bool {
    x == y || (x.as_bytes().first() == y.as_bytes().first() && strsim::jaro_winkler(x, y) >= 0.92)
}

fn dedup(mut words: Vec<String>) -> Vec<String> {
    words.sort();
    words.dedup();
    words
}

/// The initials of the capitalised words of `name` ("Integrated Care Board" → "ICB").
pub fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether an organisation's name, as a lead wrote it, names the declared `name`
/// (or its id): the same words, the name without its bracketed acronym, or the
/// acronym alone.
pub fn same_organisation(written: &str, name: &str, id: &str) -> bool {
    let written_words = words(written);
    if written_words.is_empty() {
        return false;
    }
    let bare = name.split('(').next().unwrap_or(name);
    let bracketed: Option<&str> = name
        .split_once('(')
        .and_then(|(_, rest)| rest.split(')').next());
    written_words == words(name)
        || written_words == words(bare)
        || written_words == words(id)
        || bracketed.is_some_and(|acr| written_words == words(acr))
        || similarity(written, bare) >= 0.85
}

/// A text in lower case, with the place in the original each of its bytes came
/// from. Lower-casing can change a text's length (the Kelvin sign `K` is three bytes,
/// its `k` one; `İ` becomes two characters), so a place found by searching the
/// lower-cased text must be turned back ([`Folded::origin`]) before it slices the
/// original.
pub struct Folded {
    /// The text in lower case.
    pub lower: String,
    /// For each byte of `lower`, and one past its end, the byte of the original it
    /// came from: always the start of a character there.
    origin: Vec<usize>,
}

impl Folded {
    /// Lower-cases `text`, keeping where each byte came from.
    pub fn new(text: &str) -> Self {
        let mut lower = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            for l in c.to_lowercase() {
                lower.push(l);
                origin.resize(lower.len(), at);
            }
        }
        origin.push(text.len());
        Self { lower, origin }
    }

    /// The place in the original of byte `at` of [`Folded::lower`] (a character
    /// boundary there, so safe to slice at).
    pub fn origin(&self, at: usize) -> usize {
        self.origin[at.min(self.origin.len() - 1)]
    }

    /// Where `needle` (lower case) first occurs, as a place in the original.
    pub fn find(&self, needle: &str) -> Option<usize> {
        self.lower.find(needle).map(|at| self.origin(at))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_quick_filter_never_rules_out_a_text_whose_words_match() {
        let needles = ["death", "dardr", "dhr", "homicide"];
        let phrases = ["domestic homicide review", "DHR", "DARDR", "death review"];
        for text in [
            "Domestic Homicide Reviews are commissioned by the partnership",
            "D-H-R panel",
            "two DHRs",
            "domestic abuse-related death reviews (DARDRs)",
            "HOMICIDE",
            "Road safety and speeding",
            "Réview of deaths",
            "DOMESTIC HOMİCİDE REVIEW",
            "the “DHR” panel – convened",
        ] {
            let words = words(text);
            let matches = phrases
                .iter()
                .any(|p| contains_words(&words, &super::words(p)));
            if matches {
                assert!(may_contain_any(text, &needles), "{text}");
            }
        }
        assert!(!may_contain_any("Road safety and speeding", &needles));
        assert!(!may_contain_any("Road safety – “speeding”", &needles));
        assert!(may_contain_any("D-H-R panel", &needles));
    }

    use super::*;

    #[test]
    fn words_fold_case_hyphens_and_plurals() {
        assert_eq!(
            words("Re-Offending & Anti-Social Behaviours"),
            ["reoffending", "antisocial", "behaviour"]
        );
        assert_eq!(
            words("Communities’ resilience"),
            ["community", "resilience"]
        );
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase(
            "Preventing Neighbourhood Crime & ASB",
            "asb"
        ));
        assert!(contains_phrase(
            "Reduce Re-Offending and Support Victims",
            "reoffending"
        ));
        assert!(!contains_phrase("Classy", "asb"));
        assert!(!contains_phrase("anything", ""));
    }

    #[test]
    fn similarity_is_about_meaningful_words() {
        assert!(similarity("Road Safety", "Prevent road danger and support Vision Zero") > 0.2);
        assert_eq!(
            similarity(
                "Reduce Re-Offending and Support Victims",
                "Support volunteering"
            ),
            0.0
        );
        assert!((similarity("Domestic Abuse", "domestic abuse") - 1.0).abs() < 1e-9);
        assert_eq!(similarity("the and of", "Domestic Abuse"), 0.0);
    }

    #[test]
    fn organisations_match_by_name_bare_name_acronym_or_id() {
        assert!(same_organisation(
            "Kent Fire and Rescue Service",
            "Kent Fire and Rescue Service (KFRS)",
            "kfrs"
        ));
        assert!(same_organisation(
            "KFRS",
            "Kent Fire and Rescue Service (KFRS)",
            "kfrs"
        ));
        assert!(same_organisation(
            "kent-police",
            "Kent Police",
            "kent-police"
        ));
        assert!(!same_organisation(
            "Kent County Council",
            "Kent Police",
            "kent-police"
        ));
        assert_eq!(acronym("Integrated Care Board"), "ICB");
    }
}
