import { open } from 'node:fs/promises';

/** What kind of native binary a file is, read from its first bytes: an ELF for a machine, another format, or none. */
export type NativeKind = { kind: 'elf'; machine: number } | { kind: 'foreign'; format: string } | { kind: 'none' };

export async function nativeKind(path: string): Promise<NativeKind> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(20);
    const { bytesRead } = await fh.read(head, 0, 20, 0);
    if (bytesRead >= 20 && head.readUInt32BE(0) === 0x7f454c46) return { kind: 'elf', machine: head.readUInt16LE(18) };
    // Mach-O and PE magics are short enough to occur in data files: only trust them on a native file's name.
    if (bytesRead >= 4 && /\.(node|dylib|dll|exe)$/i.test(path)) {
      const magic = head.readUInt32BE(0);
      if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return { kind: 'foreign', format: 'Mach-O' };
      if (head.readUInt16BE(0) === 0x4d5a) return { kind: 'foreign', format: 'PE' };
    }
    return { kind: 'none' };
  } finally {
    await fh.close();
  }
}
