-- Runs the "without the plugin" Lua snippet of editors/README.md, unchanged, in a
-- real Neovim with csa on PATH, and checks that it gives the findings of
-- examples/kent-2018.csa.
--
-- From the repository root:
--   CSA_BIN=/path/to/csa nvim --headless --clean -l editors/neovim/test/readme.lua
-- Prints one line per check and `readme: N passed, N failed` last.

local TIMEOUT = tonumber(os.getenv('CSA_E2E_TIMEOUT_MS') or '') or 60000
local function say(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end
local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say('ok   ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function finish()
  say(('readme: %d passed, %d failed'):format(passed, failed))
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop(true)
  end
  os.exit((failed == 0 and passed > 0) and 0 or 1)
end

local script = debug.getinfo(1, 'S').source:sub(2)
local root = vim.fs.normalize(vim.fn.fnamemodify(script, ':p:h:h:h:h'))
local bin = os.getenv('CSA_BIN')
if not bin or vim.fn.executable(bin) ~= 1 then
  check('CSA_BIN is the csa binary', false, tostring(bin))
  finish()
end
-- The snippet runs `csa`: put the binary's folder first on PATH.
vim.env.PATH = vim.fn.fnamemodify(bin, ':p:h') .. ':' .. vim.env.PATH

local readme = table.concat(vim.fn.readfile(root .. '/editors/README.md'), '\n')
local snippet = readme:match('<!%-%- tested by editors/neovim/test/readme%.lua[^\n]*\n```lua\n(.-)\n```')
if not check('editors/README.md has the tested snippet', snippet ~= nil) then
  finish()
end
local chunk, err = load(snippet, 'README snippet')
if not check('the snippet is valid Lua', chunk ~= nil, err) then
  finish()
end
local ok, run_err = pcall(chunk)
check('the snippet runs', ok, tostring(run_err))

vim.cmd.edit(vim.fn.fnameescape(root .. '/examples/kent-2018.csa'))
local buf = vim.api.nvim_get_current_buf()
check('it sets the filetype csa', vim.bo[buf].filetype == 'csa', vim.bo[buf].filetype)
local diagnostics = {}
vim.wait(TIMEOUT, function()
  diagnostics = vim.diagnostic.get(buf)
  return #diagnostics > 0
end, 50)
local leads = 0
for _, d in ipairs(diagnostics) do
  if d.code == 'CSA202' then
    leads = leads + 1
  end
end
check('csa lsp started by the snippet reports the 8 CSA202 findings', leads == 8, ('%d CSA202 of %d findings'):format(leads, #diagnostics))
finish()
