/** Whether this machine stores the low byte of a word first (x86, arm64): the word-at-a-time pixel loops rely on it and fall back without it. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
