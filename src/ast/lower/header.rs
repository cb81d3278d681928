//! A block's header line (`@priority DA: Domestic abuse`): the id the kind of block
//! needs, the colon before the title, and the wording that names each kind of block
//! and gives an example id in messages.

use super::corrections::starts_curly;
use super::{codes, Lowering};
use crate::ast::schema::{BlockSpec, IdRule};
use crate::syntax::{RawBlock, Token};

impl Lowering<'_> {
    /// Checks the header line; returns whether the block can be lowered (it has the
    /// id it needs).
    pub(super) fn header(&mut self, block: &RawBlock, keyword: &Token, spec: &BlockSpec) -> bool {
        let curly = block
            .id
            .as_ref()
            .map(|i| &i.token)
            .or(block.unexpected.as_ref())
            .filter(|t| starts_curly(t.text.trim_start()));
        if let Some(token) = curly {
            let start = token.range.start + (token.text.len() - token.text.trim_start().len());
            self.curly_quotes(&format!("`@{}`", spec.keyword), start);
            return false;
        }
        // The block this line failed to make is not made: findings about a priority
        // `A` with no title would be about a block the author never wrote.
        if self.spaced_id(block, spec) {
            return false;
        }
        if let Some(unexpected) = &block.unexpected {
            self.no_colon(block, spec, unexpected);
            return spec.id == IdRule::None || block.id.is_some();
        }
        self.header_id(block, keyword, spec)
    }

    /// An id written as two words before the colon (`@priority road safety: ...`):
    /// reported as one mistake, the space, rather than as a missing colon. Returns
    /// whether it reported one.
    fn spaced_id(&mut self, block: &RawBlock, spec: &BlockSpec) -> bool {
        let (Some(id), false, Some(unexpected)) = (&block.id, block.has_colon, &block.unexpected)
        else {
            return false;
        };
        let rest = unexpected.text.trim();
        let Some((more, title)) = rest.split_once(':').filter(|(more, _)| {
            spec.id != IdRule::None
                && !more.trim().is_empty()
                && more.split_whitespace().count() <= 2
        }) else {
            return false;
        };
        let what = block_noun(spec.keyword);
        let spaced = format!("{} {}", id.token.text, more.trim());
        let joined: String = spaced.split_whitespace().collect();
        self.error(
            codes::SYNTAX_ERROR,
            id.token.range.start..unexpected.range.start + unexpected.text.find(':').unwrap_or(0),
            format!("the {what} id `{spaced}` has a space in it: an id is one word"),
            &format!(
                "write `@{kw} {joined}: {title}`, or keep the space by quoting the id: `@{kw} \"{spaced}\": {title}`",
                kw = spec.keyword,
                title = title.trim()
            ),
        );
        true
    }

    /// Text where the colon should be: after the id, after a keyword that takes no
    /// id, or before the title.
    fn no_colon(&mut self, block: &RawBlock, spec: &BlockSpec, unexpected: &Token) {
        let what = block_noun(spec.keyword);
        let (message, help) = match (&block.id, block.has_colon) {
            (Some(id), false) if spec.id != IdRule::None => (
                format!("expected `:` after the {what} id `{}`", id.token.text),
                format!(
                    "write `@{} {}: {}`",
                    spec.keyword,
                    id.token.text,
                    unexpected.text.trim()
                ),
            ),
            (Some(id), false) => (
                format!("expected `:` after `@{}`", spec.keyword),
                format!(
                    "write `@{}: {} {}`",
                    spec.keyword,
                    id.token.text,
                    unexpected.text.trim()
                ),
            ),
            _ => (
                format!("expected `:` before the title of the {what}"),
                format!(
                    "write the header as `@{}{}: TITLE`",
                    spec.keyword,
                    if spec.id == IdRule::None { "" } else { " ID" }
                ),
            ),
        };
        self.error(
            codes::SYNTAX_ERROR,
            unexpected.range.clone(),
            message,
            &help,
        );
    }

    /// Checks that the block has an id when its kind needs one, and none when its kind
    /// takes none; returns whether the block can be lowered.
    fn header_id(&mut self, block: &RawBlock, keyword: &Token, spec: &BlockSpec) -> bool {
        let what = block_noun(spec.keyword);
        match (spec.id, &block.id) {
            (IdRule::Required, None) => {
                self.error(
                    codes::MISPLACED_ENTRY,
                    keyword.range.start.saturating_sub(1)..keyword.range.end,
                    format!("this {what} has no id"),
                    &format!(
                        "give it a short id that other parts of the document can refer to, such as `@{} {}: ...`",
                        spec.keyword,
                        example_id(spec.keyword)
                    ),
                );
                false
            }
            (IdRule::None, Some(id)) => {
                self.error(
                    codes::SYNTAX_ERROR,
                    id.token.range.clone(),
                    format!("expected `:` after `@{}`", spec.keyword),
                    &format!(
                        "a {what} has no id: write `@{}: {}`",
                        spec.keyword, id.token.text
                    ),
                );
                true
            }
            _ => true,
        }
    }
}

/// "a priority", "an action plan", ...
fn block_noun(keyword: &str) -> String {
    match keyword {
        "agreement" => "agreement header".to_string(),
        "action-plan" => "action plan".to_string(),
        "risk-ranking" => "risk ranking".to_string(),
        "horizon-scan" => "horizon scan".to_string(),
        "leads" => "leads table".to_string(),
        "plan" => "Police and Crime Plan".to_string(),
        "assessment" => "strategic assessment".to_string(),
        "links" => "list of links".to_string(),
        other => other.to_string(),
    }
}

/// An id to show in a message for a block or item of this kind.
pub(super) fn example_id(keyword: &str) -> &'static str {
    match keyword {
        "priority" | "action-plan" => "DA",
        "theme" => "EIPE",
        "plan" => "MKS",
        "objective" => "MKS-1",
        "aim" => "1.1",
        "issue" => "12",
        "version" => "1.0",
        "authority" => "kent-police",
        "body" => "safer-roads",
        _ => "ID",
    }
}
