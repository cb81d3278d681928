; Highlighting for .csa documents, with the capture names editors share.
; Where patterns overlap, the later one wins (as in Neovim and Helix): general
; patterns come first, more specific ones after them.

(heading) @markup.heading

(comment) @comment

; Suppression comments stand out: they switch checks off.
((comment) @comment.note
  (#match? @comment.note "^//\\s*csa-ignore"))

(prose) @spell

"@" @punctuation.special
(block_header keyword: (keyword) @keyword)
(block_header id: (_) @label)
(block_header title: (text) @markup.strong)

(entry name: (name) @property)
":" @punctuation.delimiter
(entry id: (_) @label)

; Items that define things other lines refer to.
((entry name: (name) @keyword
  id: (_))
  (#any-of? @keyword "objective" "aim" "issue" "lead"))

; Values and list items are text, unless a pattern below says more.
(entry value: (text) @string)
(list_item "-" @punctuation.list_marker)
(list_item value: (text) @string)

; Values that are dates or periods.
((text) @string.special
  (#match? @string.special "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?( to [0-9]{4}-[0-9]{2}(-[0-9]{2})?)?\\s*$"))

; Lists of references.
((entry name: (name) @_field value: (text) @variable)
  (#any-of? @_field "supports" "addresses" "themes"))


(quoted_id) @string.special

(unexpected) @error
(ERROR) @error
