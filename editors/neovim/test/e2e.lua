-- End-to-end test of the Neovim plugin with a real Neovim and the real csa server.
--
-- From the repository root:
--   CSA_BIN=/path/to/csa nvim --headless --clean -l editors/neovim/test/e2e.lua
--
-- Opens examples/kent-2018.csa through the plugin's setup(), then checks what an
-- author would see: the filetype, the server attached, the findings (CSA202 on the
-- eight leads that belong to no priority, lines 169-176), the csa/status notification,
-- hover on a plan objective and on a field, completion after `@`, go to definition,
-- the outline, and a change of settings. Prints one line per check and
-- `e2e: N passed, N failed` last; exits 1 on any failure.

local TIMEOUT = tonumber(os.getenv('CSA_E2E_TIMEOUT_MS') or '') or 60000

-- print() in `nvim -l` goes to stderr with CRLF line ends; write plain lines to stdout.
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
  say(('e2e: %d passed, %d failed'):format(passed, failed))
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop(true)
  end
  os.exit((failed == 0 and passed > 0) and 0 or 1)
end

local function fatal(message)
  check(message, false)
  say('stopping: the checks after this one need it')
  finish()
end

local function wait(ms, predicate)
  return vim.wait(ms, predicate, 50)
end

-- Where things are: the script is editors/neovim/test/e2e.lua.
local script = debug.getinfo(1, 'S').source:sub(2)
local root = vim.fs.normalize(vim.fn.fnamemodify(script, ':p:h:h:h:h'))
local plugin = root .. '/editors/neovim'
local example = root .. '/examples/kent-2018.csa'

local bin = os.getenv('CSA_BIN')
if not bin or bin == '' then
  fatal('CSA_BIN is set to the csa binary')
end
bin = vim.fn.fnamemodify(bin, ':p')
if vim.fn.executable(bin) ~= 1 then
  fatal(('CSA_BIN=%s is an executable'):format(bin))
end
say(('nvim %s, csa %s, example %s'):format(tostring(vim.version()), bin, example))

-- Load the plugin as a plugin manager would: on the runtimepath, ftdetect sourced.
vim.opt.runtimepath:prepend(plugin)
vim.cmd('filetype plugin on')
vim.cmd('runtime! ftdetect/csa.lua')
local csa = require('csa')
csa.setup({ cmd = { bin, 'lsp' }, as_of = '2019-04-01' })

vim.cmd.edit(vim.fn.fnameescape(example))
local buf = vim.api.nvim_get_current_buf()
check('the filetype of kent-2018.csa is csa', vim.bo[buf].filetype == 'csa', 'filetype=' .. vim.bo[buf].filetype)
check('the ftplugin sets // comments', vim.bo[buf].commentstring == '// %s', 'commentstring=' .. vim.bo[buf].commentstring)

local client
wait(TIMEOUT, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'csa' })[1]
  return client ~= nil and client.initialized == true
end)
if not client then
  fatal('the csa language server attaches to the buffer (see ' .. vim.lsp.log.get_filename() .. ')')
end
check('the csa language server attaches and initialises', client.initialized == true)
check(
  'the server says who it is',
  client.server_info and client.server_info.name == 'csa',
  vim.inspect(client.server_info)
)

-- Diagnostics: pushed or pulled, depending on what the client offers.
local diagnostics = {}
wait(TIMEOUT, function()
  diagnostics = vim.diagnostic.get(buf)
  return #diagnostics > 0
end)
check('csa reports findings on kent-2018.csa', #diagnostics > 0, 'no diagnostics arrived within ' .. TIMEOUT .. ' ms')

local lead_lines = {}
for _, d in ipairs(diagnostics) do
  if d.code == 'CSA202' then
    table.insert(lead_lines, d.lnum + 1)
  end
end
table.sort(lead_lines)
local expected = { 169, 170, 171, 172, 173, 174, 175, 176 }
check(
  'CSA202 (lead-without-priority) on lines 169-176, the eight leads without a priority',
  vim.deep_equal(lead_lines, expected),
  'CSA202 on lines ' .. vim.inspect(lead_lines)
)
local first202 = vim.iter(diagnostics):find(function(d)
  return d.code == 'CSA202'
end)
check(
  'CSA202 is a warning from source csa that names the lead',
  first202 ~= nil
    and first202.severity == vim.diagnostic.severity.WARN
    and first202.source == 'csa'
    and first202.message:find('belongs to no priority', 1, true) ~= nil,
  first202 and vim.inspect({ first202.severity, first202.source, first202.message }) or 'none'
)
local codes = {}
for _, d in ipairs(diagnostics) do
  codes[d.code or '?'] = (codes[d.code or '?'] or 0) + 1
end
say('     findings by rule: ' .. vim.inspect(codes, { newline = ' ', indent = '' }))

-- The csa/status notification (the plugin asks for it) and the statusline.
wait(TIMEOUT, function()
  return csa.status[buf] ~= nil
end)
local status = csa.status[buf]
check(
  'csa/status arrives with the counts of the findings',
  status ~= nil and status.warnings >= 8 and type(status.fails) == 'boolean',
  vim.inspect(status)
)
check('the statusline shows the counts', csa.statusline(buf):match('^csa: .*warning') ~= nil, csa.statusline(buf))
local evaluated = vim.api.nvim_eval_statusline("%{v:lua.require'csa'.statusline()}", { winid = vim.api.nvim_get_current_win() }).str
check("the README's statusline component evaluates to it", evaluated == csa.statusline(buf), evaluated)

-- :CsaExplain with the cursor on a CSA202 finding (line 169) opens the explanation.
vim.api.nvim_win_set_cursor(0, { 169, 4 })
vim.cmd('CsaExplain')
local explain_buf = vim.api.nvim_get_current_buf()
local explained = table.concat(vim.api.nvim_buf_get_lines(explain_buf, 0, -1, false), '\n')
check(':CsaExplain on line 169 shows csa explain CSA202', explain_buf ~= buf and explained:find('^CSA202 lead%-without%-priority') ~= nil, explained:sub(1, 80))
vim.cmd('close')
vim.api.nvim_set_current_buf(buf)

local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local function find_line(pattern)
  for i, line in ipairs(lines) do
    local col = line:find(pattern)
    if col then
      return i - 1, col - 1, line
    end
  end
end

local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  if not responses then
    return nil, err
  end
  for _, r in pairs(responses) do
    if r.error then
      return nil, vim.inspect(r.error)
    end
    return r.result
  end
  return nil, 'no response'
end

local function position(lnum, col)
  -- csa offers UTF-8 positions to clients that accept them; these lines are ASCII.
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = lnum, character = col } }
end

local function hover_text(result)
  if not result or not result.contents then
    return ''
  end
  local c = result.contents
  if type(c) == 'string' then
    return c
  end
  return c.value or vim.inspect(c)
end

-- Hover on a plan objective's id, where it is defined in the @plan block.
local obj_line, obj_col = find_line('^  objective SIK%-CC1:')
if check('examples/kent-2018.csa has objective SIK-CC1 in its @plan block', obj_line ~= nil) then
  local id_col = obj_col + #'  objective '
  local result, err = request('textDocument/hover', position(obj_line, id_col + 2))
  local text = hover_text(result)
  check(
    ('hover on SIK-CC1 (line %d) names the objective and its text'):format(obj_line + 1),
    text:find('SIK-CC1', 1, true) and text:find('Put victims first', 1, true),
    err or text
  )
  say('     hover: ' .. text:gsub('\n', ' | '))
end

-- Hover on a field name.
local field_line, field_col = find_line('^  commissioner:')
if field_line then
  local result, err = request('textDocument/hover', position(field_line, field_col + 4))
  local text = hover_text(result)
  check(('hover on the field `commissioner` (line %d) explains it'):format(field_line + 1), text:find('commissioner', 1, true) ~= nil, err or text)
  say('     hover: ' .. text:gsub('\n', ' | '))
end

-- The outline.
local symbols, sym_err = request('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
check('the outline has the document headings and blocks', type(symbols) == 'table' and #symbols > 0, sym_err or vim.inspect(symbols))

-- Completion after `@` on a new line at the end of the document.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last, last, false, { '', '@' })
local at_line = last + 1
local result, err = request('textDocument/completion', vim.tbl_extend('force', position(at_line, 1), {
  context = { triggerKind = 2, triggerCharacter = '@' },
}))
local items = result and (result.items or result) or {}
local labels = vim.tbl_map(function(i)
  return i.label
end, items)
check(
  'completion after `@` offers the block keywords, priority among them',
  vim.tbl_contains(labels, 'priority') and vim.tbl_contains(labels, 'agreement'),
  err or vim.inspect(labels)
)
say('     completion: ' .. table.concat(labels, ' '))

-- Completion of a field name inside a new priority.
vim.api.nvim_buf_set_lines(buf, at_line, at_line + 1, false, { '@priority NEW: New priority', '  ' })
result, err = request('textDocument/completion', position(at_line + 1, 2))
items = result and (result.items or result) or {}
labels = vim.tbl_map(function(i)
  return i.label
end, items)
check('completion on an indented line of a priority offers its fields, lead among them', vim.tbl_contains(labels, 'lead'), err or vim.inspect(labels))

-- Go to definition from a reference typed into the new priority (the edit reaches the
-- server as an incremental change first).
vim.api.nvim_buf_set_lines(buf, at_line + 1, at_line + 2, false, { '  supports: SIK-CC1' })
result, err = request('textDocument/definition', position(at_line + 1, #'  supports: SIK-'))
local loc = result and (result.range and result or result[1])
check(
  ('go to definition of SIK-CC1 from `supports:` (line %d) lands on the objective (line %d)'):format(at_line + 2, (obj_line or -1) + 1),
  loc ~= nil and loc.range.start.line == obj_line,
  err or vim.inspect(result)
)
result, err = request('textDocument/hover', position(at_line + 1, #'  supports: SIK-'))
check('hover on the reference says where SIK-CC1 is defined', hover_text(result):find('Defined on line ' .. (obj_line or -1) + 1, 1, true) ~= nil, err or hover_text(result))

-- The findings follow the edits: the new priority has no lead.
local new_findings = {}
wait(TIMEOUT, function()
  new_findings = vim.diagnostic.get(buf, { lnum = at_line })
  return #new_findings > 0
end)
check(
  ('the findings follow the edits: the new @priority NEW (line %d) is reported'):format(at_line + 1),
  vim.iter(new_findings):any(function(d)
    return d.code == 'CSA201'
  end),
  vim.inspect(vim.tbl_map(function(d)
    return { d.code, d.message }
  end, new_findings))
)

-- Changing the settings: at fail level `warning`, the warnings make the document fail.
csa.status[buf] = nil
csa.set({ fail_level = 'warning' })
wait(TIMEOUT, function()
  return csa.status[buf] ~= nil and csa.status[buf].failLevel == 'warning'
end)
status = csa.status[buf]
check(
  'workspace/didChangeConfiguration (fail level warning) makes the status fail',
  status ~= nil and status.failLevel == 'warning' and status.fails == true,
  vim.inspect(status)
)
check('the statusline marks the failing document', csa.statusline(buf):find('(fails)', 1, true) ~= nil, csa.statusline(buf))

-- The server is still alive after all of this.
check('the server is still running', not client:is_stopped())

-- :CsaRestart: a new client attaches to the buffer.
vim.cmd('CsaRestart')
local restarted
wait(TIMEOUT, function()
  restarted = vim.iter(vim.lsp.get_clients({ bufnr = buf, name = 'csa' })):find(function(c)
    return c.id ~= client.id and c.initialized == true
  end)
  return restarted ~= nil
end)
check(':CsaRestart stops the server and attaches a new one', restarted ~= nil and restarted.id ~= client.id and client:is_stopped(), restarted and ('client ' .. restarted.id) or 'none')
wait(TIMEOUT, function()
  return csa.status[buf] ~= nil
end)
check('the new server reports the status again', csa.status[buf] ~= nil)

finish()
