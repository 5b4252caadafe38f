// Runs a TypeScript entry point through tsx, so the appliance, hub and tools need no build step.
import { register } from 'tsx/esm/api';

register();
export async function runEntry(modulePath) {
  const entry = await import(modulePath);
  const code = await entry.main(process.argv.slice(2));
  process.exitCode = code;
  // Give pino a moment to flush, then leave even if a library left a handle open.
  setTimeout(() => process.exit(code), 200).unref();
}
