import { ADMINISTRATIVE_CUES } from './cues.js';

/**
 * What the purpose screen looks for, by the category of General Order 4.68 it would breach, in
 * English, Spanish and Polish. Every word is written folded (lower case, no diacritics: "ł" is
 * "l") and is a stem: it matches any word that starts with it, and a near-miss spelling of it when
 * the stem has 6 letters or more and the word is not an English word ("imigration",
 * "immigartion"). A stem written `=ice` must be the whole word.
 *
 * The lists name the categories' own vocabulary (agencies, acts, places, people), not the test
 * phrasings: see test/fixtures/purpose-corpus/ for how well they do on text they were not tuned on.
 */
export interface ScreenTerm {
  /** One stem, or several in order (a phrase; small words such as "the", "de", "w" between them are skipped). */
  words: string[];
  /**
   * A protected event, place or class (a church, a rally, a religion): refuses only when the text
   * names no crime and no missing or endangered person. A robbery at a church is investigable; the
   * congregation is not.
   */
  context?: boolean;
  /** Refuses only when one of these stems is within 4 words either side. */
  near?: string[];
  /** Refuses only when one of these phrases is anywhere in the text (a meeting, and who came to it). */
  anywhere?: string[];
  /** Refuses only when the next word is one of these stems. */
  next?: string[];
  /** Not when one of these stems is within 2 words before. */
  notAfter?: string[];
  /** Not when the next word is one of these stems. */
  notBefore?: string[];
  /** Not when one of these phrases is anywhere in the text (the petitioner of an order of protection is the person it protects). */
  notAnywhere?: string[];
  /**
   * Refuses only when the word is written as an owner ('s) of one of these within the next three
   * words ("daughter's new boyfriend", "a colleague's partner"): a relative's or colleague's own life.
   */
  owns?: string[];
  /** Not when the word starts with one of these (trafficking is a felony, traffic is not). */
  except?: string[];
  /**
   * When the next word is one of these, the term names a place or its staff (an abortion clinic, a
   * provider) and is treated as `context`: arson at the clinic is investigable, its patients are not.
   */
  place?: string[];
}

export type Lexicon = Readonly<Record<string, readonly ScreenTerm[]>>;

/** Traffic words beside a named crime describe where it happened (a robbery at a traffic light). */
const asContext = (terms: ScreenTerm[]): ScreenTerm[] => terms.map((t) => ({ ...t, context: true }));
const w = (phrase: string, options: Omit<ScreenTerm, 'words'> = {}): ScreenTerm => ({ words: phrase.split(' '), ...options });
const each = (stems: string, options: Omit<ScreenTerm, 'words'> = {}): ScreenTerm[] => stems.split(/\s*,\s*/).map((s) => w(s, options));

/**
 * Persons, for class words that describe people rather than things ("black drivers", not "black
 * Camry"); a surname stands for its bearer ("an Irish surname").
 */
const PEOPLE = ['surname', '=name', '=names', 'apellido', 'nazwisk', 'driver', 'people', 'person', 'men', 'man', 'male', 'woman', 'women', 'female', 'family', 'famil', 'owner', 'resident', 'kid', 'teen', 'youth', 'guy',
  'communit', 'neighbo', 'folk', 'customer', 'worker', 'individual', 'couple', 'visitor', 'student', 'persona', 'gente', 'conductor', 'kierowc', 'osob', 'ludz'];
/**
 * A protected community's own events and places ("the Korean cultural center", "the Polish
 * heritage picnic", "a Deaf coffee night"): an ethnicity or disability named before one of these
 * picks out the community as surely as one named before a person.
 */
const COMMUNITY_EVENTS = ['social', 'support group', 'support circle', 'story hour', 'storytime', 'story time', 'book club', 'playgroup', 'play group', 'potluck', 'picnic', 'celebrat',
  'festival', '=fest', 'fellowship', 'heritage', 'cultural', 'community', 'center', 'centre', 'bingo', 'brunch', 'dance', '=gala', '=prom', 'mixer', 'meetup', 'coffee', 'game night', 'movie night',
  'youth group', '=camp', '=service', '=services', '=class', '=classes', 'workshop', 'fundraiser', 'bazaar', '=fair', 'concert', 'parade', 'gathering', 'dinner', '=club', 'retreat', '=night',
  'program', 'church', 'school', 'association', 'society', 'club', 'choir', 'league', 'assembl'];
/**
 * Watching who comes to a place rather than an event ("who comes and goes at the party
 * headquarters", "the regulars at the newspaper office", "whose cars are in the lot of"): with an
 * organising office, a newsroom, a lawyer's office or a gathering, the people aimed at are its visitors.
 */
const VISITING = ['=comes =and =goes', '=come =and =go', '=coming =and =going', '=goes =in =and =out', '=going =in =and =out', '=go =in =and =out', '=in =and =out', '=who =visits', '=who =visit',
  '=everyone =who =visits', '=visits =the', '=visit =the', 'visiting', 'visitor', 'frequent', 'regulars', '=stopping =by', '=stops =by', '=stopped =by', '=drops =by', '=dropping =by',
  '=pulls =into', '=pull =into', '=pulled =into', '=whose =car', '=whose =cars', '=in =the =lot', '=lot =of', '=lot =behind', '=parked =at', '=plates =in'];
/**
 * Words that aim at who attends a gathering, anywhere in the text ("the forum at the library ...
 * get plates of those who attended"): with one of them, any meeting or event is a lawful event whose
 * participants V.C protects, whatever its cause.
 */
const ATTENDING = ['attend', 'who came', 'who comes', 'who come', 'who showed', 'who shows', 'who show', 'showed up', 'shows up', 'show up', 'turned out', 'turn out', 'who went', 'who goes', 'who go to',
  'who was there', 'who was at', 'who were', 'whos active', 'who is active', 'keep tabs', 'keeping tabs', 'keep an eye', 'keep track', 'monitor', 'roster', 'head count', 'headcount', 'sign in',
  'everyone', 'everybody', 'every car', 'every vehicle', 'every plate', 'all plates', 'all cars', 'all vehicles', 'list of', 'list the', 'list all', 'people at', 'people who', 'those who', 'those at',
  'plates at', 'plates from', 'plates of', 'cars at', 'vehicles at', 'member', 'participant', 'asist', 'acudi', 'quienes', 'todos los', 'uczestn', '=kto', 'wszyscy', 'wszystki', 'obecn',
  // who went, and the plates there, in Spanish, Tagalog and Vietnamese ("quién fue a la junta", "sino ang dumalo", "ai đã đến")
  '=quien =fue', '=quien =estuvo', '=quienes =estuvieron', '=los =que =estuvieron', '=los =que =fueron', '=quien =vino', '=placas =de', '=placas =en', '=tablice =aut',
  'dumalo', '=sino =ang', '=plaka', '=ai =da =den', '=ai =den', '=tham =du', '=bien =so', ...VISITING];
/** Where reproductive health care is given, and who gives it. */
const CARE_PLACES = ['clinic', 'provider', 'doctor', 'facilit', 'center', 'centre', 'office', 'klinik', 'lekarz', 'gabinet', 'osrod'];
/** "My ..." before one of these is the user's own life, not a case. */
const RELATIONS = ['=ex', '=exs', 'exwife', 'exhusband', 'exgirl', 'exboy', 'wife', 'husband', 'spouse', 'girlfriend', 'boyfriend', '=gf', '=bf', 'daughter', '=son', '=sons', '=kid', '=kids', 'child', 'neighbo', 'landlord',
  'tenant', 'sister', 'brother', '=mom', '=moms', 'mother', '=dad', '=dads', 'father', 'cousin', 'friend', 'buddy', 'roommate', 'famil', 'niece', 'nephew', '=aunt', 'uncle', 'fiance'];
/** Step-relations and in-laws, which "daughter" and "brother" do not match as stems. */
/** Words that make a business, a school or a board one asking for reads ("the vendor wants", "give the school"). */
const ASKING = ['want', '=ask', 'asked', 'asking', 'request', '=need', '=needs', 'wonder', 'curious', '=give', '=send', '=share', 'provid', '=hand', '=email', '=forward', '=upload', '=transfer'];
const STEP_KIN = ['stepdaughter', 'stepson', 'stepdad', 'stepmom', 'stepfather', 'stepmother', 'stepkid', 'stepchild', 'stepsister', 'stepbrother', '=in =law', '=in =laws'];
const RELACIONES = ['=ex', 'exnovi', 'exespos', 'exmujer', 'exmarido', 'expareja', 'pareja', 'esposa', 'esposo', 'novia', 'novio', 'vecin', '=hija', '=hijo', 'hermana', 'hermano', 'amig', 'suegr', 'cunad', '=primo', '=prima'];
const KREWNI = ['byla', 'byly', 'bylej', 'bylego', 'zona', 'zony', '=maz', '=meza', 'corka', 'corki', '=syn', '=syna', 'sasiad', 'dziewczyn', 'chlopak', 'kolega', 'kolezank', 'znajom', '=brat', 'siostr', 'tesc', 'szwagier', 'szwagr', 'bratow', 'synow', '=ziec', '=zieci', 'kuzyn', 'wujek', 'wujk', 'ciotk'];

/** An order of protection and its parties: the person it protects, and the former partner it is against, are a case's. */
const PROTECTION_ORDERS = ['order =of protection', 'protection order', 'protective order', 'restraining order', 'no contact order', '=op', 'respondent', 'orden =de proteccion', 'orden =de alejamiento', 'demandado', 'nakaz', 'zakaz zblizania'];

/** Coming from another state ("came from Wisconsin for a procedure"): how travel for care is put. */
const FROM_OTHER_STATES = ['alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii', 'idaho', 'indiana', 'iowa', 'kansas',
  'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'new hampshire', 'new jersey', 'new mexico',
  'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont', 'virginia',
  'washington', 'west virginia', 'wisconsin', 'wyoming'].map((state) => `=from ${state.split(' ').map((w) => `=${w}`).join(' ')}`);

/** Words before an agency's name that make it impostors, whose crime is investigable (fake ICE agents extorting families). */
export const IMPOSTORS = ['fake', 'bogus', 'phony', 'phoney', 'impersonat', 'posing as', 'pretend', '=falso', '=falsos', 'falszyw', 'podszyw'];

/** Drugs, arms and people: what is trafficked, so "traffic" next to it is a felony. */
const TRAFFICKED = ['drug', 'narcot', 'human', 'sex', 'arms', 'weapon', 'gun', 'firearm', 'person', 'child', 'labor', 'organ', 'cocaine', 'heroin', 'fentanyl', 'opioid',
  'meth', 'droga', 'persona', 'arma', 'narkoty', 'ludz', 'bron'];

export const DEFAULT_LEXICON: Lexicon = {
  // V.E
  'traffic enforcement': asContext([
    w('traffic', {
      except: ['traffick', 'traficant', 'trafficant'],
      notBefore: ['in', 'de', 'light', 'signal', 'camera', 'cam', 'video', 'footage', 'circle', 'jam', 'king'],
      notAfter: ['in', 'into', 'through', 'oncoming', 'heavy', 'against', 'across', 'thru', ...TRAFFICKED],
    }),
    ...each('speeding, speeder, speed camera, speed enforc, speed trap, speed limit, speed zone, radar gun, fotoradar, radar predkos'),
    ...each('parking ticket, parking violat, parking complain, parking citat, parking enforc, parking fine, parking meter, illegal park, illegally park, double park, parked illegal'),
    // Parking debts and the boot, and equipment on the car, in officers' shorthand
    ...each('=tix, unpaid parking, parking debt, =scofflaw, =scofflaws, boot list, =booted, =boot =it, =boot =vehicle, =boot =car, =for =boot, =tint, window tint, equipment violation, equipment viol'),
    ...each('estacionamiento ilegal, estacionado ilegal, mal estacionad, parkowanie niedozwol, nieprawidlowe parkowan, parkowanie w miejscu'),
    // A ticket, double parking, in Spanish and Polish ("para multarlo", "wlepić mandat")
    ...each('doble fila, =multar, =multarlo, =multarla, =multarlos, =multa, =multas, =mandat, =mandatu, =mandatem, =wlepic', { context: true }),
    // Moving violations put plainly, and writing the ticket ("rolled through the stop", "tags ran out", "so I can write it up")
    ...each('following too closely, following to closely'),
    ...each('=tailgated =me, =tailgating =me, =rolled =through =the =stop, =rolled =the =stop, =ran =the =stop, =blew =the =stop, =blew =through =the =stop, prohibited left, illegal left, =no =left =turn, =illegal =u =turn, =illegal =uturn, prohibited turn, '
      + '=signal =turns =red, =signal =turned =red, =light =turns =red, =light =turned =red, =notices =can =go =out, =notices =to =the =owners, =send =notices, '
      + '=tags =ran =out, =tag =ran =out, =registration =ran =out, =sticker =ran =out, =write =it =up, =write =him =up, =write =her =up, =write =them =up, =to =write =it, =to =write =him, =to =write =her, =to =write =them', { context: true }),
    // Speed put as numbers ("doing 45 in a 30")
    ...each(['15', '20', '25', '30', '35', '40', '45', '50', '55', '60', '65'].map((limit) => `=in =a =${limit}`).join(', '), { context: true, near: ['doing', 'going', 'speed', 'drivers', 'driving', 'mph', 'zone'] }),
    // Parking without a permit and the tow that follows, where no crime is named ("park in Lot C without permits, so we can tow")
    ...each('=without =a =permit, =without =permits, =without =permit, =no =permit, =no =permits, parking permit, parking pass, permit parking, =so =we =can =tow, =tow =them, =tow =it, =get =them =towed, =have =them =towed', { context: true }),
    ...each('red light', { near: ['ran', 'run', 'runn', 'camera', 'violat', 'ticket', 'fine', 'blew', 'through'] }),
    ...each('semaforo rojo, czerwon swietl, czerwon swiatl'),
    ...each('citation, =cite, =cited, ticket driver, ticket owner, ticket him, ticket her, ticket them, issue ticket, write ticket, send ticket, traffic ticket, speeding ticket, =multa, =multas, mandat, infraccion, wykroczen, drogow'),
    ...each('ticket', { notAfter: ['lottery', 'concert', 'train', 'plane', 'airline', 'movie', 'show', 'pawn', 'raffle', 'game', 'event', 'boleto'] }),
    ...each('moving violation, seatbelt, seat belt, cinturon segur, pas bezpieczen, fail yield, failure yield, illegal turn, illegal =u turn, =u turn, tailgat, stop sign, rolling stop, reckless driv, careless driv, street racing, drag racing, drag race, jaywalk, hydrant, tinted window, window tint, loud exhaust, loud muffler'),
    ...each('expired, vencid, overdue, lapsed, wygasl, niewazn', { near: ['registr', '=reg', '=regs', 'plate', 'tag', 'sticker', 'licen', 'insur', 'inspect', 'emission', 'smog', 'safety test', 'placa', 'registro', 'seguro', 'tablic', 'ubezpiecz', 'przeglad', 'prawo jazd'] }),
    ...each('suspended, revoked, suspendid, revocad, zawieszon, cofnie, =susp, =suspd', { near: ['licen', 'driv', 'permiso', 'prawo', 'jazd', '=dl', '=dls'] }),
    // Writing a ticket in the patrol's own words ("write him")
    ...each('=write =him, =write =her, =write =them, =writing =him, =writing =her, =writing =them'),
    ...each('without licen, =no licen, unlicensed, =no insurance, =no =ins, =no =insur, =w =o =ins, =without =ins, uninsured, sin licencia, sin seguro, bez prawa jazd, bez ubezpiecz, toll evas, toll violat, unpaid toll, tollway, peaje, oplat drogow'),
    ...each('exceso velocidad, limite velocidad, przekrocz predkos, ograniczen predkos, kontrola drogow, too fast, za szybk, demasiado rapid, =mph, =kmh, school zone, zona escolar'),
    ...each('too slow, left lane, lane change, changing lanes, plate light, honk, weight limit, overweight truck, dozwolon predkos, bez wazn przeglad, przeglad techniczn'),
    ...each('celular, telefon, komork, =phone, =phones, cellphone, cell phone, mobile phone, smartphone', { near: ['manej', 'conduc', 'jazd', 'kierow', 'prowadz', 'driv', 'wheel', 'volante', 'kierownic'] }),
    ...each('emission, smog check, smog test', { near: ['test', 'overdue', 'fail', 'expir', 'sticker', 'notice', 'check'] }),
    ...each('crosswalk, cross walk, paso peatonal, paso de cebra, przejsci dla piesz', { near: ['block', 'violat', 'yield', 'ticket', '=cite', 'citat', 'roll', 'stopp', 'wait'] }),
    ...each('sin luces, bez swiatel, bez wlaczon swiatel, no headlights, without headlights, lights off'),
    ...each('respet =alto, senal =alto, =paso =alto, znak =stop, znaku =stop'),
    ...each('school bus', { near: ['stop', 'pass', 'fail', 'arm'] }),
    // Idling where an ordinance limits it (outside a school, for minutes on end)
    ...each('idling, idled, =idles, =idle', { near: ['school', '=min', '=mins', 'minutes', 'engine running', 'every morning', 'every day', 'every pickup', 'hour'] }),
    ...each('parked, idling, idled, =idles, blocking, zaparkowan, estacionad, estaciono, =parkuje, =parkowal', { near: ['lawn', 'sidewalk', 'hydrant', 'crosswalk', 'driveway', 'garage', 'entrance', 'bike lane', 'chodnik', 'trawnik', 'acera', 'banqueta', 'zakaz', 'disabled', 'handicap', 'discapacit', 'minusvalid', 'niepelnospraw', 'inwalid', 'fire lane', 'no parking', 'prohibid'] }),
    ...each('=same =spot, =same =space, =hasnt =moved, =not =moved', { near: ['parked', 'sitting', 'weeks', 'days', 'left', 'month'] }),
    ...each('=overnight, =overnite, =permit', { near: ['=park', '=parks', '=parked', '=parking', 'parkng'] }),
    ...each('=hour =limit, =hour =parking, =hour =zone, overtime parking, parking limit, time limit'),
    ...each('abandoned vehicle, abandoned car, abandoned auto, vehiculo abandonado, porzucon samoch, porzucon pojazd, =dinged, door ding'),
    ...each('city sticker, vehicle sticker, fender bender, minor damage, minor accident, minor crash, flipped off, =sped'),
    // Loud cars: exhausts, pipes and mufflers
    ...each('=exhaust, straight pipe, loud pipe, =muffler, mufflers, glasspack, =tlumik, =escape =ruidoso'),
    // A crash with damage only, as CAD writes it ("TC, minor, PD only")
    ...each('=pd =only, property damage only, damage only, =pdo =crash, =pdo =accident, exchange of info, exchange info, exchanged info, exchange information, exchanged information'),
    ...each('toll', { near: ['pay', 'without', 'evad', 'skip', 'unpaid', 'violat', 'transponder', 'i pass', 'ipass'] }),
    ...each('=cut =me =off, =cut =him =off, =cut =her =off, =cut =us =off'),
    ...each('excessive speed, excess speed, speed complain, =pull =over, =pulled =over, =pulling =over, taillight, tail light, headlight, brake light, front plate, windshield, bez pasow, noise ordinance, loud music, noise complain'),
    ...each('handicap, placard, fire lane, parkowan, koperc, miejsc dla niepelnospraw, texting, distracted driv, phone while driv, celular manej, telefon podczas jazd'),
    // Speed, signals and lanes described without the usual word ("going over the limit", "right on red", "stop arm")
    ...each('=over =limit, =right =red, =turn =red, =stop =arm, =flying =down, =racing =down, =raced =down'),
    ...each('racetrack, race track, speedway, drag strip', { near: ['like', 'treat', 'street', 'road', 'block'] }),
    ...each('bike lane, bus lane, loading zone, =no parking, tow zone', { near: ['block', 'stop', 'park', 'sit', 'idl', 'leav', 'left', 'keep'] }),
    // Street cleaning and a car that is never moved: a tow for the ordinance, not a case
    ...each('street sweep, street clean, sweeper day, tow list, =never =moves, =never =moved, =hasnt =moved, =not =moved =in'),
    // Stunts with a car ("doing donuts in the lot")
    ...each('donut, doughnut, burnout, drifting', { near: ['doing', 'did', 'spin', 'lot', 'intersection', 'street', 'car', 'tire'] }),
    ...each('stunt driv, exhibition driv, =peeling =out, =peeled =out, =peel =out, =revving'),
    // Signals, one-ways and lanes dodged or ignored
    ...each('=dodge =light, =avoid =light, =beat =light, =cutting =through =gas =station, =cut =through =gas =station, =wrong =way, without signal, =signaling, =signalling, turn signal, =nearly =hit, =almost =hit, =nearly =clipped, =near =miss'),
    // The sanction itself, for a driver or owner
    ...each('=written =up, =write =up, =writing =up', { near: ['owner', 'driver', 'motorist', '=ro', 'car', 'vehicle'] }),
    ...each('=violation', { near: ['send', 'mail', 'mailed', 'issue', 'write'] }),
    ...each('mailed warning, written warning, warning letter, violation notice, notice violation'),
    // How the plate is shown: covered, hidden or missing, an equipment matter for a ticket
    ...each('plate display, display violation, obscured plate, plate obscured, obstructed plate, plate obstructed, plate cover, plate frame, =missing =front =plate, =no =front =plate'),
  ]),
  // V.E; VII.I names immigration enforcement among the uses that end sharing
  'immigration enforcement': [
    // Immigration as enforcement refuses; an immigrant as a person (a victim, a witness) is a protected class.
    ...each('immigra, inmigra, imigra', { except: ['immigrant', 'inmigrant', 'imigrant'], notBefore: ['lawyer', 'attorney', '=atty', '=attys', 'advocate', 'rights', 'legal', 'clinic', 'abogad', 'prawnik', 'adwokat', 'service', 'office', 'servicio', 'oficina'] }),
    ...each('immigration lawyer, immigration attorney, immigration =atty, immigration =attys, immigration advocate, immigration rights, immigration service, immigration office, immigration legal, immigration clinic, abogado inmigracion, prawnik imigracyj', { context: true }),
    // An absconder from a removal order, not from parole ("federal partner pickup for absconder, no crim charges")
    ...each('=absconder, =absconders', { near: ['federal', 'removal', '=ice', '=ero', '=dhs', 'deport', '=crim', 'civil', 'immigra', 'order'] }),
    // People called illegal ("pretty sure they're illegal"): the words beside a crime describe its offence instead
    ...each('=theyre =illegal, =they =are =illegal, =hes =illegal, =shes =illegal, =are =illegal, =all =illegal, =probably =illegal, =look =illegal, =looks =illegal, =prolly =illegal', { context: true }),
    ...each('=here =legally, =here =illegally, =here =lawfully, =here =unlawfully, =homeland, =hes =legal, =shes =legal, =is =legal, =are =legal, =theyre =legal, legally here, =legal =or =not, work permit, permiso trabajo, pozwoleni prac, crossed illegal, cross illegal, residency status, residence status, estatus residencia, status rezydent'),
    ...each('without authoriz', { near: ['country', 'here', 'present', 'stay', 'work', 'live', 'reside'] }),
    ...each('=alien, =aliens', { near: ['removal', 'removabl', 'deportabl', 'inadmissib', 'locate', 'illegal', 'deport', 'status', 'registr', 'detain', 'find'] }),
    // The agencies' words for a person they may expel
    ...each('removable alien, deportable alien, inadmissible alien, removable noncitizen, deportable noncitizen, =removable =subject, =removable =target'),
    ...each('lawful status, legaln pobyt, tiene =papeles, tienen =papeles, tenga =papeles, praw pobyt'),
    ...each('foreign national, extranjero nacional, obywatel obc', { context: true }),
    // INS, not the second half of "break-ins", "check-ins" or "sign-ins"
    ...each('=ins', { near: ['case', 'agent', 'hold', 'detain', 'status', 'officer', 'request'], notAfter: ['break', 'broke', 'check', 'sign', 'log', 'walk', 'plug', 'drive', 'call'] }),
    ...each('immigrant, inmigrant, imigrant, migrant', { context: true }),
    ...each('illegal immigrant, inmigrant ilegal, nielegaln imigrant, here illegal, country illegal, illegally present, entered illegal, illegal entry, unlawful presence, unlawfully present, legalnosc pobyt, legalnosci pobyt, zezwoleni pobyt, prawo pobyt'),
    ...each('removal', { near: ['federal', 'immigra', 'agent', '=ice', '=dhs', 'order', 'proceed', 'hearing', 'operation', 'deport'] }),
    ...each('temporary protected status, border cross, crossed border, cross border, port of entry, paso fronteriz, przejsc graniczn'),
    // Papers as status: a crime's victim or witness may have none ("the victim has no papers"), as with "undocumented"
    ...each('lack =papers, lacks =papers, =no =papers, without =papers, has =papers, have =papers, sin papeles, bez papierow', { context: true }),
    ...each('=customs', { near: ['agent', 'officer', 'border', 'enforc', 'request', 'asked', 'want', 'federal'] }),
    ...each('undocument, indocumentad', { context: true }),
    ...each('migratori, migracyj, migracion, migracj, illegal alien, =illegals, alien registr, ilegal extranjer'),
    // Deportation, except as the practice of the victim's lawyer ("robbery of a deportation-defense attorney")
    ...each('deport', { notBefore: ['defens', 'lawyer', 'attorney', 'advocat', 'abogad', 'prawnik', 'adwokat'] }),
    // Status asked for by the federal government, without saying which status ("status check for the feds")
    ...each('=status', { context: true, near: ['=feds', '=fed', 'federal', 'homeland', '=dhs', 'federales'] }),
    // Status as enforcement ("DACA lapsed", "has TPS"); the same word naming a person ("a DACA
    // recipient", "an asylum seeker") is a class, which a crime against that person makes investigable
    ...each('=daca, =tps, green card, =visa, =visas, asylum', { context: true, next: ['recipient', 'holder', 'seeker', 'seeking', 'beneficiar', 'applicant', 'doc', 'document', 'paper'] }),
    ...each('dreamer, asylee', { context: true }),
    ...each('=daca, =tps, green card, asylum', { notBefore: ['recipient', 'holder', 'seeker', 'seeking', 'beneficiar', 'applicant', 'doc', 'document', 'paper'] }),
    ...each('overstay, tarjeta verde, zielon kart, citizenship, noncitizen, non citizen, ciudadania, obywatelstw, removal order, removal proceed, removal operation, enforcement removal, detainer'),
    // A visa is the status document unless it is the payment card (a stolen Visa card).
    ...each('=visa, =visas, wiza, wize, wizy', { notBefore: ['card', 'debit', 'credit', 'gift', 'prepaid', 'logo', 'tarjeta', 'karta', 'karty', 'holder', 'applicant', 'recipient', 'doc', 'document', 'paper'], notAfter: ['debit', 'credit', 'prepaid', 'tarjeta', 'karta', 'karty'] }),
    ...each('administrative warrant, orden administrativ, =i =205, =i =200, =i =247, =i =862'),
    ...each('=lawfully, =legally, =unlawfully, =legalmente, legaln', { near: ['united states', '=usa', 'country', 'america', 'estados unidos', '=eeuu', 'pais', 'kraj', 'polsce', 'stanach'] }),
    ...each('border patrol, patrulla fronteriza, fronteriz, customs enforc, customs border, aduanas proteccion, homeland security, seguridad nacional, straz graniczn, strazy graniczn, strazy granicz, graniczn'),
    ...each('=ero, =uscis, =frontex, =migra, =ice detainer, =ice hold, =ice warrant', { notAfter: IMPOSTORS }),
    // Homeland Security, its Investigations and Customs and Border Protection work criminal cases too (child exploitation, trafficking, kidnapping): named with a crime, a partner's case
    ...each('=hsi, =dhs, =cbp', { context: true, notAfter: IMPOSTORS }),
    ...each('cudzoziem, extranjer, refugee, refugiad, uchodzc, foreigner, day labor, jornaler, looks =foreign, looking =foreign, looked =foreign, look =foreign', { context: true }),
    ...each('foreign, extranjer, zagraniczn', { context: true, next: PEOPLE }),
    ...each('legal status, estatus legal, status legal, legal residen, lawful permanent, permanent resident, residente permanente, kart pobyt'),
    // Status words officers mix into English from Tagalog and Vietnamese ("walang papeles": without papers).
    // Came in over the border, and status put in Spanish as a thing one has
    ...each('=over =border, =across =border, =no =tiene =estatus, =no =tienen =estatus, =no =tiene =estado =legal'),
    ...each('walang papel, wala papel, walang dokumento, nhap cu, truc xuat, khong co giay to, khong giay to'),
    // Status put as documents, and coming in over the border put plainly ("came across illegally")
    ...each('=without =documents, =without =documentation, =no =documents, =no =documentation', { context: true }),
    ...each('came across illegal, crossed illegal, came over illegal, came in illegal, snuck across, sneaked across, snuck in across', {}),
    // Removal and crossing in plain or oblique words ("final orders to leave the country", "send him back to Honduras", "slipped over the southern line")
    ...each('=orders =to =leave, =order =to =leave, southern line, southern border, =walked =across =near, =permission =to =stay, =right =to =be =in =the =country, =right =to =be =here, =homelands, green and white truck, border folks, border guys, border people, '
      + '=feds =can =collect, =feds =can =pick, =feds =to =collect, =feds =to =pick'),
    // (a final order of protection, custody or divorce is a court's, not a removal)
    ...each('final order, final orders', { context: true, notBefore: ['of', 'protect', 'custody', 'divorce'] }),
    ...each('=leave =the =country, =send =back =to, =sent =back =to, =send =him =back, =send =her =back, =send =them =back, =slipped =over, =slipped =across, =snuck =over', { context: true }),
    // The federal immigration processing centre in Broadview, where someone is wanted or taken
    ...each('broadview', { context: true, near: ['want', 'wants', 'facility', 'processing', 'detention', 'hand', 'deliver', 'send', 'pick', 'take', 'collect'] }),
    ...each('wydaleni, wydalic, pobyt nielegal, nielegaln pobyt, status pobyt, estatus migrat, sin estatus'),
    // Leave to be in the country, put without a status word ("not supposed to be in the country")
    ...each('=allowed, =permitted, =supposed, =entitled, =authorized, =authorised', { near: ['country', 'america', 'united states', '=usa'] }),
    ...['allowed', 'permitted', 'supposed', 'entitled', 'authorized', 'authorised'].flatMap((v) => each(`=${v} =be =in =country, =${v} =be =in =us, =${v} =be =in =america, =${v} =be =here =legal`)),
    ...each('=allowed =stay, =permitted =stay, =allowed =remain, =right =stay', { context: true }),
    // Papers of entry and stay
    ...each('tourist stamp, entry stamp, passport stamp, =i =94, residence permit, stay permit, permiso estancia, permiso residencia, permiso permanencia, tarjeta residencia, karta stalego pobytu'),
    // Work authorisation, a home country to go back to, and the numbers and birthplaces that stand for status
    ...each('permission =work, authorization =work, work authoriz, employment authoriz, =ead card, permiso trabajar'),
    ...each('home country, =back =to =his =country, =back =to =her =country, =back =to =their =country, pais =origen, kraj ojczyst, kraju pochodzenia, country origin', { context: true }),
    ...each('social security number, social security card, =ssn, =itin, numero seguro social, =born =here, =born =in =us, =born =in =country, =born =abroad, =born =outside, place birth, country birth, birthplace, lugar nacimiento, miejsce urodzenia', { context: true }),
    // Status in the agencies' shorthand: entry without inspection, a lapsed status, work and student
    // visa classes (tokenised "H-1B" is "h ib"), a 287(g) agreement, a final order put alone
    ...each('out of status, without inspection, =ewi, =287 =g'),
    ...each('=h =ib, =h =2a, =h =2b, =f =1 =visa, =f =1 =status, =j =1 =visa, =j =1 =status', { context: true }),
    ...each('=final =order', { context: true, notBefore: ['protect', 'restrain', 'custod', 'support', '=of'] }),
    // How someone came in ("through the desert with a coyote")
    ...each('=coyote, =coyotes, =desert', { context: true, near: ['cross', 'came', 'brought', 'walked', 'through', 'border', 'paid', 'smuggl'] }),
  ],
  // V.F: the Village Code Reproductive Health Rights Article and the Illinois Reproductive Health Act
  'reproductive health care': [
    // Care itself refuses whatever else the text says; a place or provider of it can be a crime's victim.
    // "Anti-abortion" is a view (a protected activity), not the care
    ...each('abortion, abortio, aborto, abortar, abortiv, aborcj, aborcy, abortifac', { except: ['abortionist', 'abortist'], place: CARE_PLACES, notAfter: ['=anti', '=antyaborc'],
      notBefore: ['rights', 'right', '=ban', '=bans', '=law', '=laws', 'debate', 'march', 'rally', 'protest', 'activist', 'advocate', 'opponent', 'supporter', 'politic', 'referend'] }),
    ...each('abortionist, abortist', { context: true }),
    // Abortion as the offence another state charges ("a warrant for performing an unlawful abortion"): a crime named beside it is that charge
    ...each('unlawful abortion, illegal abortion, criminal abortion, abortion trafficking, aiding abortion, aided abortion, performing abortion, performed abortion, procuring abortion'),
    ...each('=procedure =days, =procedure =day', { context: true }),
    ...each('mifeprist, mifeprex, misoprost, contracep, anticoncep, antykoncep, morning after pill, pildora dia siguiente, pigulk dzien po, tabletk poron, poronn, poronien, miscarri'),
    ...each('egg freez, =froze =her =eggs, =freeze =her =eggs, =freezing =her =eggs, =frozen =eggs, egg retriev, =embryo, =embryos, surrogacy, gestational surrogate, sperm bank, =iui'),
    ...each('family planning, planificacion familiar, planowanie rodzin, reproduct, reprodukc, fertilit, =ivf, =in vitro, gender affirm, afirmacion genero', { place: CARE_PLACES }),
    ...each('planned parenthood, women clinic, womens clinic, woman clinic, clinic escort, escort patient, escorting patient, clinica mujer, klinik kobiet', { context: true }),
    ...each('aid access, tabletk dzien po'),
    ...each('patient, paciente, pacjent', { context: true, near: ['clinic', 'clinica', 'klinik', 'provider', 'doctor'] }),
    ...each('=plan =c, self managed abortion, self managed miscarriage'),
    // A woman's "procedure", and where she went for it, is how the care is put without the word.
    ...each('=her =procedure, =su =procedimiento, =jej =zabieg, =where =women =go, =for =the =procedure', { context: true }),
    // "A procedure" is how travel for an abortion is put without the word.
    ...each('procedure, procedimiento, zabieg', { near: ['illinois', 'out of state', 'state line', 'across state', 'travel', 'driven', 'drove her', 'took her', 'viaj', 'wyjech', 'wyjazd', '=il', '=to =il', ...FROM_OTHER_STATES] }),
    // Ending a pregnancy put without the word ("traveled for a termination")
    ...each('terminat, interrupc, przerwani', { near: ['pregnan', 'embaraz', 'ciaz', 'travel', '=traveled', '=travelled', 'out of state', 'across state', 'state line', 'clinic', 'procedure', 'pill', '=il', 'illinois'] }),
    // An appointment kept across a state line is how travel for care is put without naming it
    ...each('=appt, =appts, appointment, =cita, wizyt', { context: true, near: ['across state', 'state line', 'out of state', 'crossed state', 'cross state', 'other state', 'another state', 'otro estado', 'inny stan', 'innego stanu'] }),
    ...each('=plan =b', { near: ['pill', 'pharmac', 'dispens', 'bought', 'buy', 'morning', 'purchas'] }),
    ...each('doula, birth center, birthing center, midwife, partera', { context: true }),
    // Care named by its stage ("the late-term provider")
    ...each('late term', { place: CARE_PLACES }),
    ...each('women health, womens health, woman health, salud mujer, salud mujeres, zdrow kobiet', { context: true }),
    ...each('interrump embaraz'),
    ...each('dilation, curettage, =dc', { near: ['getting', '=get', '=had', 'pregnan', 'procedure', 'clinic', 'miscarr', 'doctor', 'husband'] }),
    // Pills that come by post are how abortion is self-managed where clinics are far
    ...each('=pill, =pills, =pildoras, =pastillas, tabletk', { context: true, near: ['mail', 'mailed', 'online', 'ordered', 'overseas', 'shipped', 'post', 'correo', 'internet', 'poczt'] }),
    // A clinic or health center as such: its visitors are patients (a crime there is investigable)
    ...each('=clinic, =clinics, clinica, klinik, health center, health centre, centro salud, przychodni', { context: true, notAfter: ['dental', 'vet', 'veterinar', 'animal', '=pet', '=eye', 'urgent', 'walk in', 'methadone', 'rehab'] }),
    // Contraception and sterilisation by their names
    ...each('=iud, =iuds, intrauterine, vasectom, wazektom, tubal, tubes tied, ligadura, podwiazani jajowod, sterilizat, sterilisat, esterilizac, sterylizac, birth control, nexplanon, depo provera'),
    // Care someone travelled for because her own state bans it
    ...each('=care', { context: true, near: ['texas', 'out of state', 'home state', 'not available', 'banned', 'illegal', 'across state', 'state line', 'not legal'] }),
    ...each('puberty block, hormone therap, hormone treatment, gender clinic, gender transition, transition care, top surgery'),
    ...each('terminat pregnan, =end pregnan, =ending pregnan, pregnancy terminat, interrupcion embarazo, przerwan ciaz, usuni ciaz'),
    ...each('termination, terminacion, terminaciones', { near: ['pregnan', 'perform', 'clinic', 'embaraz', 'doctor', 'provider'] }),
    ...each('=ob =gyn, obgyn, obstetric, gynecolog, ginecolog, ginekolog, polozn', { context: true }),
    // Pills taken at a stage of pregnancy ("taking pills at 8 weeks"), however the one reporting it names it
    ...each('=pill, =pills, =pastillas, =pildoras, tabletk', { near: [...[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24].flatMap((n) => [`=at =${n} =weeks`, `=${n} =weeks =pregnant`, `=${n} =semanas`, `=${n} =tygodni`]), 'weeks pregnant', 'weeks along', 'trimester'] }),
    // A pregnant woman's movements watched for someone ("where her car goes", "keeps disappearing")
    // Care her home state bans, pills for it and the appointment, put without naming it
    ...each('=state =banned, =home =state =banned, =banned =it, =where =its =banned, =banned =where =she, termination appointment, termination procedure, pregnancy termination, =get =the =pills, =got =the =pills, =getting =the =pills, =for =the =pills', { context: true }),
    ...each('pregnan, embaraz, ciaz', { context: true, near: ['her car', 'her movements', 'where she goes', 'where she went', 'whereabouts', 'disappearing', 'keeps going', '=her =car =goes', 'boyfriend', 'husband', 'taking care', 'watch her', 'follow her', 'track her', '=get =it =done', '=got =it =done', '=take =care =of =it', '=took =care =of =it', '=went =to =get', 'parents'] }),
    ...each('pregnan, embaraz, ciaz, ciez', { near: ['travel', 'trip', 'out of state', 'clinic', 'test', '=end', 'termin', 'pill', 'viaj', 'clinica', 'podroz', 'klinik', 'tablet', 'pastill', 'zabieg', 'procedur', 'procedimiento', 'wyjech', 'wyjazd', 'abroad',
      // an ending put as handling it ("went to take care of the pregnancy")
      '=take =care', '=took =care', '=taking =care', '=get =rid', '=got =rid', '=deal =with', '=dealt =with'] }),
  ],
  // V.C, V.D: religious, political or social views or activities, lawful events, protected classes
  'protected activity or class': [
    ...each('protest, manifestac, demonstrac, demonstration, demonstrator, rally, rallies, =mitin, =wiec, =wiecu, marcher, =marcha, =marsz, marszu, picket, piquet, pikiet, striker, =strikes, huelg, strajk, walkout, =sit =in, boycott, bojkot, boicot, vigil, vigilia, czuwani, parade, desfile, =parada, =pride, activist, activista, aktywist, organizer, organizador, organizator', { context: true }),
    // Protests and gatherings in the words officers mix in from Tagalog, Vietnamese and Arabic
    ...each('=rali, welga, martsa, pagtitipon, bieu tinh, tuan hanh, dinh cong, =tu =tap, muzahar, mudhahar, =masira, =masirah, =waqfa, =ijtima, tajamu, halaqa, halaqah', { context: true }),
    ...each('concentracion', { context: true, near: ['frente', 'contra', 'apoyo', 'protest', 'alcaldia', 'plaza', 'ayuntamiento', 'policia', 'sindicato', 'asist'] }),
    ...each('=strike, =march', { context: true, near: ['worker', 'union', 'line', 'picket', 'labor', 'labour', 'employee', 'plant', 'factory', 'protest', 'climate', 'rally', 'pride', 'women', 'joined', 'attend', 'organiz', 'politic', 'marcher', 'civil', 'teacher', 'nurse', 'participa', 'general', 'hunger', 'wildcat', 'rights', 'abortion', 'choice', 'life',
      'against', 'peace', 'justice', 'freedom', 'veteran', 'solidarity', 'memorial', 'unity', 'equality', 'silent', 'student', 'youth', 'mothers', 'moms', 'parents', 'victims'] }),
    // An official's or a citizen's vote or stand on a public question: political activity (V.C)
    ...each('=voted, =vote, =votes, =voting, =testified, =spoke =at, =spoke =against, =spoke =out', { context: true, near: ['trustee', 'alderm', 'council', 'mayor', 'commissioner', '=board', 'senator', 'representative', 'legislat', 'budget', 'ordinance', 'referendum', 'hearing', 'meeting', 'levy', '=bill'] }),
    ...each('=kneel, =knelt, =kneeled, =kneeling, =took =knee, =taking =knee, =anthem, lobby day, =lobbying, =lobbied, advocacy day, =capitol, legislator', { context: true }),
    // A country someone came from stands for national origin
    ...each('mexico, guatemala, honduras, salvador, venezuela, colombia, ecuador, haiti, =cuba, nicaragua, somalia, syria, afghanistan, ukraine, nigeria, ethiopia, eritrea, congo, =iraq, =iran, palestine, =gaza, pakistan, bangladesh, =india, =china, poland, =polski, =polsce',
      { context: true, near: ['arrived', '=came', '=moved', 'newly', 'recently', '=just', 'newcomer', 'born', 'native', 'originally'] }),
    // Protesters and strikers without the words ("the guys with the signs", "walking the line"), and a disability's placard
    ...each('=with =the =signs, =with =signs, =holding =signs, =carrying =signs, =waving =signs, =walking =the =line, =walk =the =line, =walked =the =line, =on =the =picket, hang tag, handicap placard, handicapped placard, disability placard, disabled placard, handicap parking, disabled parking, handicap permit, disability permit', { context: true }),
    ...each('sickout, =sick =out, blue flu, work stoppage, =slowdown, work to rule, independence day, heritage day, heritage month, national day, pride month, dia independencia, swieto niepodleglosci', { context: true }),
    // Language and where someone is from stand for national origin
    ...each('=accent, =accents', { context: true, notAfter: ['hyundai'] }),
    ...each('=speak, =speaks, =speaking, =habla, =hablan, =mowi, =mowia', { context: true, next: ['arabic', 'spanish', 'polish', 'chinese', 'mandarin', 'cantonese', 'korean', 'vietnamese', 'tagalog', 'urdu', 'hindi',
      'somali', 'russian', 'ukrainian', 'farsi', 'persian', 'hebrew', 'yiddish', 'creole', 'french', 'portuguese', 'english', 'espanol', 'ingles', 'arabe', 'polsku', 'angielsku', 'hiszpansku'] }),
    ...each('know =your =rights, conoce =tus =derechos', { context: true }),
    ...each('speak english, speaks english, speaking english, limited english, =where =theyre =from, =where =they =are =from, =where =hes =from, =where =he =is =from, =where =shes =from, =where =she =is =from, =de =donde =son, =skad =sa, =skad =pochodz', { context: true }),
    ...each('participant, participante, attendee, asistentes, uczestni, encampment, =teach =in, =teachin, =die =in, =walk =out, =sleep =out', { context: true }),
    // Views named by what they are against ("anti-police signs")
    ...each('=anti', { context: true, next: ['police', 'cop', 'war', 'abortion', 'choice', 'life', 'immigra', 'government', 'israel', 'zionis', 'gun', 'vax', 'vaccin', 'mask', 'lockdown', 'fascis', 'racis', 'capitalis', 'union', 'tax', 'levy', 'camera', 'surveil', 'trump', 'biden', 'semit', 'muslim', 'islam', 'gay', 'trans', 'lgbt'] }),
    ...each('affiliation, afiliacion, przynaleznosc', { context: true, notAfter: ['gang', 'cartel', 'pandill', 'gangu'] }),
    ...each('=dresses =as =woman, =dresses =as =man, =dressed =as =woman, =dressed =as =man, =dresses =like =woman, =dresses =like =man, cross dress, crossdress, =in =drag', { context: true }),
    // Gatherings and the ways views are spread, without the word protest (a candlelight gathering, leaflets, a petition drive)
    ...each('candlelight, candle light, =gathering, =gatherings', { context: true, notAfter: ['information', 'intel', 'evidence', 'intelligence', 'data'] }),
    ...each('leaflet, pamphlet, handbill, flyering, canvasser, ulotk, panflet, referendum, referenda, ballot measure, ballot question, =levy', { context: true }),
    // Speech acts: flyers, canvassing, petitions and signatures, tabling, voters registered, in the corpus's languages
    ...each('=flyer, =flyers, =flier, =fliers', { context: true, notAfter: ['frequent', 'missing', 'wanted', 'lost'] }),
    ...each('petitioner', { context: true, notAnywhere: PROTECTION_ORDERS }),
    ...each('canvassing, tabling, phone bank, phonebank, door knock, =knocking =doors, =knocking =on =doors, =knock =doors, collecting signatures, collect signatures, gathering signatures, gather signatures, signature gather, signature drive, register voters, registering voters, voter drive, recog firma, recab firma, junt firma, reparti volante, repartiendo volante, zbier podpis, rozdaw ulotk', { context: true }),
    ...each('handing out, hand out, handed out, passing out, passed out', { context: true, near: ['literature', 'brochure', 'newsletter', 'button', 'info', 'zine', 'newspaper', 'folleto', 'broszur'] }),
    ...each('petition, peticion, petycj', { context: true, near: ['sign', 'drive', 'signature', 'circulat', 'levy', 'referend', 'ballot', 'volunteer', 'firma', 'podpis'] }),
    ...each('=occupy, naacp, =aclu, =cair, democrat, republican, =gop, party volunteer', { context: true }),
    ...each('striking', { context: true, near: ['worker', 'nurse', 'teacher', 'employee', 'union', 'staff', 'miner', 'picket', 'autoworker'] }),
    ...each('union, labor union, sindicat, zwiazek zawodow, zwiazkow, zwiazku zawodow', { context: true, near: ['meeting', 'member', 'hall', 'organiz', 'rally', 'worker', 'attend', 'leader', 'reunion', 'zebrani', 'czlon', 'sticker', '=rep', '=reps', 'representativ', 'strike', 'picket', 'plant', 'factory', 'steward', 'local', 'contract', 'bargain', 'vote'] }),
    ...each('meeting, reunion, zebrani, spotkani, =session, =sessions, =sesion, =sesja, =hearing, =hearings, =junta, =juntas, asamblea, =pulong, pagpupulong, =miting, =cuoc =hop, =buoi =hop', { context: true, near: ['budget', 'zoning', 'village', 'attend', 'town', 'board', 'council', 'public', 'community', 'politic', 'school', 'tenant', 'neighborhood', 'vecin', 'mieszkanc', 'rady',
      // a meeting about the police or of parents, in the corpus's languages ("junta de padres sobre la policía")
      'police', 'policia', 'policj', 'parent', 'padres', 'rodzic', 'sindicato', 'inquilin', 'comunidad', '=cong =dong', 'komunidad', 'barangay'] }),
    // Any gathering, when the text aims at who attends it ("the forum ... those who attended", "keep tabs on who goes to the meetings")
    ...each('meeting, =meet, =meets, =met, meetup, =session, =sessions, =hearing, =forum, =forums, assembl, convention, caucus, conference, summit, banquet, =gala, potluck, luncheon, celebrat, commemorat, ceremon, =event, =events, =march, =marches, =marched, =marching, =walk, =walkers, =party, =parties, =club, =clubs, =lodge, =association, =society, =group, =groups, =chapter, =service, =services, =mass, =reunion, =asamblea, =foro, =junta, =juntas, =pulong, =miting, =cuoc =hop, =evento, =fiesta, spotkani, zgromadz, wydarzen, =impreza, =klub, stowarzysz', { context: true, anywhere: ATTENDING }),
    // Places tied to protected activity: their visitors are protected as an event's attendees are
    ...each('organizing office, organising office, organizers office, organizing hub, field office, campaign office, party office, newspaper, newsroom, news office, editorial office, radio station, public defender, legal aid, law office, law firm, =lawyers =office, =attorneys =office, =attorney =office, =lawyer =office, civil rights, worker center, workers center, workers centre, day labor center, resettlement, islamic center, cultural center, cultural centre, community house, advocacy office, kancelari, oficina abogad, headquarters, =hq', { context: true, anywhere: ATTENDING }),
    ...each('church, mosque, synagogue, temple, gurdwara, cathedral, chapel, parish, congregation, congregant, worship, parishioner, prayer, =pray, shabbat, sabbath, jumuah, religio, religion', { context: true }),
    // and in Ukrainian and Arabic as officers transliterate them (tserkva, sobor, masjid, mechet)
    ...each('tserkv, tserkov, =sobor, mechet, masjid, =jami, musalli, =sluzhba, =sluzhbu', { context: true }),
    ...each('masjid, musalla, =jummah, =jumma, =salat, =namaz, =imam, =imams, rabbi, =priest, =pastor, =clergy, =shul, mandir, kingdom hall, =capilla, kaplic, simbahan, ksiadz, ksiedz, sacerdote', { context: true }),
    ...each('keffiyeh, kufiya, kaffiyeh, kuffiyeh, shemagh, dastar, =patka, tallit, tzitzit, =peyot, =payot, sheitel, =bindi, =abaya, =thobe, dashiki, =kufi, =sari', { context: true }),
    ...each('turban, hijab, niqab, burqa, burka, headscarf, head scarf, kippah, kippa, yarmulke, =quran, =koran, =bible, rosary, hasid, chasyd, jasid, orthodox jew, ultra orthodox, =amish, mennonite, evangelical, pentecostal, baptist, methodist, lutheran, presbyterian, episcopal, unitarian, jehovah, =lds, scientolog, =pagan, wicca, atheist, chusta', { context: true }),
    ...each('iftar, =suhoor, =seder, =holi, vaisakhi, navratri, =purim, =sukkot, =easter, =christmas, ash wednesday, good friday, =ashura, nowruz, =wigilia, =posada, =posadas', { context: true }),
    ...each('juneteenth, =eid, ramadan, diwali, passover, hanukkah, yom kippur, rosh hashanah, kwanzaa, lunar new year, cinco de mayo, dia de los muertos, quinceanera, cookout, block party, festival, =fest, powwow, =pow =wow', { context: true }),
    ...each('=services', { context: true, near: ['church', 'sunday', 'religio', 'synagogue', 'mosque', 'temple', 'hasid', 'jewish', 'muslim', 'catholic', 'after', 'attend', 'friday', 'saturday'] }),
    ...each('sticker, decal, =flag, =flags, yard sign, bandera, naklejk, pegatina, calcomania, rainbow, defund, palestin, zionist, =pro =life, =pro =choice, =pro =israel, =pro =palestine', { context: true }),
    // Drag as performance and its events (a story hour, bingo, a brunch), not drag racing
    ...each('drag', { context: true, next: ['show', 'queen', 'king', 'brunch', 'perform', 'artist', 'story', 'storytime', 'bingo', 'night', 'ball', 'reading', 'party', 'event', 'dinner', 'cabaret',
      'contest', 'pageant', 'karaoke', 'lunch', 'gala', 'revue', 'club', 'bar'] }),
    ...each('grandma, grandmother, grandpa, grandfather, granny, abuel, babci, dziadk, =dziadek, old timer, =boomer, =boomers', { context: true }),
    // "A 24-year-old man" gives one person's age; "an old man" picks out the class
    ...each('old lady, old ladies, old man, old men', { context: true, notAfter: ['year', '=yr', '=yrs'] }),
    ...each('filming, filmed, recording, videotap, livestream, nagrywa, grabando, filmando', { context: true, near: ['police', 'station', 'officer', '=cop', '=cops', 'arrest', 'policj', 'policia', 'komisariat'] }),
    ...each('iglesia, mezquita, sinagoga, templo, parroquia, feligres, fieles, oracion, kosciol, koscie, meczet, synagog, cerkiew, parafi, wierni, modlitw, religij', { context: true }),
    ...each('=mass, =misa, =msza, =mszy, =mszach', { context: true, near: ['church', 'sunday', 'saturday', 'evening', 'morning', 'after', 'attend', 'catholic', 'iglesia', 'kosciol', 'koscie', 'domingo', 'niedziel', 'service', 'parish', 'parroquia', 'parafi', '=st', 'saint', '=san', '=santa', '=sw', 'espanol', 'spanish', 'latin', 'polish', 'polsk', 'vigil'] }),
    ...each('town hall, city hall meeting, public hearing, public comment, criticis, criticiz, =critic, =critics, outspoken, spoke out, speak out, speaking out, =spoke =against, =speak =against, =spoken =against, =testified =against, =oppose, =opposed, =opposing, opposition, supporter, simpatizante, zwolennik', { context: true }),
    ...each('socialist, communist, anarchist, antifa, libertarian, =dsa, =nra, =maga, tea party, green party, sunrise movement, socialista, comunista, socjalist, komunist', { context: true }),
    // Causes people meet and campaign for, named by the right or the issue ("the gun rights meeting")
    ...each('gun rights, second amendment, =2a, pro life, pro choice, right to life, animal rights, voting rights, immigrant rights, tenant union, tenants union, climate activist, environmental activist, advocacy group', { context: true }),
    // ... and more of them, with the groups that campaign for or against them by name
    ...each('gun owner, gun club, gun show, gun control, gun safety, gun sense, gun range, gun violence prevention, =pro =gun, firearm owner, firearms owner, rifle association, rifle club, open carry, concealed carry', { context: true }),
    // The members of the police's civilian oversight (CPOC): watching them is retaliation for a political role (its reports are not)
    ...each('=cpoc, oversight committee, oversight board, oversight commission, civilian oversight, civilian review, police review board', { context: true,
      near: ['member', 'chair', 'commissioner', 'movement', '=where', '=lives', '=live', '=car', '=cars', '=drives', '=home', 'address', '=who', 'activist', 'critic', 'whereabouts'] }),
    ...each('police reform, police accountability, criminal justice reform, prison abolition, workers rights, worker rights, trans rights, gay rights, women rights, womens rights, disability rights, parental rights, parents rights, abortion rights, reproductive rights, climate justice, climate strike, environmental justice', { context: true }),
    ...each('coalition, grassroots, solidarity, =ceasefire, antiwar, sanctuary movement, proud boys, oath keepers, moms for liberty, moms demand, everytown, indivisible, extinction rebellion, back the blue, blue lives matter, all lives matter, stop the steal, veterans for peace, american legion, =vfw', { context: true }),
    ...each('chapter', { context: true, near: ['member', 'local', 'meeting', 'club', 'society', 'party'] }),
    ...each('politic, campaign, candidate, fundrais, polling, =voter, =voters, =votantes, wybor, elector, kampani, kandydat, campana politic, candidat', { context: true }),
    ...each('journalist, reporter, periodist, dziennikarz, press corps', { context: true }),
    ...each('muslim, musulman, muzulman, islam, jewish, =jew, =jews, judio, =zyd, =zydzi, =zydow, christian, catholic, catolic, katolik, hindu, sikh, buddhist, mormon', { context: true }),
    ...each('hispanic, hispan, latino, latina, latinx, =arab, =arabs, arabe, =arabski, african american, afroamerican, asian, =asiatico, azjat, mexican, mexicano, meksyk, somali, =roma, romow, gitan, cygan', { context: true }),
    ...each('black, white, brown, negro, negra, blanco, czarn, bial', { context: true, next: PEOPLE }),
    ...each('israeli, nigerian, ethiopian, somal, egyptian, syrian, iraqi, iranian, afghan, turkish, puerto rican, dominican, cuban, colombian, brazilian, jamaican, polish, irish, italian, greek, mexic, chino, polak, polk', { context: true, near: [...PEOPLE, ...COMMUNITY_EVENTS] }),
    ...each('arabic, middle east, indian, pakistani, african, chinese, korean, vietnamese, filipino, haitian, guatemalan, honduran, salvadoran, venezuelan, ukrain, russian, medio oriente, bliskowschodn, arabsk, ukrainc, cudzoziem', { context: true, near: [...PEOPLE, ...COMMUNITY_EVENTS] }),
    ...each('black lives matter, people color, gente color, race =of, certain =race, =by =race, =their =race, =raza, =rasa, =rasy, ethnic, etnic, descent, pochodzen, ascendenc, nationalit, nacionalid, narodowosc', { context: true }),
    ...each('gejowsk, =gej, =geje, lesbijsk, =gay, =gays, lesbian, lesbijk, bisexual, biseksual, transgender, transgener, transplciow, =trans, queer, lgbt, nonbinary, non binary, homosexual, homoseksual, sexual orientation, orientacion sexual, orientacj seksual, gender identity, identidad genero, tozsamosc plci', { context: true }),
    ...each('disabled, disabilit, discapacit, niepelnospraw, wheelchair', { context: true, near: [...PEOPLE, ...COMMUNITY_EVENTS] }),
    ...each('group home, special needs, mentally ill, mental illness, autis, down syndrome, =deaf, =blind', { context: true }),
    // V.C names age and gender: people picked out by them, as a group.
    ...each('elderly, senior citizen, =seniors, old people, older people, older driver, old driver, old folk, pensioner, retiree, anciano, personas mayores, tercera edad, jubilad, emeryt, starsz osob, starsi ludz, young people, teenager, =teens, youths, jovenes, mlodziez, nastolat', { context: true }),
    ...each([60, 65, 70, 75, 80, 85, 90].map((n) => `=over =${n}, =older =than =${n}, =aged =${n}`).join(', '), { context: true, near: PEOPLE }),
    ...each('=women, =females, =mujeres, =kobiety, =kobiet, =men, =males, =hombres, =mezczyzn', { context: true, near: ['alone', '=sola', '=solas', '=sama', '=same', 'samotn', 'single', '=all', 'every', '=only', '=list', 'todas', 'wszystk'] }),
  ],
  // V: no "unauthorized purpose"; VII.C: law enforcement purposes only; VII.I: personal use, non-law enforcement purposes
  'personal or non-law-enforcement use': [
    ...each('=my', { context: true, next: RELATIONS }),
    // Someone else's former partner, relayed ("look up her ex's new car")
    ...each('=her, =his, =their', { context: true, next: ['=ex', '=exs', 'exhusband', 'exwife', 'exboyfriend', 'exgirlfriend', 'expartner'] }),
    // A relative's or colleague's own partner or kin, with or without "my" ("daughter's boyfriend", "a colleague's new partner");
    // not a child's ("the child's father drove off with her"): that is how a family case is written
    ...each([...RELATIONS.filter((r) => !['child', '=kid', '=kids'].includes(r)), ...STEP_KIN, 'colleague', 'coworker', '=partner', '=partners'].join(', '), { context: true, owns: [...RELATIONS, ...STEP_KIN, 'partner', '=man', '=guy', 'lover', 'colleague', 'coworker', '=date'] }),
    // A relative named beside what the user wants for themself ("adult daughter left after a fight and I want to know where she's staying")
    ...each([...RELATIONS.filter((r) => !['=kid', '=kids', 'famil'].includes(r)), ...STEP_KIN].join(', '), { context: true, anywhere: ['=i =want', '=i =wanna', '=i =need', '=i =wonder', '=im =curious', '=i =would =like', '=id =like'] }),
    ...each([...RELACIONES, 'hijastr'].join(', '), { context: true, near: ['sargent', 'teniente', 'capitan', '=jefe', 'comandante', 'oficial', 'agente', 'detective', 'companer', 'colega'] }),
    // "Byłej żony": a former wife, husband or partner, in Polish
    ...each('=byla, =bylej, =bylego, =bylemu, =byly, =bylym', { context: true, next: ['zon', '=maz', '=meza', '=mezem', 'dziewczyn', 'chlopak', 'partner', 'narzeczon'] }),
    ...each(KREWNI.filter((k) => !k.startsWith('byl')).join(', '), { context: true, next: [...KREWNI.filter((k) => !k.startsWith('byl')), 'komendant', 'sierzant', 'porucznik', 'kapitan', 'szef', 'kolegi', 'partner', 'aspirant', 'funkcjonariusz'] }),
    ...each('=my', { context: true, next: ['house', 'home', 'street', 'block', 'driveway', 'building', 'property', 'yard', 'apartment', '=apt', 'garage', 'alley', 'door', '=spot', '=space', '=parking', 'condo', 'kitchen', 'fence', 'lawn', 'mailbox'] }),
    // "My spot" in Spanish and Polish ("parkuje na moim miejscu")
    ...each('=mi =lugar, =mi =sitio, =mi =espacio, =moim =miejscu, =moje =miejsce, =mojego =miejsca', { context: true }),
    ...each('=mi, =mis', { context: true, next: RELACIONES }),
    // "Mi vieja" (my wife, in slang), seeing another, my house and street, and a neighbour's noise, in Spanish and Polish
    ...each('=mi =vieja, =mi =viejo, =mi =ruca, =mi =jaina, =anda =con =otro, =anda =con =otra, =me =engana, =mi =casa, =mi =calle, =mi =cuadra, =mi =cochera, =mi =garaje, =mi =entrada, =musica =alta, '
      + '=gra =glosno, =glosno =muzyk, =glosna =muzyk, =halasuje, =zajechal =mi =droge, =mi =zajechal, =zajechal =droge, =po =sluzbie', { context: true }),
    ...each('=moj, =moja, =mojej, =mojego, =moje', { context: true, next: KREWNI }),
    // "The sergeant's daughter", "the chief's wife": a colleague's or an official's own life.
    ...each('sergeant, =sarge, =sgt, lieutenant, =lt, captain, =capt, chief, commander, detective, deputy, officer, mayor, trustee, alderman, =boss, =partner, =partners', { context: true, next: RELATIONS }),
    ...each('=sale =con, =anda =con, =saliendo =con, =spotyka =sie =z, =chodzi =z', { context: true, near: [...RELACIONES, ...KREWNI, 'tipo', 'chico', 'chica', 'hombre', 'alguien', 'facet', 'kims'] }),
    ...each('=cheating, affair, =dating, seeing someone, zdradz, =enganando, =infiel, bored, =lol, =lmao, =lmfao, =jk, for fun, for laughs, for kicks, nudzi', { context: true }),
    // Bail agents and bounty hunters chase their own money, not a case
    ...each('bondsman, bondsmen, bail bond, bail agent, bail enforcement, bounty hunter, fiador', { context: true }),
    // A business is a requester only when it asks; a car taken from a dealership is a theft.
    ...each('dealership, car dealer, auto dealer, leased car, lease compan, leasing compan, rental compan, lender, creditor, finance compan, startup, start up, car sharing, carsharing, parking app, data broker, estimate demand, demand study, =hoa, homeowners association, condo board, property manag, building manag, private security, security company', { context: true, near: ['want', 'ask', 'request', 'need', 'wonder', 'curious', 'suspect', 'complain', 'dispute', 'estimate', 'study', 'customer', 'client', 'resident', 'tenant', '=give', '=send', '=share'] }),
    ...each('=sell, =sold, =selling, resell, monetiz, vender, sprzeda', { context: true, near: ['data', 'plate', 'reads', 'list', 'location', 'dato', 'dane'] }),
    // Personal put as the whole reason ("it's personal", "personal, not work related")
    ...each('=its =personal, =it =is =personal, =thats =personal, =strictly =personal, =purely =personal, =personal =only, =personal =not, not work related, =not =for =work, =non =work, =nonwork', { context: true }),
    ...each('personal reason, personal use, personal matter, personal business, personal interest, personal favor, personal favour, favor for a friend, favour for a friend, favor for my, favour for my, =help =out =a =friend, =help =a =friend, =helping =a =friend, =helping =out =a =friend, =help =out =a =buddy, =help =a =buddy, =help =my =buddy, =help =out =my =buddy, =help =my =friend, =help =out =my =friend, asking for a friend, just curious, curiosity, =nosy, unofficial, not official, motivos personales, uso personal, prywatn, z ciekawosci', { context: true }),
    // Requesters outside law enforcement (VII.A sends them to the Records Division) and their civil ends
    ...each('=repo, =repos, repossess, lienholder, lien holder, behind on payment, missed payment, late payment, lease payment, car payment, loan payment, skip trac, debt collect, collection agenc, bill collector, insurance adjuster, claims adjuster, insurance investigat, claims investigat, =claimant, =claimants, adjuster, insurance compan, insurer, private investigator, private eye, process server, landlord, tenant, eviction, employer, marketing, market research, market study, retail study, shopper, divorce', { context: true }),
    // Money owed to someone other than a victim of crime, and checks an office or employer makes
    // A bill a village or utility sends ("the delinquent water-bill accounts")
    ...each('delinquent =account, delinquent =accounts, delinquent bill, delinquent tax, delinquent payment, water bill, utility bill, sewer bill, back taxes, unpaid taxes, unpaid water, unpaid utilit, property tax', { context: true }),
    ...each('=owes, =owed, =owe, =dues, =stopped =paying, =quit =paying, =stopped =making =payments, =skipped =payments, unpaid rent, back rent, unpaid bill, outstanding balance, past due, =billed, =bill =them, =invoice, =debt', { context: true }),
    ...each('residency', { context: true, near: ['check', 'verif', 'school', 'district', 'proof', 'enrol'] }),
    ...each('enrollment, enrolment, proof residen, =really =live, =actually =live, =truly =live'),
    ...each('human resources, recursos humanos, called in sick, calling in sick, =home =sick, sick day, sick leave, sick note, =fmla, workers comp', { context: true }),
    ...each('=hr', { context: true, near: ['want', 'ask', 'request', 'depart', 'manager', 'dept'] }),
    ...each('=curious, =wondering, =nosy, ciekaw', { context: true }),
    // Someone the user met, a colleague's own movements, a seller who cheated the user
    ...each('=i =met, =met =her =at, =met =him =at, =que =conoci, =la =conoci, =lo =conoci, =ktora =poznalem, =ktorego =poznalam, =poznalem =w', { context: true }),
    // A family matter, said so ("sprawa rodzinna", "asunto familiar")
    ...each('family matter, sprawa rodzinna, asunto familiar, asunto de familia', { context: true }),
    // Searched for a private party whatever the crime word beside it ("fraud investigation for the
    // insurer", "at the request of a landlord"); an audit of an officer who did so is another matter
    ...['for', 'request', 'behalf'].flatMap((lead) => each(['insurer', 'insurance compan', 'landlord', 'employer', 'lender', 'creditor', 'repo compan', 'collection agenc', 'property manag'].map((who) => `=${lead} ${who}`).join(', '), { notAnywhere: [...ADMINISTRATIVE_CUES] })),
    // Infidelity, said so: no crime word beside it makes it one
    ...each('=cheating =on, =hes =cheating, =shes =cheating, =cheats =on, =having =an =affair'),
    ...each('=my', { context: true, next: ['sergeant', '=sarge', '=sgt', 'lieutenant', '=lt', 'captain', '=boss', 'supervisor', 'coworker', 'colleague', '=partner'], near: ['=goes', '=going', '=went', 'lunch', '=home', '=lives', '=drives', '=where'] }),
    ...each('=sold =me, =ripped =me =off, =scammed =me', { context: true }),
    // Someone's own score to settle ("so they can confront him", "payback")
    ...each('=confront =him, =confront =her, =confront =them, =get =even, =revenge, =payback, =get =back =at', { context: true }),
    // A slight to the user or a colleague as the reason ("flipped me off", "she was rude to him")
    ...each('=flipped =me =off, =flipped =him =off, =flipped =her =off, =flipped =us =off, =flip =me =off, =gave =me =the =finger, =cut =me =off, =rude =to =me, =rude =to =him, =rude =to =her, =rude =to =us, =was =rude, =mouthed =off, =disrespected, =insulted =me, =embarrassed =me, =laughed =at =me', { context: true }),
    // The user says so: no crime behind the search
    ...each('nothing criminal, not criminal, =no =crim, =non =crim, noncrim, =no =crime, not a crime, no criminal, not a police matter, nada criminal, =no =es =delito, =nic =kryminaln, =nie =przestepstw, zadnego przestepstw, =nie =ma =przestepstw, =bez =przestepstw, zlochynu nemaie, nemaie zlochynu, =bez =zlochynu', { context: true }),
    // Checking for a neighbour or a friend, in Polish ("sprawdzam dla sąsiada")
    ...each('=dla =sasiad, =dla =sasiada, =dla =kolegi, =dla =znajomego, =dla =znajomej, =dla =kumpla', { context: true }),
    // First person after the noun ("an ex of mine"), money owed in a family, and dates
    ...each('=of =mine, child support, alimony, palimony, pension alimenticia, alimenty', { context: true }),
    // Civil disputes a court settles between the parties, custody arrangements kept or missed, friends lost touch with
    ...each('family court, divorce court', { context: true }),
    ...each('small claims, civil suit, civil lawsuit, =lawsuit, civil matter, civil thing, civil issue, purely civil, civil dispute, civil court, =sue =him, =sue =her, =sue =them, custody dispute, custody schedule, custody battle, visitation schedule, parenting time, lost touch, lost contact, =reconnect, =hs =friend, high school friend, childhood friend, old friend, class reunion', { context: true }),
    // An old friend or relation looked up ("my old academy buddy"), and parties planned for them
    ...each('=my =old, =my =former', { context: true, near: RELATIONS }),
    ...each('surprise party, birthday party', { context: true }),
    // Where a famous person lives or what they drive
    ...each('celebrit, famous, athlete, =nba, =nfl, =mlb, =nhl, =player, influencer, =actor, =actress, =singer, =rapper', { context: true, near: ['=lives', '=live', '=living', '=car', '=drives', '=drive', '=house', '=home', '=where', 'address'] }),
    // A former partner named without "my" ("ex-wife's car whereabouts", "an old girlfriend's new address")
    ...each('=ex wife, =ex husband, =ex girlfriend, =ex boyfriend, =ex partner, =ex fiance, exwife, exhusband, exgirlfriend, exboyfriend, expartner', { context: true }),
    // ... or as "the ex", not an ex-convict's or ex-employee's past
    ...each('=ex, =exs', { context: true, notAnywhere: PROTECTION_ORDERS, notBefore: ['con', 'cons', 'convict', 'offender', 'felon', 'employee', 'worker', 'officer', 'cop', 'gang', 'member', 'military', 'marine', 'soldier', 'boss', 'manager', 'partner =in =crime'] }),
    ...each('old girlfriend, old boyfriend, old flame, former girlfriend, former boyfriend, former wife, former husband, former partner, old partner', { context: true }),
    // Whoever complained about, reported or sued the user: retaliation, not a case
    ...each('complain, complaint, =reported, =sued, =suing, =testified, =wrote, =filed, =snitch, =snitched, denunci, skarg, zglosil', { context: true, near: ['=me', '=myself', '=mi', '=mnie'] }),
    ...each('=date', { context: true, near: ['tonight', '=app', 'tinder', 'bumble', 'hinge', 'first', 'blind', 'online'] }),
    // Out with someone ("a girl from a date", "went on a date with")
    ...each('=on =a =date, =from =a =date, =from =my =date, =my =date, =had =a =date, =after =a =date, =on =date, =una =cita =con, =randk', { context: true }),
    // Asking that the search not be recorded: whatever it is for, it is not a case
    ...each('=dont =log, =do =not =log, =dont =record, =do =not =record, =dont =document, =off =the =books, =off =record, =off =the =record, =keep =it =quiet, =between =us, =no =lo =registres, =nie =zapisuj', { context: true }),
    ...each('tinder, bumble, dating app, dating site, =match =com', { context: true }),
    // Buying a car, school and league boundaries
    ...each('=buying, =buy, =purchase, =purchasing', { context: true, near: ['=i', '=im', '=me', 'thinking', 'considering', 'before'] }),
    ...each('boundar', { context: true, near: ['live', 'lives', 'living', 'reside', 'district', 'school', 'league'] }),
    // People and officials who are not law enforcement, asking
    // Village ordinance matters V.B leaves out (animals, bins, snow, lawns) and towing companies
    ...each('stray, off leash, barking dog, dog waste, dog poop, =feeding =birds, =feeding =cats, =feeding =pigeons, garbage can, trash can, recycling bin, snow removal, unshoveled, overgrown, leaf blow, yard waste, tow company, towing company', { context: true }),
    ...each('neighborhood watch, neighbourhood watch, block club, block captain, =personal =car, =personal =vehicle', { context: true }),
    ...each('realtor, real estate agent, wedding planner, event planner, little league, =coach, homeowner association', { context: true }),
    ...each('alderman, alderwoman, councilman, councilwoman, council member, trustee, =mayor', { context: true, near: ['want', 'ask', 'request', 'favor', 'favour', '=for'] }),
    ...each('=lawyer, =attorney, abogad, prawnik, adwokat', { context: true, near: ['want', 'ask', 'request', 'subpoena', '=for'], notAfter: ['state', 'states', 'district', 'united', 'assistant', 'county', 'prosecut', 'immigra', 'general'] }),
    // VII.A: a request from outside law enforcement goes to the Records Division, not through a
    // search: companies, researchers, the press, other offices and boards asking for reads
    ...each('vendor, contractor, consultant, consultanc, software compan, tech compan, =company, =companies, =firm, researcher, professor, graduate student, grad student, newspaper, news station, =tv =station, television, =producer, podcast, journalist, =press, =media, blogger, chamber of commerce, business owner, store owner, shop owner, merchant, advertis, fleet manager, garage operator, parking operator, nonprofit, non profit, advocacy group, =school, =board, =developer', { context: true, near: ASKING }),
    ...each('research project, research study, =academic, =thesis, =dissertation, =survey, =census, public records, records request, =foia, freedom of information, open records, grant application, grant report, =analytics, heat map, =heatmap, machine learning, training data, data set, =dataset, =datasets', { context: true }),
    ...each('=study', { context: true, notBefore: ['=the', '=it', '=this', '=that', '=his', '=her', '=their', 'footage', '=video', '=plate', '=plates', '=images', '=photos'] }),
    ...each('universit, college, =lab, laborator', { context: true, near: ASKING }),
    ...each('newsletter, annual report, =ranking, =rankings, busiest', { context: true }),
    ...each('=whats =her =name, =what =is =her =name, =whats =his =name, =what =is =his =name, =where =does =she =live, =where =does =he =live, =where =she =lives, =where =he =lives', { context: true }),
    // VI: no mass download; IX: no use outside work devices; and reads counted for a study rather than a case
    ...each('mass download, bulk download, bulk export, =bulk, every read, all reads, all the reads, all of the reads, whole database, entire database, full database, entire reads, whole reads, full extract, data dump, =dump, raw reads, production reads, all the data', { context: true }),
    ...each('side project, personal project, pet project, =my =thumb, =my =flash, =my =usb, =my =hard =drive, =my =external', { context: true }),
    ...each('spreadsheet, =csv, =excel, open data, own tablet, own phone, own laptop, own computer, own device, my records, my files', { context: true }),
    ...each('work from home, working from home, home computer, home laptop, personal laptop, personal computer, personal phone, personal email, personal account, personal drive, personal google, google drive, dropbox, icloud, onedrive', { context: true }),
    ...each('commuter, commuting, =shoppers, traffic volume, =volumes, how many cars, how many vehicles, count cars, count the cars, counting cars, where they come from', { context: true }),
    // Not an investigation: showing or trying out the system
    ...each('=demo, =demos, new hire, show how, how the search works, how the system works, practice search, test search, training exercise, random plates, random plate, random sample, =try =out, trying out, play around, playing around', { context: true }),
    // A colleague's or a passer-by's private life: where they live, what they drive
    ...each('dispatcher, =officers, colleague, coworker, =clerk, =cadet, =recruit', { context: true, near: ['=lives', '=live', '=living', '=drives', '=home', 'address', 'girlfriend', 'boyfriend', '=dating'] }),
    ...each('=pretty, =cute, attractive, gorgeous, =hot, =sexy', { context: true, near: ['=lives', '=live', '=drives', '=drive', '=where', '=name', '=single', '=number', '=address'], notBefore: ['sure', 'certain', 'much', '=far', 'close', 'quick', 'fast', 'badly', '=new', '=old', '=big', '=small', '=large', '=dark', '=light', '=good', '=bad'] }),
    ...each('=recruit, =recruits, trainee, academy class, new officers', { context: true, near: ['=see', '=show', 'learn', 'practice', '=how', '=try'] }),
    ...each('=which =officer, =which =officers, =which =of =officers, =which =deputy, =which =detective, =which =sergeant, =which =cop, =which =dispatcher', { context: true, near: ['=owns', '=drives', '=car', '=vehicle', '=parks', '=lives'] }),
    ...each('=woman, =girl, =lady, =guy', { context: true, anywhere: ['=i =see', '=i =saw', '=cute', '=pretty', 'attractive', '=hot', 'gorgeous', '=gym', 'coffee shop', 'every morning', 'every day'] }),
    // (abbreviations written whole, with the owner's s: "Sgt's wife's car" reads "sgts wifes car")
    ...each('chief, sergeant, =sgts, =sarges, lieutenant, =lts, =lieuts, captain, =capts, commander, =cmdrs, detective, deputy', { context: true, owns: RELATIONS }),
    // Foreign governments are not law enforcement agencies that may receive data (VII.D)
    ...each('consulate, consular, =consul, embassy, consulado, embajada, konsulat, ambasad', { context: true }),
    ...each('cobrador, cobranza, aseguradora, ajustador, detective privado, casero, inquilino, desalojo, embargo, divorcio, windykac, komornik, ubezpieczyciel, likwidator szkod, detektyw, wynajmujac, najemc, eksmisj, rozwod', { context: true }),
  ],
};
