import t from 'tap';
import { editDistance, foldText, squeeze, tokenize } from '../../../../hub/policy/screen/normalize.js';

t.test('look-alike, invisible and accented characters fold to what a reader sees', async (t) => {
  t.equal(foldText('tr\u0430ffic'), 'traffic', 'Cyrillic a (UTS #39 skeleton)');
  t.equal(foldText('traf\u200bfic tra\u00adffic tr\u200daf\ufefffic'), 'traffic traffic traffic', 'zero-width space, soft hyphen, joiner, BOM');
  t.equal(foldText('\uff54\uff52\uff41\uff46\uff46\uff49\uff43'), 'traffic', 'full-width letters (NFKC)');
  t.equal(foldText('\ud835\udc22\ud835\udc26\ud835\udc26\ud835\udc22\ud835\udc20\ud835\udc2b\ud835\udc1a\ud835\udc2d\ud835\udc22\ud835\udc28\ud835\udc27'), 'immigration', 'mathematical bold (NFKC)');
  t.equal(foldText('inmigración prędkość Straż Graniczna właściciel'), 'inmigracion predkosc Straz Graniczna wlasciciel', 'diacritics, and the Polish l with stroke');
  t.equal(foldText('rn m'), 'rn m', 'plain ASCII is left alone (the skeleton of m is rn)');
  t.equal(foldText('\u1d1b\u0280\u1d00\ua730\ua730\u026a\u1d04'), 'traffic', 'small capitals');
  t.equal(foldText('\u0406\u0421\u0415 \u0456mmigration'), 'ICE immigration', 'a capital that looks like I is I (UTS #39 alone would read l)');
  t.equal(foldText("women's"), 'womens');
});

t.test('words are split, spelled-out letters joined, and digits inside words read as letters', async (t) => {
  const { tokens, allCaps } = tokenize('I.C.E. asked: s p e e d i n g, ab0rtion, tr4ffic on 26-004512');
  t.same(tokens.map((x) => x.word), ['ice', 'asked', 'speeding', 'abortion', 'traffic', 'on', '26', '004512']);
  t.equal(tokens[0]!.raw, 'ICE', 'the case as written is kept for abbreviations');
  t.equal(allCaps, false);
  t.equal(tokenize('ICE CREAM TRUCK ROBBED AT GUNPOINT').allCaps, true);
});

t.test('near-miss spellings are measured by transposition-aware edit distance on squeezed letters', async (t) => {
  t.equal(squeeze('immigration'), 'imigration');
  t.equal(editDistance('imigartion', 'imigration', 2), 1, 'a swapped pair is one edit');
  t.equal(editDistance('deport', 'report', 1), 1);
  t.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'distance is capped at the limit plus one');
});

t.test('a word written with a possessive apostrophe is marked, and reads as before without it', async (t) => {
  const { tokens } = tokenize("a member's car, the attendees' cars, don't, O'Brien, the 'vigil'");
  t.same(tokens.map((x) => x.word), ['a', 'members', 'car', 'the', 'attendees', 'cars', 'dont', 'obrien', 'the', 'vigil']);
  t.same(tokens.filter((x) => x.possessive).map((x) => x.word), ['members', 'attendees']);
});

t.test('initials joined by an ampersand are one word, not single letters run together with an article', async (t) => {
  t.same(tokenize('getting a D&C at AT&T').tokens.map((x) => x.word), ['getting', 'a', 'dc', 'at', 'att']);
});
