-- Editing .csa documents: `//` comments, two-space indentation inside blocks, and
-- folding that closes each block to its header line.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = true

vim.bo.commentstring = '// %s'
vim.bo.comments = '://'
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.autoindent = true
vim.wo[0][0].foldlevel = 99

-- Tree-sitter highlighting and folding when the csa parser is installed (see
-- editors/README.md); otherwise folding by indentation. `vim.g.csa_treesitter = false`
-- leaves highlighting to another plugin.
local buf = vim.api.nvim_get_current_buf()
if vim.g.csa_treesitter ~= false and pcall(vim.treesitter.start, buf, 'csa') then
  vim.wo[0][0].foldmethod = 'expr'
  vim.wo[0][0].foldexpr = 'v:lua.vim.treesitter.foldexpr()'
else
  vim.wo[0][0].foldmethod = 'indent'
end

vim.b.undo_ftplugin = 'setl commentstring< comments< expandtab< shiftwidth< softtabstop< autoindent<'
  .. ' | setl foldmethod< foldexpr< foldlevel<'
