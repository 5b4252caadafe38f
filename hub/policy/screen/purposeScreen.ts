import { createRequire } from 'node:module';
import { ADD_ONS, ADD_ON_STARTS, ADMINISTRATIVE_CUES, ASSESSMENTS, CAUSE_LEADS, COUNTS, HYPOTHETICAL_CUES, INVESTIGATIVE_CUES, IRRELEVANT, LAWFUL_CAUSES, NEXT_MODIFIERS, OWNED_THINGS, GIVING_VERBS, PASSIVE, PERPETRATORS, PHRASE_FILLER, PRETEXT_CUES, REQUEST_VERBS, REQUESTERS_IN_CASE, SEARCH_VERBS, SHARED_THINGS, TARGETING_CUES, WITNESSES } from './cues.js';
import { DEFAULT_LEXICON, IMPOSTORS, type Lexicon, type ScreenTerm } from './lexicon.js';
import { editDistance, foldText, squeeze, tokenize, type ScreenToken } from './normalize.js';

const require = createRequire(import.meta.url);

/** A prohibited use the screen found: the category, the term and the words that matched it. */
export interface ScreenFinding {
  category: string;
  term: string;
  matched: string;
}

/**
 * English words (an-array-of-english-words, ~275,000): a word in it is spelled as meant, so it
 * is never read as a near-miss of a term ("reported" is not "deported").
 */
let englishWords: ReadonlySet<string> | null = null;
function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(require('an-array-of-english-words') as string[]);
  return englishWords.has(word);
}

/** Stems of 6 letters or more allow one edit; of 9 or more, two. */
function fuzzyLimit(stemLength: number): number {
  return stemLength >= 9 ? 2 : stemLength >= 6 ? 1 : 0;
}

/** Does `word` (a token's folded form) match `stem` as the lexicon defines it? */
export function matchesStem(word: string, stem: string): boolean {
  if (stem.startsWith('=')) {
    // Squeezed, a short word can become another ("agg", aggravated, is "ag", an attorney general):
    // those are compared as written.
    const whole = squeeze(stem.slice(1));
    return whole.length < 3 ? word === stem.slice(1) : squeeze(word) === whole;
  }
  if (word.startsWith(stem)) return true;
  const w = squeeze(word);
  const s = squeeze(stem);
  // Squeezing can make a stem's start out of another word ("queer" squeezed is "quer", which
  // begins "query"): a squeezed prefix counts only for a word that is not itself English.
  if (w.startsWith(s)) return !isEnglishWord(word);
  const limit = fuzzyLimit(s.length);
  // A misspelling keeps its first letter and is not itself a word.
  if (limit === 0 || w[0] !== s[0] || w.length < s.length - 1 || isEnglishWord(word)) return false;
  for (let length = s.length - 1; length <= s.length + 1; length++) {
    if (length <= w.length && editDistance(w.slice(0, length), s, limit) <= limit) return true;
  }
  return false;
}

/**
 * A word split into pieces ("immi gration", "im-mi-gra-tion", "traf fic"): the pieces starting at
 * `start`, joined two, three or four at a time, while they are letters only and not all of them
 * English words. Each candidate comes with how many pieces it took.
 */
function splitWords(words: readonly string[], start: number): Array<[string, number]> {
  const candidates: Array<[string, number]> = [];
  let whole = words[start]!;
  let allEnglish = isEnglishWord(whole);
  if (!/^\p{L}+$/u.test(whole)) return candidates;
  for (let count = 2; count <= 4 && start + count <= words.length; count++) {
    const piece = words[start + count - 1]!;
    if (!/^\p{L}+$/u.test(piece) || (count > 2 && piece.length > 4)) break;
    whole += piece;
    allEnglish &&= isEnglishWord(piece);
    if (!allEnglish) candidates.push([whole, count]);
  }
  return candidates;
}

/**
 * Does the word split into `count` pieces from `start` (`whole`, joined) hold the stem? As written
 * or squeezed, not as a near miss: the pieces were split to hide the word, and a near miss of
 * pieces is most often other words ("depot susp" is not "deport"). And only if the stem runs into
 * the last piece: "immi gration" is one word, but "abortion clinic susp" joined is three, and a
 * stem that ends inside "abortion" says nothing about "clinic" or "susp" after it.
 */
function splitHolds(words: readonly string[], start: number, [whole, count]: [string, number], stem: string): boolean {
  if (!whole.startsWith(stem) && !squeeze(whole).startsWith(squeeze(stem))) return false;
  let before = 0;
  for (let k = start; k < start + count - 1; k++) before += words[k]!.length;
  return stem.length > before;
}

interface Match {
  start: number;
  end: number;
}

/** Where the phrase `stems` starts at token `start` (filler words between its words skipped). */
function matchPhrase(words: readonly string[], start: number, stems: readonly string[]): Match | null {
  if (!matchesStem(words[start]!, stems[0]!)) return null;
  let at = start;
  for (const stem of stems.slice(1)) {
    let next = at + 1;
    while (next < words.length && next - at <= 3 && PHRASE_FILLER.has(words[next]!) && !matchesStem(words[next]!, stem)) next++;
    if (next >= words.length || !matchesStem(words[next]!, stem)) return null;
    at = next;
  }
  return { start, end: at };
}

/**
 * The letter every word a stem matches starts with (prefix, near-miss and whole-word matches all
 * keep it): a word with another first letter is not tried against the stem at all.
 */
function firstLetter(stem: string): string {
  return stem.startsWith('=') ? stem[1]! : stem[0]!;
}

const splitPhrases = new WeakMap<readonly string[], ReadonlyArray<{ first: string; stems: string[] }>>();

/** The first of `phrases` that starts at token `i`, where it ends. */
function phraseAt(words: readonly string[], i: number, phrases: readonly string[]): Match | null {
  let split = splitPhrases.get(phrases);
  if (!split) {
    split = phrases.map((p) => ({ first: firstLetter(p), stems: p.split(' ') }));
    splitPhrases.set(phrases, split);
  }
  const letter = words[i]![0];
  for (const p of split) {
    const match = p.first === letter ? matchPhrase(words, i, p.stems) : null;
    if (match) return match;
  }
  return null;
}

function anyPhraseIn(words: readonly string[], from: number, to: number, phrases: readonly string[]): boolean {
  for (let i = Math.max(0, from); i < Math.min(words.length, to); i++) {
    if (phraseAt(words, i, phrases)) return true;
  }
  return false;
}

/** Words that start a new clause, which a denial before them does not reach ("not solved yet so check his status"). */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['but', 'so', 'then', 'just', 'and', 'because', 'since', 'instead', 'therefore', 'pero', 'ale', 'y', 'i']);

/**
 * For each token, whether a denial stands before it in its clause ("searching for the attacker,
 * not the attendees", "not for anyone who attended", "no patient information is sought"): what
 * a request denies it does not ask for. A clause ends at a comma, a stop, a colon or a word of
 * CLAUSE_BREAKS, so a denial elsewhere ("no suspect yet, list the attendees", "not solved so check
 * his immigration status") reaches nothing after it.
 */
function deniedInClause(tokens: readonly ScreenToken[]): boolean[] {
  let denial = false;
  return tokens.map((t) => {
    if (CLAUSE_BREAKS.has(t.word)) denial = false;
    const before = denial;
    if (DENIALS.has(t.word)) denial = true;
    if (/[,.;:!?]/.test(t.follows)) denial = false;
    return before;
  });
}

/** One person, named just before "who ..." ("a man who showed him a gun"): the offender described, not a crowd. */
const ONE_PERSON: ReadonlySet<string> = new Set(['man', 'woman', 'guy', 'person', 'male', 'female', 'suspect', 'subject', 'offender', 'driver', 'victim', 'complainant', 'he', 'she']);

/** Words between one person and what they did ("the victim had earlier attended"). */
const AUXILIARIES: ReadonlySet<string> = new Set(['had', 'has', 'was', 'is', 'also', 'just', 'recently', 'earlier', 'previously', 'reportedly', 'apparently', 'allegedly']);

/** The person (ONE_PERSON) just before token `i`, auxiliaries skipped: the subject of the cue at `i` is one person, not a crowd. */
function onePersonBefore(words: readonly string[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && AUXILIARIES.has(words[j]!)) j--;
  return j >= 0 && ONE_PERSON.has(words[j]!);
}

/** The people named as the crime's victims just after ("the patient is the victim"). */
const VICTIMS: readonly string[] = ['=victim', '=victims', '=victima', '=victimas', '=ofiara', '=ofiary'];

/** Prepositions before a gerund that tell what the case's one person did ("about attending", "after visiting"). */
const GERUND_LEADS: ReadonlySet<string> = new Set(['about', 'after', 'before', 'while', 'from', 'since']);

/** Acts aimed at people with "at", "into" or "toward" ("pointed a gun at attendees", "drove into the marchers"). */
const AIMED_ACTS: ReadonlySet<string> = new Set(['pointed', 'aimed', 'brandished', 'waved', 'fired', 'shot', 'swung', 'lunged', 'threw', 'hurled', 'drove', 'charged', 'spat', 'swerved', 'rammed', 'plowed', 'ploughed', 'sped']);
const AIMED_AT: ReadonlySet<string> = new Set(['at', 'into', 'toward', 'towards', 'through']);

/** The people at `i` as those an act was aimed at: "at"/"into" just before them (filler skipped), and an aimed act in the three words before that. */
function aimedAt(words: readonly string[], i: number): boolean {
  let at = i - 1;
  while (at >= 0 && i - at <= 3 && !AIMED_AT.has(words[at]!) && (PHRASE_FILLER.has(words[at]!) || COUNTS.has(words[at]!))) at--;
  if (at < 1 || !AIMED_AT.has(words[at]!)) return false;
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) if (AIMED_ACTS.has(words[j]!)) return true;
  return false;
}

/**
 * Polish nouns of a crime that take its victims after them in the genitive ("pobicie uczestnika":
 * the beating of a participant), as an English verb takes its object.
 */
const CRIME_NOUNS_OF: ReadonlySet<string> = new Set(['pobicie', 'napad', 'napadu', 'zabojstwo', 'morderstwo', 'porwanie', 'okradzenie', 'postrzelenie', 'zastrzelenie', 'zgwalcenie']);

/**
 * Does the text aim at the people of an event or place (its attendees, "list the cars")? Not
 * when the people are named as a crime's victims ("a member's car was stolen": `words` has
 * possessives blanked; "threatened worshippers": the crime word just before; "congregants reported":
 * they are witnesses) nor when the words aim at the offender ("identify the suspect").
 */
function aimsAtPeople(words: readonly string[], denied: readonly boolean[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (denied[i]) continue;
    const match = phraseAt(words, i, TARGETING_CUES);
    if (!match || anyPhraseIn(words, match.end + 1, match.end + 4, PERPETRATORS) || anyPhraseIn(words, match.end + 1, match.end + 5, WITNESSES) || anyPhraseIn(words, match.end + 1, match.end + 4, VICTIMS)) continue;
    // What the one person of the case did, as a gerund after a preposition ("a note about attending a protest")
    if (/ing$/.test(words[i]!) && GERUND_LEADS.has(words[i - 1] ?? '')) continue;
    // "Hot-list the plate" is a verb, not a list of people; "a man who showed him a gun" describes one offender
    if (words[i - 1] === 'hot' || onePersonBefore(words, i)) continue;
    let before = i - 1;
    let of = false;
    while (before > 0 && i - before <= 3 && (PHRASE_FILLER.has(words[before]!) || COUNTS.has(words[before]!) || /^\d+$/.test(words[before]!))) of ||= ['of', 'on'].includes(words[before--]!);
    // A verb ("robbed the attendees"), or a crime's noun with its victims after "of" ("the robbery of
    // worshippers", Polish "pobicie uczestnika"); not a noun that ends a clause ("after the shooting,
    // everyone at the vigil")
    const crimeDoneTo = before >= 0 && (isCrimeDone(words, before) || ((of || CRIME_NOUNS_OF.has(words[before]!)) && anyPhraseIn(words, before, before + 1, INVESTIGATIVE_CUES)));
    if (!crimeDoneTo && !aimedAt(words, i) && !sufferedCrime(words, match.end) && !ownsThing(words, i) && !doneBy(words, i)) return true;
  }
  return false;
}

/** What a person's plate is written as in a request for it. */
const THEIR_CARS: ReadonlySet<string> = new Set(['plate', 'plates', 'car', 'cars', 'vehicle', 'vehicles', 'tag', 'tags', 'auto', 'autos']);

/**
 * The people of an event or place written as owners of the plates asked for ("the patients'
 * plates from that night", "the attendees' cars"): aimed at, like "list the patients", unless
 * what they own suffered the crime ("a member's car was stolen", "plates stolen from a member's
 * car"), which makes them its victims.
 * (aimsAtPeople reads possessives as owners, not as the people aimed at.)
 */
function asksTheirCars(tokens: readonly ScreenToken[], denied: readonly boolean[]): boolean {
  const words = tokens.map((t) => t.word);
  // (what was done to it may also be told before them: "plates stolen from a temple member's car";
  // and a request may deny them: "not searching festival attendees' vehicles")
  return tokens.some((t, i) => t.possessive && !denied[i] && THEIR_CARS.has(words[i + 1] ?? '') && phraseAt(words, i, TARGETING_CUES) !== null && !sufferedCrime(words, i + 1) && !crimeDoneIn(words, i - 5, i));
}

/** The people at `start`, after "by", as the ones who did a crime named before it ("beaten in the lot by an attendee who fled"): the offender. */
function doneBy(words: readonly string[], start: number): boolean {
  let by = start - 1;
  while (by > 0 && start - by <= 3 && !BY.has(words[by]!) && PHRASE_FILLER.has(words[by]!)) by--;
  if (by < 1 || !BY.has(words[by]!)) return false;
  return crimeDoneIn(words, by - 12, by);
}
const BY: ReadonlySet<string> = new Set(['by', 'por', 'przez']);

/** The people ending at `end` as the subject of a crime done to them ("worshippers ... were pelted"). */
function sufferedCrime(words: readonly string[], end: number): boolean {
  for (let j = end + 1; j <= end + 5 && j < words.length - 1; j++) {
    if (PASSIVE.has(words[j]!) && anyPhraseIn(words, j + 1, j + 2, INVESTIGATIVE_CUES)) return true;
  }
  // Or, as reports write it, without the auxiliary ("a union member intentionally struck by a car",
  // "worshippers at the mosque threatened with a handgun")
  return crimeDoneIn(words, end + 1, end + 5);
}

/** Some word from `from` to before `to` is a crime word in the past participle (isCrimeDone). */
function crimeDoneIn(words: readonly string[], from: number, to: number): boolean {
  for (let j = Math.max(0, from); j < Math.min(to, words.length); j++) if (isCrimeDone(words, j)) return true;
  return false;
}

/**
 * The word at `j` is a crime word in the past ("assaulted", "stolen", "struck"; Spanish
 * "amenazó", "golpeado"; Polish "pobili", "ukradła"): the people after it are what it was done to.
 */
function isCrimeDone(words: readonly string[], j: number): boolean {
  return /(ed|en|shot|beat|struck|hit|o|aron|ado|ada|ados|adas|ido|ida|l|la|li|ly)$/.test(words[j]!) && anyPhraseIn(words, j, j + 1, INVESTIGATIVE_CUES);
}

/** The people at `start` as owners of a thing named before them ("el carro de una asistente", "samochód uczestnika"). */
function ownsThing(words: readonly string[], start: number): boolean {
  let before = start - 1;
  while (before >= 0 && ['una', 'un', 'la', 'el', 'los', 'las'].includes(words[before]!)) before--;
  if (before >= 1 && (words[before] === 'de' || words[before] === 'del')) return anyPhraseIn(words, before - 1, before, OWNED_THINGS);
  return anyPhraseIn(words, start - 1, start, OWNED_THINGS);
}

/**
 * Does the text name a crime or a person in danger that has happened, not one feared ("before
 * something goes missing"), one it admits is a cover ("not really"), a lawful cause that holds a
 * crime word ("gun rights"), an assessment ("threat assessment") or the cause a gathering is held
 * for ("a vigil for the man shot")?
 */
function namesCrime(tokens: readonly ScreenToken[]): boolean {
  const words = tokens.map((t) => t.word);
  if (anyPhraseIn(words, 0, words.length, PRETEXT_CUES) || saysLawful(tokens)) return false;
  const crimeAt = words.map((_, i) => anyPhraseIn(words, i, i + 1, INVESTIGATIVE_CUES));
  // A crime word denied once is denied wherever it stands ("Endangered person? She's not endangered").
  const deniedWords = new Set(words.filter((w, i) => crimeAt[i] && (denied(words, i) || answeredNo(tokens, i))));
  // A person said to be neither missing nor in danger is not one to check on: the danger words all fall together.
  const safe = words.some((w, i) => deniedWords.has(w) && anyPhraseIn(words, i, i + 1, DANGER_CUES));
  for (let i = 0; i < words.length; i++) {
    if (!crimeAt[i] || anyPhraseIn(words, i - 3, i, HYPOTHETICAL_CUES) || deniedWords.has(words[i]!) || (safe && anyPhraseIn(words, i, i + 1, DANGER_CUES))) continue;
    if (anyPhraseIn(words, i - 1, i + 1, LAWFUL_CAUSES) || phraseAt(words, i, ASSESSMENTS) || anyPhraseIn(words, i - 5, i, CAUSE_LEADS)) continue;
    return true;
  }
  return false;
}

/** A person in danger, in the words that make a check on them lawful ("a welfare check", "missing", "at risk"). */
const DANGER_CUES: readonly string[] = ['missing', 'endanger', 'welfare check', 'runaway', '=at =risk', 'danger', 'desaparec', 'zaginion'];

/** Words that deny the crime word after them ("not reported stolen", "it was never stolen", "no theft"). */
const DENIALS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'isnt', 'wasnt', 'arent', 'werent', 'nunca', 'nie', 'nigdy']);
/** Words a denial may stand before, ahead of the crime word ("not reported stolen", "not been stolen"). */
const DENIED_VIA: ReadonlySet<string> = new Set(['reported', 'been', 'listed', 'a', 'an', 'actually', 'really', 'ever', 'fue', 'zostal', 'zostala', 'jest', 'esta', 'crim', 'criminal', 'felony',
  // "no specific threat", "no credible threat", "no known crime"
  'specific', 'credible', 'actual', 'real', 'known']);

/** The crime word at `i` is denied: a denial just before it, or two before with one of DENIED_VIA between. */
function denied(words: readonly string[], i: number): boolean {
  return (i >= 1 && DENIALS.has(words[i - 1]!)) || (i >= 2 && DENIALS.has(words[i - 2]!) && DENIED_VIA.has(words[i - 1]!));
}

/** Answers that deny what was asked, standing alone ("felony? no."; not "missing? no contact since Friday"). */
const ANSWERS_NO: ReadonlySet<string> = new Set(['no', 'nope', 'nah', 'nie']);

/** The crime word at `i` is asked about and answered no: a question mark after it or one of the next two words, then a lone "no". */
function answeredNo(tokens: readonly ScreenToken[], i: number): boolean {
  for (let j = i; j <= i + 2 && j + 1 < tokens.length; j++) {
    const answer = tokens[j + 1]!;
    if (tokens[j]!.follows === '?' && ANSWERS_NO.has(answer.word) && !/[\p{L}\p{N}]/u.test(answer.follows)) return true;
  }
  return false;
}

/** Words that say the conduct itself is lawful when "legal" follows them ("it's legal", "perfectly legal"). */
const LAWFUL_SAYERS: ReadonlySet<string> = new Set(['its', 'thats', 'perfectly', 'totally', 'completely', 'entirely', 'fully']);

/** Words after "legal" that keep it a predicate ("legal now", "legal in Illinois"). */
const LAWFUL_WHERE: ReadonlySet<string> = new Set(['now', 'here', 'there', 'in', 'anyway', 'anyways']);

/**
 * The text says what it describes is lawful ("smokes weed on his porch (legal)", "it's totally
 * legal now"): "legal" or "lawful" in brackets, or after one of LAWFUL_SAYERS, ending its clause
 * or followed by where or when. Not "legal counsel" or "a legal guardian": a noun follows it there.
 */
function saysLawful(tokens: readonly ScreenToken[]): boolean {
  return tokens.some((t, i) => (t.word === 'legal' || t.word === 'lawful') && i > 0
    && (!/[\p{L}\p{N}]/u.test(t.follows) || LAWFUL_WHERE.has(tokens[i + 1]?.word ?? ''))
    && (LAWFUL_SAYERS.has(tokens[i - 1]!.word) || tokens[i - 1]!.follows === '('));
}

/** The offenders of PERPETRATORS, without the words for one person or car that it also holds. */
const OFFENDERS = PERPETRATORS.filter((p) => !p.startsWith('='));

/** Words `from` to `to` name someone (not only small words and numbers) and none of REQUESTERS_IN_CASE. */
function namesOutsider(words: readonly string[], from: number, to: number): boolean {
  const named = words.slice(from, to).some((w) => !PHRASE_FILLER.has(w) && !/^\d+$/.test(w));
  return named && !anyPhraseIn(words, from, to, REQUESTERS_IN_CASE);
}

/** How many words before a verb of asking are read as its subject. */
const SUBJECT_WORDS = 8;

/**
 * A request made by someone outside law enforcement ("the camera supplier asked for last week's
 * reads", "a local store wants to know..."): a verb of asking whose subject, the few words before
 * it, names someone and holds no officer, unit, prosecutor, pronoun, victim or family word. The
 * requester nouns are endless (vendors, boards, stores, reporters...); who may ask is a short list.
 * Read only where no crime or offender is named (screen()).
 */
function outsideRequest(words: readonly string[]): Match | null {
  for (let i = 1; i < words.length; i++) {
    const verb = phraseAt(words, i, REQUEST_VERBS);
    if (!verb) continue;
    const from = Math.max(0, i - SUBJECT_WORDS);
    if (namesOutsider(words, from, i)) return { start: from, end: verb.end };
  }
  return null;
}

/** Words after what is handed over that name whom it goes to. */
const TO_WHOM: ReadonlySet<string> = new Set(['to', 'with']);

/**
 * Reads handed to someone outside law enforcement ("give the youth soccer league a list of
 * plates", "forward the plate reads to the university's lab"): a verb of handing over, then what
 * is handed (SHARED_THINGS), the recipient after "to" or "with" just after it, else between the
 * verb and the thing; refused when the recipient holds none of REQUESTERS_IN_CASE. No recipient
 * named ("send the reads for case 26-001"), nothing is read into it.
 */
function outsideRecipient(words: readonly string[]): Match | null {
  for (let i = 0; i < words.length; i++) {
    if (!phraseAt(words, i, GIVING_VERBS)) continue;
    let thing = i + 1;
    while (thing < Math.min(words.length, i + 8) && !phraseAt(words, thing, SHARED_THINGS)) thing++;
    if (thing >= Math.min(words.length, i + 8)) continue;
    let to = thing + 1;
    while (to < Math.min(words.length, thing + 4) && !TO_WHOM.has(words[to]!)) to++;
    const [from, end] = to < Math.min(words.length, thing + 4) ? [to + 1, Math.min(words.length, to + 7)] : [i + 1, thing];
    if (namesOutsider(words, from, end)) return { start: i, end: Math.max(thing, end - 1) };
  }
  return null;
}

/** Agency words next to "ice" that make it Immigration and Customs Enforcement. */
const ICE_AGENCY = ['agent', 'officer', 'detain', 'warrant', 'hold', 'request', 'ero', 'hsi', 'custod', 'raid', 'assist', 'deport', 'immigra', 'federal', 'operation',
  'fugitive', 'enforc', 'asked', 'want', 'dhs', 'help', 'agenci', 'agencj', 'oficial', 'funkcjonariusz', 'inform', 'tip', 'report', 'notify', 'contact', 'share', 'send'];
/** Words next to "ice" that make it frozen water. */
const ICE_THING = ['cream', 'cube', 'rink', 'storage', 'skat', 'hockey', 'machine', 'chest', 'pack', '=tea', 'coffee', 'maker', 'box', 'cold', 'pick', 'fish',
  'sculpt', 'scrap', 'shaved', 'dry', 'thin', 'crushed', 'black', 'cooler', 'bag', 'truck', 'cap', 'water', 'road', 'patch', 'slipp', 'icy', 'frozen', 'melt', '=age'];

/** An agency's people, who can be a crime's victims like anyone else. */
const AGENCY_PEOPLE = ['=agent', '=agents', '=officer', '=officers', '=employee', '=employees', '=staff', '=attorney', '=attorneys', '=sa', '=special =agent', '=trooper'];

/**
 * The agency named ending at `end` (ICE, HSI, the Border Patrol) names the victims of a crime done
 * to its people or to what they own ("an ICE officer battered", "a border patrol agent's car
 * stolen"): its people, then within five words a crime word in the past participle, and no verb
 * of asking between (an agent who asks for reads is a requester, whatever crime the request names).
 */
function agencySufferedCrime(words: readonly string[], end: number): boolean {
  const people = end + 1 < words.length ? phraseAt(words, end + 1, AGENCY_PEOPLE) : null;
  if (!people) return false;
  for (let j = people.end + 1; j <= people.end + 5 && j < words.length; j++) {
    if (phraseAt(words, j, REQUEST_VERBS)) return false;
    // "battered", "was taken at gunpoint", or "was the victim of an armed carjacking"
    if (isCrimeDone(words, j) || (PASSIVE.has(words[j]!) && anyPhraseIn(words, j + 1, j + 4, INVESTIGATIVE_CUES))) return true;
    if (PASSIVE.has(words[j]!) && words.slice(j + 1, j + 3).includes('victim')) return true;
  }
  return false;
}

/** A token whose following character ends a sentence or a bracket. */
const endsSentence = (t: ScreenToken | undefined) => t === undefined || /[.;:!?()]/.test(t.follows);

/**
 * The second requests beside the first, as [from, to) token ranges: from an add-on word (ADD_ON_STARTS
 * at the start of a sentence or bracket, or ADD_ONS anywhere) to the end of its sentence, where the
 * words ask for a search (SEARCH_VERBS). An add-on that asks for nothing ("Also, the victim is
 * undocumented") is part of the case it follows.
 */
function addOns(tokens: readonly ScreenToken[]): Array<[number, number]> {
  const words = tokens.map((t) => t.word);
  const parts: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i++) {
    const start = (i === 0 || endsSentence(tokens[i - 1])) && phraseAt(words, i, ADD_ON_STARTS);
    if (!start && !phraseAt(words, i, ADD_ONS)) continue;
    // To the end of its sentence; an add-on that ends one itself ("P.S.", "Second thing:") runs to the end of the next.
    let end = (start || phraseAt(words, i, ADD_ONS))!.end;
    if (endsSentence(tokens[end]) && end < words.length - 1) end++;
    while (end < words.length - 1 && !/[.;!?()]/.test(tokens[end]!.follows)) end++;
    if (anyPhraseIn(words, i, end + 1, SEARCH_VERBS)) parts.push([i, end + 1]);
    i = end;
  }
  return parts;
}

/** Words that put what follows them outside the request ("nothing to do with immigration", "nada que ver con inmigración"). */
const UNRELATED: readonly string[] = ['nothing to do with', 'unrelated to', '=not =related =to', 'nada que ver con', '=no =tiene =que =ver =con', 'nic wspolnego z', '=nie =dotyczy'];

/**
 * The words ending at `end` are said to be beside the point ("his immigration status is not
 * relevant", "a fundraiser, which has no bearing"): one of IRRELEVANT within the next five words,
 * with no request and no crime word between (in "ICE wants the reads, the theft is irrelevant" it
 * is the theft that is).
 */
function saidIrrelevant(words: readonly string[], end: number): boolean {
  for (let j = end + 1; j <= end + 5 && j < words.length; j++) {
    if (phraseAt(words, j, IRRELEVANT)) return true;
    if (phraseAt(words, j, REQUEST_VERBS) || anyPhraseIn(words, j, j + 1, INVESTIGATIVE_CUES)) return false;
  }
  return false;
}

/** Verbs between a denial and the agency it keeps out ("do not contact ICE"). */
const KEEP_OUT_VERBS: ReadonlySet<string> = new Set(['contact', 'call', 'notify', 'tell', 'inform', 'alert', 'involve', 'for', 'to']);

/** The agency at `i` is kept out of the case: a denial just before it, or a denial and one of KEEP_OUT_VERBS. */
function keptOut(words: readonly string[], i: number): boolean {
  const denial = (w: string | undefined) => w !== undefined && (DENIALS.has(w) || w === 'dont');
  return denial(words[i - 1]) || (denial(words[i - 2]) && KEEP_OUT_VERBS.has(words[i - 1]!));
}

/** The user as the object of the sentence, in the screen's languages. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['me', 'myself', 'mnie', 'mi']);

/**
 * The second line of defence behind the structured offense category: reads a description in
 * English, Spanish or Polish for a use General Order 4.68 prohibits. It folds Unicode look-alikes
 * and invisible characters first, matches stems and near-miss spellings, and knows the agencies'
 * abbreviations. It cannot prove intent: a user who hides the purpose in innocent words passes it.
 */
export class PurposeScreen {
  private readonly lexicon: Lexicon;

  /** `extra`: terms a department adds per category (policy file); they add to the built-in lexicon. */
  constructor(extra: Readonly<Record<string, readonly string[]>> = {}) {
    const merged: Record<string, ScreenTerm[]> = Object.fromEntries(Object.entries(DEFAULT_LEXICON).map(([k, v]) => [k, [...v]]));
    for (const [category, terms] of Object.entries(extra)) {
      (merged[category] ??= []).push(...terms.map((t) => ({ words: foldText(t).toLowerCase().split(/\s+/).filter(Boolean) })));
    }
    this.lexicon = merged;
  }

  /**
   * A request with a second one beside it ("stolen Civic, case 24-100. While you're at it, track
   * the organizers of Saturday's march") is screened as its parts: the crime one part names does
   * not let another part's protected words through (addOns).
   */
  screen(text: string): ScreenFinding[] {
    const { tokens, allCaps } = tokenize(text);
    const parts = addOns(tokens);
    if (parts.length === 0) return this.screenTokens(tokens, allCaps);
    const inAddOn = new Set(parts.flatMap(([from, to]) => Array.from({ length: to - from }, (_, k) => from + k)));
    const findings = [tokens.filter((_, i) => !inAddOn.has(i)), ...parts.map(([from, to]) => tokens.slice(from, to))].flatMap((part) => this.screenTokens(part, allCaps));
    return findings.filter((f, i) => findings.findIndex((g) => g.category === f.category) === i);
  }

  private screenTokens(tokens: readonly ScreenToken[], allCaps: boolean): ScreenFinding[] {
    const words = tokens.map((t) => t.word);
    const owners = tokens.map((t) => t.possessive);
    const joined = words.map((_, i) => splitWords(words, i));
    // A named crime, or a personnel or audit matter (IX), lets protected events, places and classes
    // and personal words through, unless the text aims at their people.
    // A personnel matter in the first person ("complained about me to internal affairs") is the
    // user's own grievance, not an audit of someone's use.
    const firstPerson = words.some((w) => FIRST_PERSON.has(w));
    const reason = namesCrime(tokens) || (!firstPerson && anyPhraseIn(words, 0, words.length, ADMINISTRATIVE_CUES));
    const denied = deniedInClause(tokens);
    const investigative = reason && !aimsAtPeople(tokens.map((t) => (t.possessive ? '' : t.word)), denied) && !asksTheirCars(tokens, denied);
    const startingWith = new Map<string, number[]>();
    words.forEach((word, i) => {
      const at = startingWith.get(word[0]!);
      if (at) at.push(i);
      else startingWith.set(word[0]!, [i]);
    });
    const findings: ScreenFinding[] = [];
    const seen = new Set<string>();
    const found = (category: string, term: string, match: Match) => {
      if (seen.has(category)) return;
      seen.add(category);
      findings.push({ category, term: term.replace(/(^| )=/g, '$1'), matched: tokens.slice(match.start, match.end + 1).map((t) => t.raw).join(' ') });
    };

    for (const [category, terms] of Object.entries(this.lexicon)) {
      for (const term of terms) {
        if (term.context && investigative) continue;
        for (const i of startingWith.get(firstLetter(term.words[0]!)) ?? []) {
          if (seen.has(category)) break;
          let match = matchPhrase(words, i, term.words);
          if (!match && term.words.length === 1 && !term.words[0]!.startsWith('=') && !matchesStem(words[i]!, term.words[0]!)) {
            const parts = joined[i]!.find((split) => splitHolds(words, i, split, term.words[0]!));
            match = parts ? { start: i, end: i + parts[1] - 1 } : null;
          }
          if (match && this.holds(term, words, match, owners) && !(investigative && this.namesPlace(term, words, match)) && !anyPhraseIn(words, match.start - 5, match.start, UNRELATED)
            && !(reason && (saidIrrelevant(words, match.end) || denied[match.start]))
            && !(category === 'immigration enforcement' && agencySufferedCrime(words, match.end))) found(category, term.words.join(' '), match);
        }
      }
    }
    const ice = this.findIce(tokens, words, allCaps, reason);
    if (ice !== null) found('immigration enforcement', 'ICE', { start: ice, end: ice });
    // The last resort: a request from or for someone outside law enforcement, where nothing else
    // was found (an immigration agency asking is refused as immigration enforcement, not twice)
    // and no crime or offender is named ("the store manager wants the suspect identified" is a case).
    const caseNamed = reason || anyPhraseIn(words, 0, words.length, OFFENDERS);
    const request = caseNamed || findings.length > 0 ? null : outsideRequest(words) ?? outsideRecipient(words);
    if (request) found('personal or non-law-enforcement use', 'a request from outside law enforcement', request);
    return findings;
  }

  /** The term's conditions around a match. */
  private holds(term: ScreenTerm, words: readonly string[], match: Match, owners: readonly boolean[]): boolean {
    const first = words[match.start]!;
    if (term.owns && !(owners[match.end] && anyPhraseIn(words, match.end + 1, match.end + 4, term.owns))) return false;
    if (term.except?.some((e) => squeeze(first).startsWith(squeeze(e)))) return false;
    if (term.next) {
      // The next word, or the one after a modifier ("my adult daughter")
      const next = NEXT_MODIFIERS.has(words[match.end + 1] ?? '') ? match.end + 2 : match.end + 1;
      if (!(next < words.length && term.next.some((s) => matchesStem(words[next]!, s)))) return false;
    }
    if (term.notBefore && match.end + 1 < words.length && term.notBefore.some((s) => matchesStem(words[match.end + 1]!, s))) return false;
    if (term.notAfter && anyPhraseIn(words, match.start - 2, match.start, term.notAfter)) return false;
    if (term.near && !anyPhraseIn(words, match.start - 4, match.end + 5, term.near)) return false;
    if (term.anywhere && !anyPhraseIn(words, 0, words.length, term.anywhere)) return false;
    if (term.notAnywhere && anyPhraseIn(words, 0, words.length, term.notAnywhere)) return false;
    return true;
  }

  /**
   * The term followed by one of its `place` words (an abortion clinic), next or one word on, or in
   * Spanish and Polish order preceded by one up to three words before ("clínica de salud
   * reproductiva", "kliniki aborcyjnej"): a place a crime can happen at.
   */
  private namesPlace(term: ScreenTerm, words: readonly string[], match: Match): boolean {
    const isPlace = (at: number) => at >= 0 && at < words.length && term.place!.some((s) => matchesStem(words[at]!, s));
    // The place word next, or after one more ("a reproductive health clinic")
    return term.place !== undefined && ([1, 2].some((k) => isPlace(match.end + k)) || [1, 2, 3].some((k) => isPlace(match.start - k)));
  }

  /**
   * "ICE" the agency, not ice: written ICE in text that is not all capitals, or next to an
   * agency word (agents, detainer, asked...), and never next to a thing made of ice (ice cream)
   * nor after words that make its agents impostors (fake ICE agents).
   */
  private findIce(tokens: readonly ScreenToken[], words: readonly string[], allCaps: boolean, reason: boolean): number | null {
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== 'ice' || anyPhraseIn(words, i - 3, i, IMPOSTORS)) continue;
      // Kept out of the case, not asked ("do NOT contact ICE", "not for ICE"): the ICE terms themselves (an ICE hold) still count
      if (keptOut(words, i) || (reason && saidIrrelevant(words, i))) continue;
      if (anyPhraseIn(words, i - 1, i, ICE_THING) || anyPhraseIn(words, i + 1, i + 2, ICE_THING) || agencySufferedCrime(words, i)) continue;
      const capitalised = tokens[i]!.raw === 'ICE' && !allCaps;
      if (capitalised || anyPhraseIn(words, i - 3, i + 4, ICE_AGENCY)) return i;
    }
    return null;
  }
}
