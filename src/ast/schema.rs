//! What each block may hold: the one table the lowering, the language server's
//! completion and the format reference all read.

/// The kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Any text.
    Text,
    /// A date, `YYYY-MM-DD` or `YYYY-MM`.
    Date,
    /// `DATE to DATE`.
    Period,
    /// Digits.
    Number,
    /// A comma-separated list of ids.
    IdList,
    /// One of a fixed set of words.
    OneOf(&'static [&'static str]),
    /// No value; only children (a horizon-scan heading may still carry an intro).
    Heading,
}

/// Whether a field or block carries an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdRule {
    /// Never.
    None,
    /// Always.
    Required,
    /// When the author has one.
    Optional,
}

/// One field a block (or an item inside it) may have.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The field name.
    pub name: &'static str,
    /// Its value.
    pub value: ValueKind,
    /// Whether it may be given more than once.
    pub repeat: bool,
    /// Whether it takes an id (`objective MKS-1: ...`).
    pub id: IdRule,
    /// Fields that may be indented under it.
    pub children: &'static [FieldSpec],
    /// Whether `- item` lines may be indented under it.
    pub list_items: bool,
    /// One line for hover and completion.
    pub doc: &'static str,
}

/// One kind of block.
#[derive(Debug, Clone, Copy)]
pub struct BlockSpec {
    /// The keyword after `@`.
    pub keyword: &'static str,
    /// Whether the header carries an id.
    pub id: IdRule,
    /// Whether the header carries a title.
    pub title: bool,
    /// The fields it may hold.
    pub fields: &'static [FieldSpec],
    /// Whether `- item` lines may stand directly in the block.
    pub list_items: bool,
    /// What the block is, for hover and completion.
    pub doc: &'static str,
}

const fn field(name: &'static str, value: ValueKind, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        value,
        repeat: false,
        id: IdRule::None,
        children: &[],
        list_items: false,
        doc,
    }
}

const fn repeated(name: &'static str, value: ValueKind, doc: &'static str) -> FieldSpec {
    FieldSpec {
        repeat: true,
        ..field(name, value, doc)
    }
}

const fn heading(
    name: &'static str,
    children: &'static [FieldSpec],
    doc: &'static str,
) -> FieldSpec {
    FieldSpec {
        children,
        list_items: true,
        ..field(name, ValueKind::Heading, doc)
    }
}

/// Kinds of document.
pub const DOCUMENT_KINDS: &[&str] = super::vocab::DocumentKind::WORDS;
/// Review cycles.
pub const REVIEW_CYCLES: &[&str] = super::vocab::ReviewCycle::WORDS;
/// Document statuses.
pub const STATUSES: &[&str] = super::vocab::Status::WORDS;
/// Kinds of responsible authority.
pub const AUTHORITY_KINDS: &[&str] = &[
    "police",
    "fire",
    "county-council",
    "district-council",
    "unitary-council",
    "health",
    "probation",
    "police-authority",
];

const LEAD: FieldSpec = repeated(
    "lead",
    ValueKind::Text,
    "A lead officer: `ROLE, ORGANISATION`.",
);
const INCLUDES: FieldSpec = field(
    "includes",
    ValueKind::Text,
    "What the priority or theme covers.",
);
const ADDRESSES: FieldSpec = field(
    "addresses",
    ValueKind::IdList,
    "The statutory strategy areas it addresses (ids such as `crime-and-disorder`).",
);
const SUPPORTS: FieldSpec = field(
    "supports",
    ValueKind::IdList,
    "The Police and Crime Plan objectives it supports (objective ids).",
);
const NOTE: FieldSpec = field("note", ValueKind::Text, "A note.");
const MEASURE: FieldSpec = repeated(
    "measure",
    ValueKind::Text,
    "How progress on the priority is measured: one line each.",
);
const RESOURCES: FieldSpec = field(
    "resources",
    ValueKind::Text,
    "The resources the responsible authorities give to the priority.",
);
const JOINT_WORKING: FieldSpec = field(
    "joint-working",
    ValueKind::Text,
    "How the partners work on the priority together: co-ordinated or joint working (2007 Regulations reg 9).",
);
const COUNTY: FieldSpec = field(
    "county",
    ValueKind::IdList,
    "The county agreement's priorities or themes (ids) this one works on, in a district or unitary plan that uses the county agreement.",
);

const OBJECTIVE_FIELDS: &[FieldSpec] = &[
    field(
        "group",
        ValueKind::Text,
        "The heading the objective sits under in the plan.",
    ),
    field(
        "not-adopted",
        ValueKind::Text,
        "Why the partnership considered this objective but did not adopt it.",
    ),
    field(
        "scope",
        ValueKind::OneOf(OBJECTIVE_SCOPES),
        "`policing` for an objective about the force's own business (estates, finance, workforce), which partnerships need not regard; `crime-and-disorder` (the default) for one about reducing crime and disorder (Police Reform and Social Responsibility Act 2011 s7).",
    ),
];

/// What a Police and Crime Plan objective is about.
pub const OBJECTIVE_SCOPES: &[&str] = super::vocab::ObjectiveScope::WORDS;

const AIM_FIELDS: &[FieldSpec] = &[
    repeated(
        "action",
        ValueKind::Text,
        "An action that delivers the aim.",
    ),
    field(
        "themes",
        ValueKind::IdList,
        "The cross-cutting themes (ids) the aim links to.",
    ),
    NOTE,
];

const LEGISLATION_FIELDS: &[FieldSpec] = &[
    heading("recent", &[], "Acts recently passed."),
    heading("upcoming", &[], "Bills and duties still to come."),
];

/// Every block of the format.
pub const BLOCKS: &[BlockSpec] = &[
    BlockSpec {
        keyword: "agreement",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "The document's header: its kind, area, version and effective date.",
        fields: &[
            field(
                "kind",
                ValueKind::OneOf(DOCUMENT_KINDS),
                "The kind of document.",
            ),
            field("area", ValueKind::Text, "The area the document covers."),
            field(
                "excludes",
                ValueKind::Text,
                "Areas not covered, separated by commas.",
            ),
            field(
                "partnership",
                ValueKind::Text,
                "The partnership that owns the document.",
            ),
            field(
                "chair",
                ValueKind::Text,
                "Who chairs the partnership: `ROLE, ORGANISATION`, or an `@authority` or `@body` id.",
            ),
            field(
                "convened-by",
                ValueKind::Text,
                "The organisation that convenes the partnership and owns the document: an `@authority` or `@body` id, or its name.",
            ),
            field(
                "version",
                ValueKind::Text,
                "The document's version, such as `6.0`.",
            ),
            field(
                "effective",
                ValueKind::Date,
                "The date the document takes effect.",
            ),
            field(
                "period",
                ValueKind::Period,
                "The period the document runs, such as `2024-04-01 to 2027-03-31` or `2024/25 to 2026/27`.",
            ),
            field(
                "review",
                ValueKind::OneOf(REVIEW_CYCLES),
                "How often the document is reviewed.",
            ),
            field("status", ValueKind::OneOf(STATUSES), "`draft` or `final`."),
            field(
                "approved",
                ValueKind::Text,
                "Who approved the document and when, such as `Full Council, 2024-03-20`.",
            ),
            field(
                "assessed",
                ValueKind::Date,
                "The date of the strategic assessment the document rests on (2007 Regulations regs 5-7).",
            ),
            repeated(
                "consultation",
                ValueKind::Text,
                "Who was consulted on the document, how and when: one line each, such as `2024-01 residents' survey, 1,150 replies` (2007 Regulations reg 12).",
            ),
            field(
                "scrutiny",
                ValueKind::Text,
                "The crime and disorder committee that scrutinises the partnership (Police and Justice Act 2006 s19).",
            ),
            field(
                "scrutinised",
                ValueKind::Date,
                "When that committee last scrutinised the partnership.",
            ),
            field(
                "sent-to-pcc",
                ValueKind::Date,
                "When the document was sent to the Police and Crime Commissioner (2007 Regulations regs 9A and 13A).",
            ),
            field(
                "serious-violence-strategy",
                ValueKind::Text,
                "The local serious violence strategy and its strategic needs assessment (Police, Crime, Sentencing and Courts Act 2022 s8(3)).",
            ),
            repeated(
                "member",
                ValueKind::Text,
                "A member of the strategy group, one line each: `ROLE, ORGANISATION`, such as `Chair, Preston Community Safety Partnership` (for a county agreement, 2007 Regulations reg 9).",
            ),
        ],
    },
    BlockSpec {
        keyword: "use",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "Uses the parts of another document: a `.csa` file (its Police and Crime Plan, authorities, bodies, priorities and themes), or a Police and Crime Plan csa knows, by id or title.",
        fields: &[],
    },
    BlockSpec {
        keyword: "version",
        id: IdRule::Required,
        title: true,
        list_items: true,
        doc: "One row of the version history: the version, its date and its changes.",
        fields: &[
            field("date", ValueKind::Date, "When this version was issued."),
            field(
                "scope",
                ValueKind::OneOf(super::vocab::VersionScope::WORDS),
                "Which history the row belongs to.",
            ),
        ],
    },
    BlockSpec {
        keyword: "authority",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "A responsible authority of the partnership (Crime and Disorder Act 1998 s5).",
        fields: &[
            field(
                "kind",
                ValueKind::OneOf(AUTHORITY_KINDS),
                "The kind of responsible authority.",
            ),
            NOTE,
        ],
    },
    BlockSpec {
        keyword: "body",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "Another organisation or partnership that takes part or leads a priority.",
        fields: &[
            field("kind", ValueKind::Text, "What kind of body it is."),
            NOTE,
        ],
    },
    BlockSpec {
        keyword: "priority",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "A priority of the partnership, with its leads and links.",
        fields: &[
            INCLUDES,
            LEAD,
            ADDRESSES,
            SUPPORTS,
            COUNTY,
            MEASURE,
            RESOURCES,
            JOINT_WORKING,
            NOTE,
        ],
    },
    BlockSpec {
        keyword: "theme",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "A cross-cutting theme, addressed within every priority.",
        fields: &[INCLUDES, ADDRESSES, SUPPORTS, COUNTY, NOTE],
    },
    BlockSpec {
        keyword: "leads",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "A table of leads, each naming its priority by id or quoted title.",
        fields: &[FieldSpec {
            id: IdRule::Optional,
            ..repeated(
                "lead",
                ValueKind::Text,
                "A lead: `lead PRIORITY: ROLE, ORGANISATION`.",
            )
        }],
    },
    BlockSpec {
        keyword: "plan",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "The Police and Crime Commissioner's Police and Crime Plan.",
        fields: &[
            field("commissioner", ValueKind::Text, "Who issued the plan."),
            field("area", ValueKind::Text, "The police area."),
            field(
                "period",
                ValueKind::Period,
                "The period the plan runs, `DATE to DATE`.",
            ),
            repeated(
                "principle",
                ValueKind::Text,
                "A guiding principle of the plan.",
            ),
            FieldSpec {
                id: IdRule::Required,
                children: OBJECTIVE_FIELDS,
                ..repeated("objective", ValueKind::Text, "An objective of the plan.")
            },
        ],
    },
    BlockSpec {
        keyword: "action-plan",
        id: IdRule::Required,
        title: true,
        list_items: false,
        doc: "The action plan for one priority: numbered aims, their actions and themes.",
        fields: &[
            LEAD,
            FieldSpec {
                id: IdRule::Required,
                children: AIM_FIELDS,
                ..repeated(
                    "aim",
                    ValueKind::Text,
                    "A numbered aim, such as `aim 1.1: ...`.",
                )
            },
        ],
    },
    BlockSpec {
        keyword: "assessment",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "The district strategic assessments: issues and how many partnerships named each.",
        fields: &[
            field(
                "partnerships",
                ValueKind::Number,
                "How many partnerships made assessments.",
            ),
            repeated(
                "district",
                ValueKind::Text,
                "A district partnership whose strategic assessment the county agreement rests on, one line each: `NAME` or `NAME, DATE`, such as `Preston, 2024-11`.",
            ),
            FieldSpec {
                id: IdRule::Required,
                ..repeated(
                    "issue",
                    ValueKind::Text,
                    "`issue COUNT: TEXT`: an issue and how many named it.",
                )
            },
        ],
    },
    BlockSpec {
        keyword: "risk-ranking",
        id: IdRule::None,
        title: true,
        list_items: true,
        doc: "A risk ranking (such as MoRiLE), highest risk first.",
        fields: &[field(
            "method",
            ValueKind::Text,
            "The ranking method, such as MoRiLE.",
        )],
    },
    BlockSpec {
        keyword: "horizon-scan",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "A PESTELO horizon scan.",
        fields: &[
            heading("political", &[], "Political issues."),
            heading("economic", &[], "Economic issues."),
            heading("social", &[], "Social and demographic issues."),
            heading("technological", &[], "Technological issues."),
            heading(
                "environmental",
                &[],
                "Environmental and geographical issues.",
            ),
            heading(
                "legislation",
                LEGISLATION_FIELDS,
                "Legislation, recent and upcoming.",
            ),
            heading("organisational", &[], "Organisational issues."),
        ],
    },
    BlockSpec {
        keyword: "links",
        id: IdRule::None,
        title: true,
        list_items: true,
        doc: "Other plans and strategies the agreement links to.",
        fields: &[],
    },
    BlockSpec {
        keyword: "contact",
        id: IdRule::None,
        title: true,
        list_items: false,
        doc: "Who to contact about the document.",
        fields: &[
            field("email", ValueKind::Text, "Email address."),
            field("phone", ValueKind::Text, "Telephone number."),
            field("address", ValueKind::Text, "Postal address."),
            field("web", ValueKind::Text, "Web address."),
        ],
    },
];

/// The block with this keyword.
pub fn block(keyword: &str) -> Option<&'static BlockSpec> {
    BLOCKS.iter().find(|b| b.keyword == keyword)
}

/// The closest of `candidates` to `word`, when close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_field_names_are_unique() {
        let mut keywords: Vec<_> = BLOCKS.iter().map(|b| b.keyword).collect();
        keywords.sort();
        keywords.dedup();
        assert_eq!(keywords.len(), BLOCKS.len());
        for block in BLOCKS {
            let mut names: Vec<_> = block.fields.iter().map(|f| f.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), block.fields.len(), "{}", block.keyword);
        }
    }

    #[test]
    fn suggestions_need_a_close_match() {
        let keywords = BLOCKS.iter().map(|b| b.keyword);
        assert_eq!(did_you_mean("prority", keywords.clone()), Some("priority"));
        assert_eq!(did_you_mean("Priority", keywords.clone()), Some("priority"));
        assert_eq!(did_you_mean("zzz", keywords), None);
    }
}
