-- Minimal Neovim (0.7.2 or later) setup for the paperlist language server.
-- Use it as is with `nvim -u docs/neovim/init.lua`, or copy the block into your own init.lua.
-- The server command: $PAPERLIST_SERVER if set, else dist/server.js of the repository this file lives in.
local this_file = debug.getinfo(1, 'S').source:sub(2)
local repo = vim.fn.fnamemodify(this_file, ':p:h:h:h')
local server = vim.env.PAPERLIST_SERVER or (repo .. '/dist/server.js')

local client_id = nil

local function start_paperlist()
  if client_id and vim.lsp.get_client_by_id(client_id) then return client_id end
  client_id = vim.lsp.start_client({
    name = 'paperlist',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    -- Answers the server's workspace/configuration requests for the section "paperList".
    settings = {
      paperList = {
        enable = true,
        files = {},            -- globs of lists with fewer than three entries, e.g. { 'papers/*.md' }
        -- rules = { ['entry-venue'] = 'off' },
        -- numbering = 'auto',
      },
    },
  })
  return client_id
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local id = start_paperlist()
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})

-- Handy keys in lists: hover card, copies of a paper, quick fixes.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local opts = { buffer = args.buf }
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
    vim.keymap.set('n', 'gr', vim.lsp.buf.references, opts)
    vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, opts)
    vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
})
