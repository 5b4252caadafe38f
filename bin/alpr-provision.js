#!/usr/bin/env node
import { runEntry } from './run.js';

await runEntry(new URL('../provisioning/cli.ts', import.meta.url).href, { hideArguments: true });
