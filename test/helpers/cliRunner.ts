/** Runs a CLI's main() in-process, capturing what it prints. */
export async function runCli(main: (argv: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string; json: () => any }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    const text = out.join('');
    return { code, out: text, err: err.join(''), json: () => JSON.parse(text.trim().split('\n').at(-1)!) };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}
