// Runs a TypeScript entry point through tsx, so the appliance, hub and tools need no build step.
import { register } from 'tsx/esm/api';

register();
export { runEntry } from './runMain.js';
