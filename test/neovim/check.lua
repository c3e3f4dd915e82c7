-- Waits for the paperlist diagnostics of the current buffer and writes their count to stdout.
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local count = #vim.diagnostic.get(0)
io.stdout:write(string.format('neovim diagnostics: %d%s\n', count, ok and '' or ' (timed out)'))
vim.cmd('qall!')
