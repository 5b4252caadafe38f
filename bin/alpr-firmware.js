#!/usr/bin/env node
import { runEntry } from './run.js';

await runEntry(new URL('../firmware/main.ts', import.meta.url).href);
