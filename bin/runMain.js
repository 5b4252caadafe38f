// Runs `main(argv)` of an entry module and exits with its code. The packaged appliance calls it
// on compiled JavaScript; bin/run.js adds the TypeScript loader for a clone of the repository.
export async function runEntry(modulePath) {
  const entry = await import(modulePath);
  const code = await entry.main(process.argv.slice(2));
  process.exitCode = code;
  // Give pino a moment to flush, then leave even if a library left a handle open.
  setTimeout(() => process.exit(code), 200).unref();
}
