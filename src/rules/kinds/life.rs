//! The life csa reads a document as having, when the document does not state it:
//! every rule that looks ahead (an area coming into force, a body replaced, a Bill
//! becoming an Act) and the review date rest on it, so the officer is told what was
//! assumed and how to state it.

use super::Kind;
use crate::rules::{Context, Finding, Rule};

/// The `assumed-life` kind.
pub const ASSUMED_LIFE: Kind = Kind {
    name: "assumed-life",
    doc: "A document without `period:`: the period its title states, or the review cycle csa assumed.",
    args: &["what", "action"],
    params: &[],
    run: Some(assumed_life),
};

/// `assumed-life`: says which life csa read for a document with no `period:`.
pub fn assumed_life(cx: &Context, _rule: &Rule, out: &mut Vec<Finding>) {
    let (Some(agreement), Some(effective), Some(end)) =
        (cx.doc.agreement.as_ref(), cx.effective, cx.life_end)
    else {
        return;
    };
    if agreement.period.is_some() {
        return;
    }
    let at = agreement
        .title
        .as_ref()
        .map_or(agreement.header_span, |t| t.span);
    if let Some((written, period)) = agreement
        .title_period()
        .filter(|(_, p)| p.to.last_day() == end)
    {
        out.push(
            Finding::at(at)
                .arg(
                    "what",
                    format!(
                        "the title says the document runs {written}, so csa reads its life as {period}, as if the header said `period: {written}`"
                    ),
                )
                .arg(
                    "action",
                    format!("write `period: {written}` in the header, so that the period is stated where every reader and tool looks for it"),
                ),
        );
        return;
    }
    if agreement.review.is_none() {
        out.push(
            Finding::at(agreement.header_span)
                .arg(
                    "what",
                    format!(
                        "the document gives neither `period:` nor `review:`, so csa assumes it runs for 12 months, from {} to {end}; its review date and the changes in the law it must look ahead to rest on that",
                        effective.first_day()
                    ),
                )
                .arg(
                    "action",
                    "write the years it runs as `period:` (such as `period: 2025-2028`), or how often it is reviewed as `review:` (such as `review: annual`)".to_string(),
                ),
        );
    }
}
