// Drives the real YAML language server over stdio as an editor does, for the test suite:
//   node lsp.mjs FILE [LINE:CHARACTER ...]
// opens FILE (its modeline names the schema), waits for the server's diagnostics, asks for
// completions at each 0-based LINE:CHARACTER, and prints one JSON object:
//   {"diagnostics": [{line, character, message, source}], "completions": [[label, ...], ...]}
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const server = require.resolve('yaml-language-server/bin/yaml-language-server');
const [file, ...positions] = process.argv.slice(2);
const uri = pathToFileURL(resolve(file)).href;
const settings = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } };

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
let diagnostics = null;
let onDiagnostics = null;

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((ok, fail) => pending.set(id, { ok, fail }));
}
function handle(msg) {
  if (msg.id !== undefined && pending.has(msg.id) && msg.method === undefined) {
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    msg.error ? p.fail(new Error(msg.error.message)) : p.ok(msg.result);
  } else if (msg.method === 'workspace/configuration') {
    send({ id: msg.id, result: msg.params.items.map((i) => (i.section === 'yaml' ? settings.yaml : null)) });
  } else if (msg.id !== undefined && msg.method) {
    send({ id: msg.id, result: null }); // registrations and other requests: accepted
  } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
    diagnostics = msg.params.diagnostics;
    if (onDiagnostics) onDiagnostics();
  }
}
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    handle(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
    buffer = buffer.subarray(end + 4 + length);
  }
});

const timer = setTimeout(() => {
  console.error('lsp.mjs: the language server did not answer within 60 s');
  process.exit(2);
}, 60000);

await request('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } }, workspace: { configuration: true } },
});
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings } });
const gotDiagnostics = new Promise((ok) => (onDiagnostics = ok));
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } } });
await gotDiagnostics;
const completions = [];
for (const at of positions) {
  const [line, character] = at.split(':').map(Number);
  const result = await request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  completions.push(items.map((i) => i.label));
}
clearTimeout(timer);
console.log(JSON.stringify({
  diagnostics: diagnostics.map((d) => ({ line: d.range.start.line, character: d.range.start.character, message: d.message, source: d.source })),
  completions,
}));
await request('shutdown', null).catch(() => {});
send({ method: 'exit' });
child.stdin.end();
