-- neovim.lua: an independent LSP client for the go-mod-lens server, run by neovim.test.ts as
--   nvim --headless --clean -c 'luafile neovim.lua'
-- with $GML_NVIM_CONFIG naming a JSON file:
--   { cmd: [...], env: {...}, folder: "/abs/ws", file: "/abs/ws/A/go.mod",
--     line: 9, character: 8, out: "/abs/result.json", timeout_ms: 20000 }
-- It uses only Neovim's own LSP client (0.7 API: start_client, buf_attach_client,
-- buf_request_sync), writes what it saw as JSON to `out`, and always quits: a Lua error is
-- written as { error = ... } so the test reports it instead of hanging.
local config = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.GML_NVIM_CONFIG), '\n'))
local result = { steps = {} }
local started = vim.loop.hrtime()

local function step(name)
  table.insert(result.steps, { name = name, ms = (vim.loop.hrtime() - started) / 1e6 })
end

-- wait_until waits for cond() with a timeout; it raises with `what` when the time runs out.
local function wait_until(what, cond)
  if not vim.wait(config.timeout_ms, cond, 10) then
    error('timed out after ' .. config.timeout_ms .. ' ms waiting for ' .. what)
  end
end

-- edits_of flattens a WorkspaceEdit (changes or documentChanges) into { uri, newText, range } items.
local function edits_of(edit)
  local out = {}
  if type(edit) ~= 'table' then return out end
  for uri, list in pairs(edit.changes or {}) do
    for _, e in ipairs(list) do table.insert(out, { uri = uri, newText = e.newText, range = e.range }) end
  end
  for _, dc in ipairs(edit.documentChanges or {}) do
    if dc.textDocument then
      for _, e in ipairs(dc.edits or {}) do
        table.insert(out, { uri = dc.textDocument.uri, newText = e.newText, range = e.range })
      end
    else
      table.insert(out, { uri = dc.uri or '', newText = vim.NIL, kind = dc.kind })
    end
  end
  return out
end

-- hover_text is the text of a Hover result (MarkupContent, MarkedString or a list of them).
local function hover_text(h)
  if type(h) ~= 'table' then return vim.NIL end
  local c = h.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, m in ipairs(c) do table.insert(parts, type(m) == 'string' and m or m.value) end
  return table.concat(parts, '\n')
end

-- request sends a request with buf_request_sync and returns our client's result (errors raise).
local function request(bufnr, client_id, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, config.timeout_ms)
  if not responses then error(method .. ' got no answer: ' .. tostring(err)) end
  local r = responses[client_id]
  if not r then error(method .. ': no response from the go-mod-lens client') end
  if r.err or r.error then error(method .. ' failed: ' .. vim.inspect(r.err or r.error)) end
  return r.result
end

local function main()
  local uri = vim.uri_from_fname(config.file)
  local published = {}
  local initialized = false
  local exited
  local client_id = vim.lsp.start_client({
    name = 'go-mod-lens',
    cmd = config.cmd,
    cmd_env = config.env,
    root_dir = config.folder,
    workspace_folders = { { uri = vim.uri_from_fname(config.folder), name = 'ws' } },
    on_init = function() initialized = true end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
        if res and vim.uri_to_fname(res.uri) == vim.uri_to_fname(uri) then table.insert(published, res) end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, res, ctx, cfg)
      end,
    },
  })
  if not client_id then error('vim.lsp.start_client failed') end
  result.client_id = client_id
  step('start_client')

  vim.cmd('edit ' .. vim.fn.fnameescape(config.file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  wait_until('initialize', function() return initialized or exited ~= nil end)
  if exited then error('server exited during initialize: ' .. vim.inspect(exited)) end
  step('initialized')
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('buf_attach_client failed') end

  wait_until('publishDiagnostics for ' .. uri, function() return #published > 0 or exited ~= nil end)
  if exited then error('server exited before publishing: ' .. vim.inspect(exited)) end
  -- what Neovim itself stores and would show (vim.diagnostic), after its own conversion
  wait_until('vim.diagnostic.get to reflect the publish', function()
    return #vim.diagnostic.get(bufnr) == #published[#published].diagnostics
  end)
  step('diagnostics')
  result.published = published
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity, message = d.message })
  end

  local pos = { line = config.line, character = config.character }
  local hover = request(bufnr, client_id, 'textDocument/hover', { textDocument = { uri = uri }, position = pos })
  result.hover = hover_text(hover)
  step('hover')

  local line_text = vim.api.nvim_buf_get_lines(bufnr, config.line, config.line + 1, false)[1] or ''
  local context = {}
  for _, d in ipairs(published[#published].diagnostics) do
    if d.range.start.line <= config.line and d.range['end'].line >= config.line then table.insert(context, d) end
  end
  local actions = request(bufnr, client_id, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = config.line, character = 0 }, ['end'] = { line = config.line, character = #line_text } },
    context = { diagnostics = context },
  })
  result.code_actions = {}
  for _, a in ipairs(actions or {}) do
    table.insert(result.code_actions, { title = a.title, kind = a.kind, edits = edits_of(a.edit), command = a.command and (a.command.command or a.command) })
  end
  step('codeAction')

  vim.lsp.stop_client(client_id)
  wait_until('the server to exit after shutdown', function() return exited ~= nil end)
  result.exit = exited
  step('exit')
end

local ok, err = pcall(main)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, config.out)
vim.cmd(ok and 'qall!' or 'cquit! 3')
