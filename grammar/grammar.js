/**
 * Tree-sitter grammar for `.csa` Community Safety Agreement documents.
 *
 * The grammar is deliberately line-based and generic: it knows the four kinds of
 * line (block header, heading, comment, prose) and the shape of a block entry
 * (`name id: value`, `- item`), but not which field names a priority may have.
 * That knowledge lives in the Rust lowering, where a mistake can be reported in
 * plain English with a "did you mean". Keeping the grammar small keeps the
 * generated parser.c quick to compile.
 */
module.exports = grammar({
  name: 'csa',

  // Spaces and tabs between tokens on a line are insignificant. Line breaks are not.
  extras: (_) => [/[ \t]/],

  rules: {
    source_file: ($) => seq(repeat(seq(optional($._line), $._newline)), optional($._line)),

    _line: ($) => choice($.block, $.heading, $.comment, $.prose),

    // A line break that ends a block, a heading, a comment, a prose line or a blank line:
    // LF, CR LF, or a lone CR (old Mac files), as the line index counts lines.
    _newline: (_) => /\r?\n|\r/,

    heading: (_) => token(seq(/#+/, /[^\r\n]*/)),

    comment: (_) => token(seq('//', /[^\r\n]*/)),

    // Anything that does not start with `@`, `#` or `//` is prose. A leading backslash
    // escapes those characters.
    prose: (_) => token(choice(
      /[^@#\/ \t\r\n][^\r\n]*/,
      /\/[^\/\r\n][^\r\n]*/,
      /\//,
    )),

    block: ($) => seq(
      $.block_header,
      repeat(seq($._indent, optional($._entry_line))),
    ),

    block_header: ($) => seq(
      '@',
      // Optional so that a bare `@` (or `@` and a digit) is still read as a block
      // header whose keyword is missing, and the lines after it stay what they are.
      optional(field('keyword', $.keyword)),
      optional(field('id', $._id)),
      optional(seq(':', optional(field('title', $.text)))),
      optional($.unexpected),
    ),

    // A line break followed by indentation (with any blank lines between) keeps the
    // current block open; the next entry's depth is measured by the lowering.
    _indent: (_) => /(\r?\n|\r)([ \t]*(\r?\n|\r))*[ \t]+/,

    _entry_line: ($) => choice($.entry, $.list_item, $.comment, $.unexpected),

    entry: ($) => seq(
      field('name', $.name),
      optional(field('id', $._id)),
      choice(
        seq(':', optional(field('value', $.text))),
        $.unexpected,
      ),
    ),

    list_item: ($) => seq('-', optional(field('value', $.text))),

    // Wins over `id` straight after `@`, where both could match.
    keyword: (_) => token(prec(1, /[A-Za-z][A-Za-z0-9_-]*/)),
    name: (_) => /[A-Za-z][A-Za-z0-9_-]*/,

    _id: ($) => choice($.id, $.quoted_id),
    id: (_) => /[A-Za-z0-9][A-Za-z0-9._\/+&-]*/,
    quoted_id: (_) => /"[^"\r\n]*"/,

    // Whatever is left of a line that is not what was expected there (a missing colon,
    // prose indented into a block). It loses to every other token that can match at
    // the same place, so it only ever swallows what nothing else can read; the
    // lowering turns it into a plain-English diagnostic.
    unexpected: (_) => token(prec(-1, /[^ \t\r\n][^\r\n]*/)),

    // The rest of the line: a title or a field's value.
    text: (_) => /[^ \t\r\n][^\r\n]*/,
  },
});
