-- .csa files are Community Safety Agreements.
vim.filetype.add({ extension = { csa = 'csa' } })
