#!/usr/bin/env node
import { runEntry } from './run.js';

await runEntry(new URL('../hub/cli.ts', import.meta.url).href);
