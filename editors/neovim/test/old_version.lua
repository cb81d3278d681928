-- On a Neovim older than 0.10 the plugin says which version it needs, and does
-- nothing else. Run with a real Neovim made to answer as an old one:
--   nvim --headless --clean -l editors/neovim/test/old_version.lua
-- Prints one line per check and `old version: N passed, N failed` last.

local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    io.stdout:write('ok   ' .. name .. '\n')
  else
    failed = failed + 1
    io.stdout:write('FAIL ' .. name .. (detail and (': ' .. detail) or '') .. '\n')
  end
end

vim.opt.runtimepath:prepend(vim.fn.getcwd() .. '/editors/neovim')
local has = vim.fn.has
vim.fn.has = function(feature)
  if feature == 'nvim-0.10' or feature == 'nvim-0.11' then
    return 0
  end
  return has(feature)
end
vim.version = function()
  return { major = 0, minor = 9, patch = 5 }
end
local notes = {}
vim.notify = function(message, level)
  table.insert(notes, { message = message, level = level })
end

local result = require('csa').setup({})
check('setup says it did nothing', result == false, vim.inspect(result))
check('one message', #notes == 1, vim.inspect(notes))
local note = notes[1] or { message = '' }
check('an error', note.level == vim.log.levels.ERROR, vim.inspect(note))
check('names the version needed and the one running',
  note.message:find('needs Neovim 0.10 or later; this is 0.9.5', 1, true) ~= nil, note.message)
check('no command was made', vim.fn.exists(':CsaExplain') == 0)

io.stdout:write(('old version: %d passed, %d failed\n'):format(passed, failed))
os.exit((failed == 0 and passed > 0) and 0 or 1)
