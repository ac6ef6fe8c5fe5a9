// Parses each BPMN file given with bpmn-moddle, the reader bpmn-js and bpmnlint use, and prints
// every warning it reports (unknown elements, unresolved references, schema violations).
// Exit code: 0 no warnings, 1 warnings, 2 a file could not be parsed at all.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

let status = 0;
for (const file of process.argv.slice(2)) {
  const moddle = new BpmnModdle();
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
