-- Tree-sitter test of the Neovim plugin: the parser built from grammar/ loads in a
-- real Neovim, the queries in queries/csa/ compile against it, the ftplugin starts
-- highlighting, and the captures, folds and locals are what an author should see.
--
-- From the repository root, with the parser compiled to DIR/parser/csa.so:
--   cc -O2 -shared -fPIC -Igrammar/src grammar/src/parser.c -o DIR/parser/csa.so
--   CSA_PARSER_DIR=DIR nvim --headless --clean -l editors/neovim/test/treesitter.lua
--
-- Prints one line per check and `treesitter: N passed, N failed` last; exits 1 on any
-- failure.

local function say(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end

local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say(('ok   %s'):format(name))
  else
    failed = failed + 1
    say(('FAIL %s%s'):format(name, detail and (': ' .. detail) or ''))
  end
  return ok
end

local function finish()
  say(('treesitter: %d passed, %d failed'):format(passed, failed))
  os.exit((failed == 0 and passed > 0) and 0 or 1)
end

local script = debug.getinfo(1, 'S').source:sub(2)
local root = vim.fs.normalize(vim.fn.fnamemodify(script, ':p:h:h:h:h'))
local parser_dir = os.getenv('CSA_PARSER_DIR')
if not parser_dir or vim.uv.fs_stat(parser_dir .. '/parser/csa.so') == nil then
  check('CSA_PARSER_DIR holds parser/csa.so', false, tostring(parser_dir))
  finish()
end

-- As the README says: the plugin and the parser's directory on the runtimepath.
vim.opt.runtimepath:prepend(root .. '/editors/neovim')
vim.opt.runtimepath:append(parser_dir)
vim.cmd('filetype plugin on')
vim.cmd('runtime! ftdetect/csa.lua')

local ok, err = pcall(vim.treesitter.language.add, 'csa')
if not check('the csa parser loads from parser/csa.so on the runtimepath', ok and err ~= false, tostring(err)) then
  finish()
end

for _, name in ipairs({ 'highlights', 'folds', 'locals' }) do
  local qok, query = pcall(vim.treesitter.query.get, 'csa', name)
  local files = vim.treesitter.query.get_files('csa', name)
  check(
    ('queries/csa/%s.scm compiles against the grammar (%d captures)'):format(name, qok and query and #query.captures or 0),
    qok and query ~= nil and #files > 0 and files[1]:find('editors/neovim/queries/csa/', 1, true) ~= nil,
    qok and vim.inspect(files) or tostring(query)
  )
end

-- Every example parses without an error node.
for _, name in ipairs({ 'kent-2014-17', 'kent-2018', 'kent-2022', 'minimal' }) do
  local path = root .. '/examples/' .. name .. '.csa'
  local text = table.concat(vim.fn.readfile(path), '\n') .. '\n'
  local tree = vim.treesitter.get_string_parser(text, 'csa'):parse()[1]
  check(('examples/%s.csa parses without an error node'):format(name), not tree:root():has_error())
end

vim.cmd.edit(vim.fn.fnameescape(root .. '/examples/kent-2022.csa'))
local buf = vim.api.nvim_get_current_buf()
check('the ftplugin starts tree-sitter highlighting', vim.treesitter.highlighter.active[buf] ~= nil)
-- The highlighter parses in the background, in slices of time: on a busy machine the
-- tree may not be there yet. Parse now so the captures and folds below do not race it.
vim.treesitter.get_parser(buf, 'csa'):parse()

local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local function find(pattern)
  for i, line in ipairs(lines) do
    local col = line:find(pattern)
    if col then
      return i - 1, col - 1
    end
  end
end

local function captures_at(row, col, b)
  return vim.tbl_map(function(c)
    return c.capture
  end, vim.treesitter.get_captures_at_pos(b or buf, row, col))
end

local function expect_capture(what, row, col, capture, b)
  local caps = row and captures_at(row, col, b) or {}
  check(('%s is captured as @%s'):format(what, capture), vim.tbl_contains(caps, capture), vim.inspect(caps))
end

local r, c = find('^@priority DA:')
expect_capture('the block keyword `priority`', r, (c or 0) + 1, 'keyword')
expect_capture('the block id `DA`', r, (c or 0) + 10, 'label')
r, c = find('^# 1%. Introduction')
expect_capture('the heading `# 1. Introduction`', r, c, 'markup.heading')
r, c = find('^// The supports:')
expect_capture('a comment', r, c, 'comment')
r, c = find('^  effective: ')
expect_capture('the field name `effective`', r, (c or 0) + 2, 'property')
expect_capture('the date 2022-04-01', r, (c or 0) + 13, 'string.special')
r, c = find('^  supports: ')
expect_capture('the list after `supports:`', r, (c or 0) + 12, 'variable')

-- A suppression stands out from other comments.
local scratch = vim.api.nvim_create_buf(false, true)
vim.api.nvim_buf_set_lines(scratch, 0, -1, false, {
  '// csa-ignore CSA201: the lead is a partnership',
  '@priority RS: Road Safety',
  '  objective X-1: Keep roads safe',
})
vim.bo[scratch].filetype = 'csa'
vim.treesitter.get_parser(scratch, 'csa'):parse()
expect_capture('a `csa-ignore` suppression', 0, 5, 'comment.note', scratch)
expect_capture('the item keyword `objective`', 2, 3, 'keyword', scratch)

-- Folds: each block folds to its header line.
vim.api.nvim_set_current_buf(buf)
vim.wo.foldmethod = 'expr'
vim.wo.foldexpr = 'v:lua.vim.treesitter.foldexpr()'
r = find('^@agreement:')
-- The fold levels are computed when a parse ends; one the highlighter started may
-- still be running, so give it the time to end (the levels stay '0' if folds are wrong).
local level
vim.wait(10000, function()
  level = vim.treesitter.foldexpr((r or 0) + 1)
  return level == '>1'
end, 50)
check('the @agreement block starts a fold', level == '>1', 'foldexpr gives ' .. tostring(level))

-- Locals: a block id is a definition.
local locals = vim.treesitter.query.get('csa', 'locals')
local tree = vim.treesitter.get_parser(buf, 'csa'):parse()[1]
local definitions = 0
for id in locals:iter_captures(tree:root(), buf, 0, -1) do
  if locals.captures[id] == 'local.definition' then
    definitions = definitions + 1
  end
end
check(('locals.scm finds the definitions of kent-2022.csa (%d)'):format(definitions), definitions > 10)

finish()
