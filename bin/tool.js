#!/usr/bin/env node
// Runs `main(argv)` of a TypeScript module: `node bin/tool.js demo/main.ts --flag`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { runEntry } from './run.js';

const [modulePath, ...rest] = process.argv.slice(2);
if (!modulePath) {
  process.stderr.write('usage: node bin/tool.js MODULE.ts [args...]\n');
  process.exit(64);
}
process.argv.splice(2, 1);
await runEntry(pathToFileURL(resolve(modulePath)).href);
