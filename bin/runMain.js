import { basename } from 'node:path';

// Runs `main(argv)` of an entry module and exits with its code. The packaged appliance calls it
// on compiled JavaScript; bin/run.js adds the TypeScript loader for a clone of the repository.
// `hideArguments`: other users of the machine read every process's arguments (ps,
// /proc/PID/cmdline), so a tool that takes secrets as options (an enrollment token, an admin
// session) shows only its name and command words, before its code is even loaded.
export async function runEntry(modulePath, { hideArguments = false } = {}) {
  if (hideArguments) process.title = commandTitle(process.argv);
  const entry = await import(modulePath);
  const code = await entry.main(process.argv.slice(2));
  process.exitCode = code;
  // Give pino a moment to flush, then leave even if a library left a handle open.
  setTimeout(() => process.exit(code), 200).unref();
}

/** `alpr-provision site list`: the program and the words before the first option (never an option's value). */
function commandTitle(argv) {
  const words = [];
  for (const arg of argv.slice(2)) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return [basename(argv[1] ?? 'node', '.js'), ...words].join(' ');
}
