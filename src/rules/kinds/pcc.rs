//! Alignment with the Police and Crime Plan: the responsible authorities must have
//! regard to its objectives (Crime and Disorder Act 1998 s6(1A)). Having regard means
//! each objective was considered: adopted by a priority or theme, or recorded as not
//! adopted, with the reason.

use std::collections::HashMap;

use super::{Kind, Param, ParamDefault, ParamType};
use crate::ast::{Date, Objective};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::rules::{Context, Finding, Rule};
use crate::text::matching;

/// The day Police and Crime Commissioners took office and s6(1A) came into force.
const PCCS_TOOK_OFFICE: Date = Date {
    year: 2012,
    month: 11,
    day: Some(22),
};

/// The `pcc-plan-declared` kind.
pub const PCC_PLAN_DECLARED: Kind = Kind {
    name: "pcc-plan-declared",
    doc: "Documents in force from the date PCCs took office declare the Police and Crime Plan.",
    args: &["effective"],
    params: &[],
    run: Some(plan_declared),
};

/// `pcc-plan-declared`: no `@plan` in a document in force after PCCs took office.
pub fn plan_declared(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    if cx.doc.plans.is_empty() && effective.first_day() >= PCCS_TOOK_OFFICE {
        out.push(Finding::at(cx.document_span()).arg("effective", effective.to_string()));
    }
}

/// The `pcc-plan-period` kind.
pub const PCC_PLAN_PERIOD: Kind = Kind {
    name: "pcc-plan-period",
    doc: "The declared plan's period covers the effective date.",
    args: &["period", "plan", "problem"],
    params: &[],
    run: Some(plan_period),
};

/// `pcc-plan-period`: the plan's period misses the effective date, or is not given.
pub fn plan_period(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for plan in &cx.doc.plans {
        let title = plan
            .title
            .as_ref()
            .map_or(plan.id.value.clone(), |t| t.value.clone());
        match &plan.period {
            Some(period) if !period.value.covers(effective) => out.push(
                Finding::at(period.span)
                    .arg("plan", title)
                    .arg("period", format!("{} to {}", period.value.from, period.value.to))
                    .arg("problem", format!("runs {} to {}, which does not cover the document's effective date, {effective}", period.value.from, period.value.to)),
            ),
            // A plan used by name from csa's knowledge carries the period csa knows;
            // one whose end csa does not know runs until it is replaced (Police Reform
            // and Social Responsibility Act 2011 s7), so its period is not missing.
            None if used_from_knowledge(cx, &plan.id.value) => {}
            None => out.push(
                Finding::at(plan.header_span)
                    .arg("plan", title)
                    .arg("period", "not given")
                    .arg("problem", "is recorded without its period, so no one can tell whether it covers the document's effective date"),
            ),
            _ => {}
        }
    }
}

/// Whether the plan with this id came from a `@use` line naming a plan csa knows.
fn used_from_knowledge(cx: &Context, id: &str) -> bool {
    cx.doc.uses.iter().any(|u| {
        cx.knowledge
            .plan_named(&u.target.value)
            .is_some_and(|known| known.id == id)
    })
}

/// The `pcc-plan-current` kind.
pub const PCC_PLAN_CURRENT: Kind = Kind {
    name: "pcc-plan-current",
    doc: "The declared plan is the one csa knows in force in the document's police area on the effective date (the plan's own `area:`, else the police area the header's area lies in).",
    args: &["area", "effective", "expected", "expected_period", "plan"],
    params: &[],
    run: Some(plan_current),
};

/// `pcc-plan-current`: the knowledge holds another plan in force in the document's
/// police area on the effective date. The police area is the `@plan` block's own
/// `area:` when it gives one, else the one the header's `area:` lies in (a district
/// plan for Ashford is checked against Kent's plans). Where csa cannot tell the plan in
/// force (a newer plan's first day known only as a window, a plan due after an
/// election that csa does not know), a document recording any plan that may have been
/// in force is not called wrong (`pcc-plan-life` says what csa does not know).
pub fn plan_current(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let Some(effective) = cx.effective else {
        return;
    };
    for plan in &cx.doc.plans {
        let Some(police) = super::knowledge::police_area_for(cx, plan) else {
            continue;
        };
        let known = super::plan_window::in_force(cx, police, effective);
        let Some(expected) = known.settled.filter(|_| known.unknown_since.is_none()) else {
            continue;
        };
        let title = plan.title.as_ref().map_or("", |t| t.value.as_str());
        if known.candidates().any(|p| names_plan(title, p)) {
            continue;
        }
        let mut finding = Finding::at(plan.title.as_ref().map_or(plan.header_span, |t| t.span))
            .arg("plan", title)
            .arg("expected", expected.title.clone())
            .arg("area", police.display_name())
            .arg("effective", effective.to_string())
            .arg(
                "expected_period",
                super::plan_window::expected_period(&known, expected),
            )
            .rests_on(expected.confidence);
        for p in &known.possible {
            finding = finding.rests_on(p.confidence);
        }
        out.push(finding);
    }
}

/// Whether a document's title for a plan names the known plan. Titles alike but for
/// the period they name ("Police and Crime Plan 2016-2021", "... 2021-2024") are two
/// plans: the matching of words leaves numbers out.
pub(super) fn names_plan(title: &str, plan: &crate::knowledge::Plan) -> bool {
    plan.titles().any(|t| {
        (matching::contains_phrase(title, t) || matching::similarity(title, t) >= 0.8)
            && !other_period(title, t)
    })
}

/// Whether two titles each name a period of years ("2016-2021", "2021/24", "2017 -
/// 2021") and the periods start in different years.
fn other_period(a: &str, b: &str) -> bool {
    match (period_start(a), period_start(b)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

/// The first year of the first period of years a title names: a year of this century,
/// then (after a dash, slash or space) two or four digits.
fn period_start(title: &str) -> Option<u32> {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_digit() && !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| {
        (w.len() == 4 && w.starts_with("20"))
            .then(|| w.parse().ok())
            .flatten()
    };
    let tail = |w: &str| (w.len() == 2 || w.len() == 4) && w.chars().all(|c| c.is_ascii_digit());
    words.windows(2).find_map(|pair| match year(pair[0]) {
        Some(y) if tail(pair[1]) => Some(y),
        _ => None,
    })
}

fn text(objective: &Objective) -> String {
    objective
        .text
        .as_ref()
        .map_or(String::new(), |t| t.value.clone())
}

/// Whether an objective is about the force's own business (estates, finance,
/// workforce): the partnership's duty of regard is to the police and crime
/// objectives (Crime and Disorder Act 1998 s6(1A)), not to how the force is run.
/// The document's `scope:` decides; without one, the plan data's scope of the same
/// objective (by its words, or by its id when the document gives no words) does.
pub fn policing_only(objective: &Objective, policing: &PolicingObjectives) -> bool {
    match objective.scope.as_ref() {
        Some(scope) => scope.value == "policing",
        // Ids are compared only when the document gives no words: another area's
        // plan may use the same id for a different objective.
        None => match objective.text.as_ref() {
            Some(text) => policing.texts.contains(&matching::words(&text.value)),
            None => policing.ids.contains(objective.id.value.as_str()),
        },
    }
}

/// The objectives the plan data marks `scope = "policing"`, by id and by their words.
pub struct PolicingObjectives<'a> {
    ids: std::collections::HashSet<&'a str>,
    texts: std::collections::HashSet<Vec<String>>,
}

impl<'a> PolicingObjectives<'a> {
    /// Read once per check from the knowledge's plans.
    pub fn of(cx: &Context<'a>) -> Self {
        let mut ids = std::collections::HashSet::new();
        let mut texts = std::collections::HashSet::new();
        if cx.doc.plans.iter().any(|p| !p.objectives.is_empty()) {
            for objective in cx
                .knowledge
                .plans()
                .plans
                .iter()
                .flat_map(|p| &p.objectives)
                .filter(|o| o.scope.as_deref() == Some("policing"))
            {
                ids.insert(objective.id.as_str());
                texts.insert(matching::words(&objective.title));
            }
        }
        Self { ids, texts }
    }
}

/// The `pcc-objective-regarded` kind.
pub const PCC_OBJECTIVE_REGARDED: Kind = Kind {
    name: "pcc-objective-regarded",
    doc: "Every objective is supported by a priority or theme, or recorded as not adopted with a reason.",
    args: &["id", "objective"],
    params: &[],
    run: Some(objective_regarded),
};

/// `pcc-objective-regarded`: objectives neither supported nor recorded as not adopted.
/// Policing-only objectives are skipped, and so is a document with no priorities or
/// themes yet (its missing priorities are reported once, by `no-priorities`).
pub fn objective_regarded(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    if cx.topics().is_empty() {
        return;
    }
    let policing = PolicingObjectives::of(cx);
    for objective in cx.objectives().filter(|o| !policing_only(o, &policing)) {
        if objective.not_adopted.is_none() && !cx.is_supported(&objective.id.value) {
            out.push(
                Finding::at(objective.id.span)
                    .arg("id", objective.id.value.clone())
                    .arg("objective", text(objective)),
            );
        }
    }
}

/// The `pcc-objective-reference` kind.
pub const PCC_OBJECTIVE_REFERENCE: Kind = Kind {
    name: "pcc-objective-reference",
    doc: "Every `supports:` id is an objective of a declared plan.",
    args: &["id", "suggestion", "topic"],
    params: &[],
    run: Some(unknown_objective),
};

/// `pcc-objective-reference`: `supports:` ids that name no objective.
pub fn unknown_objective(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let ids: Vec<&str> = cx.objectives().map(|o| o.id.value.as_str()).collect();
    for topic in cx.topics() {
        for reference in topic.supports {
            if cx.has_objective(&reference.name) {
                continue;
            }
            let mut finding = Finding::at(reference.span)
                .arg("id", reference.name.clone())
                .arg("topic", topic.id);
            finding = match crate::ast::schema::did_you_mean(&reference.name, ids.iter().copied()) {
                Some(s) => finding
                    .arg("suggestion", format!("; did you mean `{s}`?"))
                    .fix(Fix {
                        title: format!("Change to `{s}`"),
                        applicability: Applicability::DisplayOnly,
                        edits: vec![Edit {
                            span: reference.span,
                            replacement: s.to_string(),
                        }],
                    }),
                None if ids.is_empty() => {
                    finding.arg("suggestion", "; the document declares no plan objectives")
                }
                None => finding.arg("suggestion", ""),
            };
            out.push(finding);
        }
    }
}

/// The `pcc-likely-link` kind.
pub const PCC_LIKELY_LINK: Kind = Kind {
    name: "pcc-likely-link",
    doc: "Suggests `supports:` links where a priority or theme reads like an objective nobody supports.",
    args: &["id", "keyword", "objective", "shared", "title", "topic"],
    params: &[Param {
        name: "threshold",
        ty: ParamType::Number { min: 0.0, max: 1.0 },
        default: ParamDefault::Number(0.35),
        doc: "How alike a priority or theme must read to an objective for a suggestion: the weighted share of the objective's informative words they share (half as much will do when a shared word is used by those two alone).",
    }],
    run: Some(likely_link),
};

/// The most `supports:` suggestions one priority or theme gets: its best few.
const BEST_PER_TOPIC: usize = 3;

/// The words of the document's own place, as [`matching::informative_words`] folds
/// them: its `area:`, the police force area it is in, and the areas of the Police
/// and Crime Plans it writes in.
fn place_words(cx: &Context) -> std::collections::HashSet<String> {
    let mut names: Vec<String> = Vec::new();
    if let Some(area) = cx.doc.agreement.as_ref().and_then(|a| a.area.as_ref()) {
        names.push(area.value.clone());
        for place in cx.knowledge.resolve(&area.value, cx.effective) {
            names.push(place.name().to_string());
            if let Some(pa) = cx.knowledge.police_area_of(place) {
                names.push(pa.name.clone());
                names.extend(pa.aliases.iter().cloned());
            }
        }
    }
    names.extend(
        cx.doc
            .plans
            .iter()
            .filter_map(|p| p.area.as_ref().map(|a| a.value.clone())),
    );
    names
        .iter()
        .flat_map(|n| matching::informative_words(n))
        .collect()
}

/// `pcc-likely-link`: an objective nobody supports that a priority or theme reads like.
///
/// Words count by how informative they are: a word many of the document's priorities,
/// themes and objectives use counts for little (inverse document frequency), and the
/// vocabulary every plan shares ("community", "safer", "public") counts for nothing,
/// so one shared common word never makes a suggestion.
pub fn likely_link(cx: &Context, rule: &Rule, out: &mut Vec<Finding>) {
    let threshold = rule.settings().number("threshold");
    let topics = cx.topics();
    let policing = PolicingObjectives::of(cx);
    let unsupported: Vec<&Objective> = cx
        .objectives()
        .filter(|o| {
            o.not_adopted.is_none() && !cx.is_supported(&o.id.value) && !policing_only(o, &policing)
        })
        .collect();
    if unsupported.is_empty() || topics.is_empty() {
        return;
    }
    // The place's own name says nothing about whether a priority and an objective
    // are about the same thing ("Safer Surrey" and "Surrey's roads").
    let place = place_words(cx);
    let words_of = |text: &str| -> Vec<String> {
        matching::informative_words(text)
            .into_iter()
            .filter(|w| !place.contains(w))
            .collect()
    };
    let topic_words: Vec<Vec<String>> = topics.iter().map(|t| words_of(t.description())).collect();
    let objective_words: Vec<Vec<String>> = cx.objectives().map(|o| words_of(&text(o))).collect();
    // How many of the document's texts use each word.
    let mut used_by: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for words in topic_words.iter().chain(&objective_words) {
        for w in words {
            *used_by.entry(w.as_str()).or_default() += 1;
        }
    }
    let texts = (topic_words.len() + objective_words.len()) as f64;
    let weight = |w: &str| -> f64 {
        let n = used_by.get(w).copied().unwrap_or(1).max(1) as f64;
        (1.0 + texts / n).ln()
    };
    // Enough of the objective's informative words, or a word only this topic and
    // this objective use ("road" in Road Safety and roads policing).
    let suggests = |score: f64, shared: &[String]| {
        score >= threshold
            || score >= threshold / 2.0
                && shared
                    .iter()
                    .any(|w| used_by.get(w.as_str()).is_some_and(|n| *n <= 2))
    };
    let mut candidates = Candidates::new(&topic_words, threshold);
    // Each objective's best topic, then at most the best few per topic, so a long
    // plan's hints stay readable.
    let mut suggestions: Vec<(usize, f64, &Objective, Vec<String>)> = Vec::new();
    for objective in unsupported {
        let wanted = words_of(&text(objective));
        let best = candidates.best(wanted, |words, wanted| {
            let (score, shared) = matching::weighted_similarity(words, wanted, &weight);
            suggests(score, &shared).then_some((score, shared))
        });
        if let Some((i, shared)) = best {
            let (score, _) = matching::weighted_similarity(
                &topic_words[i],
                &words_of(&text(objective)),
                &weight,
            );
            suggestions.push((i, score, objective, shared));
        }
    }
    let mut per_topic: HashMap<usize, usize> = HashMap::new();
    suggestions.sort_by(|a, b| b.1.total_cmp(&a.1));
    suggestions.retain(|(i, ..)| {
        let n = per_topic.entry(*i).or_default();
        *n += 1;
        *n <= BEST_PER_TOPIC
    });
    // Back in document order, as the findings are read.
    suggestions.sort_by_key(|(i, _, o, _)| (*i, o.id.span.start.offset));
    for (i, _, objective, shared) in suggestions {
        let topic = &topics[i];
        let edit = match topic.supports.last() {
            Some(last) => Edit {
                span: crate::text::Span {
                    start: last.span.end,
                    end: last.span.end,
                },
                replacement: format!(", {}", objective.id.value),
            },
            None => super::insert_after(
                topic.header_span,
                &format!("  supports: {}", objective.id.value),
            ),
        };
        out.push(
            Finding::at(topic.header_span)
                .arg("keyword", topic.keyword)
                .arg("topic", topic.id)
                .arg("title", topic.title)
                .arg("id", objective.id.value.clone())
                .arg("objective", text(objective))
                .arg(
                    "shared",
                    shared
                        .iter()
                        .map(|w| format!("“{w}”"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .label(objective.id.span, "the objective")
                .fix(Fix {
                    title: format!("Link `{}` to `{}`", topic.id, objective.id.value),
                    applicability: Applicability::Unsafe,
                    edits: vec![edit],
                }),
        );
    }
}

/// Finds the topic an objective reads most like (the last of the best, in topic
/// order, of those the rule would suggest) without comparing every objective with
/// every topic: topics with the same words are compared once; with a threshold above
/// 0, only topics that share a word (or a near match, [`matching::alike`]) with the
/// objective are compared, since [`matching::weighted_similarity`] is 0 for the
/// others; and objectives with the same words are answered once. The cost grows
/// with the distinct wordings, not with the document.
struct Candidates<'w> {
    threshold: f64,
    /// The distinct word lists of the topics, each with the last topic that has it.
    sets: Vec<(&'w [String], usize)>,
    /// For each distinct word of the topics, the sets (by index) that hold it.
    postings: HashMap<&'w str, Vec<usize>>,
    /// The distinct words of the topics, by first byte, for the near matches.
    by_initial: HashMap<Option<u8>, Vec<&'w str>>,
    /// Answers already given (the topic and the shared words), by the objective's words.
    answers: HashMap<Vec<String>, Option<(usize, Vec<String>)>>,
}

impl<'w> Candidates<'w> {
    fn new(topic_words: &'w [Vec<String>], threshold: f64) -> Self {
        let mut index_of: HashMap<&[String], usize> = HashMap::new();
        let mut sets: Vec<(&[String], usize)> = Vec::new();
        for (i, words) in topic_words.iter().enumerate() {
            match index_of.get(words.as_slice()) {
                Some(&at) => sets[at].1 = i,
                None => {
                    index_of.insert(words, sets.len());
                    sets.push((words, i));
                }
            }
        }
        let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
        for (at, (words, _)) in sets.iter().enumerate() {
            for word in words.iter() {
                let sets = postings.entry(word.as_str()).or_default();
                if sets.last() != Some(&at) {
                    sets.push(at);
                }
            }
        }
        let mut by_initial: HashMap<Option<u8>, Vec<&str>> = HashMap::new();
        for word in postings.keys() {
            by_initial
                .entry(word.as_bytes().first().copied())
                .or_default()
                .push(word);
        }
        Self {
            threshold,
            sets,
            postings,
            by_initial,
            answers: HashMap::new(),
        }
    }

    /// The topic (by index) `wanted` reads most like among those `score` suggests
    /// (it gives the score and the shared words, or nothing), and the shared words.
    fn best(
        &mut self,
        wanted: Vec<String>,
        score: impl Fn(&[String], &[String]) -> Option<(f64, Vec<String>)>,
    ) -> Option<(usize, Vec<String>)> {
        if let Some(answer) = self.answers.get(&wanted) {
            return answer.clone();
        }
        let compared: Vec<usize> = if self.threshold > 0.0 {
            let mut sets: Vec<usize> = wanted
                .iter()
                .flat_map(|y| {
                    self.by_initial
                        .get(&y.as_bytes().first().copied())
                        .into_iter()
                        .flatten()
                        .filter(|x| matching::alike(x, y))
                })
                .flat_map(|x| self.postings[x].iter().copied())
                .collect();
            sets.sort_unstable();
            sets.dedup();
            sets
        } else {
            (0..self.sets.len()).collect()
        };
        // In topic order, so that of equal scores the last wins, as when every topic
        // is compared.
        let mut scored: Vec<(usize, f64, Vec<String>)> = compared
            .into_iter()
            .filter_map(|at| {
                let (words, topic) = self.sets[at];
                score(words, &wanted).map(|(s, shared)| (topic, s, shared))
            })
            .collect();
        scored.sort_unstable_by_key(|(topic, _, _)| *topic);
        let answer = scored
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(topic, _, shared)| (topic, shared));
        self.answers.insert(wanted, answer.clone());
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_names_its_period_by_its_first_year() {
        assert_eq!(
            period_start("Police and Crime Plan 2016 - 2021"),
            Some(2016)
        );
        assert_eq!(period_start("Police & Crime Plan 2017/21"), Some(2017));
        assert_eq!(period_start("Plan 2021–2024: Fighting crime"), Some(2021));
        assert_eq!(period_start("Making Kent Safer"), None);
        assert_eq!(period_start("Police and Crime Plan 2025"), None);
        assert!(other_period(
            "West Yorkshire's Police and Crime Plan 2016 - 2021",
            "West Yorkshire Police and Crime Plan 2021-2024"
        ));
        assert!(!other_period("Safer in Kent 2017-21", "Safer in Kent"));
    }
}
