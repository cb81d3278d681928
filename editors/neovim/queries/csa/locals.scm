; Blocks and items with ids define names that other lines refer to.
(source_file) @local.scope

(block_header id: (id) @local.definition)
(entry name: (name) @_item id: (id) @local.definition
  (#any-of? @_item "objective"))

; Lists of ids refer to those definitions; tree-sitter sees each list as one value,
; so the language server resolves the individual ids.
(entry name: (name) @_field value: (text) @local.reference
  (#any-of? @_field "supports" "themes"))
(entry name: (name) @_lead id: (_) @local.reference
  (#eq? @_lead "lead"))
