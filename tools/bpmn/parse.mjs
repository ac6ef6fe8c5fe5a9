// Parses each BPMN file given with bpmn-moddle, the reader bpmn-js and bpmnlint use, and prints
// every warning it reports (unknown elements, unresolved references, schema violations).
// --zeebe reads Camunda 8's extension elements (zeebe:*) too, as Camunda Modeler does.
// Exit code: 0 no warnings, 1 warnings, 2 a file could not be parsed at all.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const args = process.argv.slice(2);
const zeebe = args[0] === '--zeebe';
const extensions = zeebe ? { zeebe: createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json') } : {};

let status = 0;
for (const file of zeebe ? args.slice(1) : args) {
  const moddle = new BpmnModdle(extensions);
  try {
    const { warnings } = await moddle.fromXML(await readFile(file, 'utf8'));
    for (const w of warnings) {
      console.log(`${file}: warning: ${w.message}`);
      status = Math.max(status, 1);
    }
  } catch (e) {
    console.log(`${file}: error: ${e.message}`);
    status = 2;
  }
}
process.exit(status);
