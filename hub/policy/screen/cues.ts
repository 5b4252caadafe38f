/**
 * What a description says about its reason, beside the prohibited terms of lexicon.ts: a crime or
 * a person in danger named (which lets a protected event, place or class named beside it through),
 * words that aim the search at an event's people or at an offender, a personnel or audit matter,
 * a crime only feared or admitted to be a cover. Written folded and as stems, like the lexicon.
 */

/**
 * Words that say the search is about a crime or a person in danger, in which case a protected
 * event, place or class named beside it (a robbery at a church) does not refuse it alone.
 */
export const INVESTIGATIVE_CUES: readonly string[] = [
  'rob', 'stole', 'stolen', 'steal', 'theft', 'thief', 'burglar', 'shoot', 'shot', 'stab', 'homicid', 'murder', 'kill', 'assault', 'batter', 'carjack', 'kidnap',
  'abduct', 'rape', 'arson', 'vandal', 'hate crime', 'attack', 'beaten', 'missing', 'endanger', 'amber', 'silver alert', 'runaway', 'suicid', 'weapon', 'gun',
  'firearm', 'knife', 'fraud', 'trafficking', 'drug', 'narcot', 'narkot', 'droga', 'criminal damage', 'felony', 'threat', 'bomb', 'extort', 'molest', 'strangl', 'abus',
  'robo', 'robad', 'asalt', 'secuestr', 'desaparec', 'disparo', 'dispar', 'apunal', 'violacion sexual', '=violada', '=violador', '=violadores', 'incendi', 'hurto', 'ladron', 'amenaz', 'agresi',
  'punch', 'torch', 'hijack', 'impersonat', 'hate motiv', 'bias motiv', 'stalk', 'drive by', 'alzheimer', 'dementia', 'demencia', 'wander', 'not returned', 'no regresa', 'no ha regresado',
  'break in', 'broke in', 'broken into', '=looted', '=looting', '=looter', '=looters', 'embezzl', 'ransack', '=lure', '=lured', '=lures', 'luring', 'indecent', 'exposed himself', 'sexually', 'sexual assault', 'rammed', 'critically',
  'seriously injur', 'seriously hurt', 'hospitaliz', 'bodily harm',
  // shots fired, said without "shot"
  '=fired =at', '=firing =at', '=opened =fire', '=shots =fired',
  // stabbed, in Polish ("dźgnięta nożem"); murdered and shot, in Spanish ("asesinado a tiros", "baleado")
  'dzgni', 'dzgnie', 'zadzga', 'nozem', 'asesin', 'balead', 'balacera', '=a =tiros',
  // more crimes in Spanish (a shooting, a beating, armed, hate graffiti, run over, a silver alert) and Polish (assault, robbery, theft, beating, threats with a weapon, shooting, abduction, burglary, arson, hate)
  'tiroteo', 'golpiza', 'golpe', 'mano armada', '=armado', '=armada', 'pintas de odio', 'crimen de odio', 'atropell', 'choque y fuga', 'alerta plateada', 'alerta amber', 'robaron', 'asaltaron', 'apunalad',
  '=setting =fire', '=set =fire', '=set =on =fire', '=sets =fire', '=lit =a =fire',
  'napasc', 'napad', 'rozboj', 'ukradl', 'ukradzion', 'kradziez', 'kradziez', 'pobic', 'pobil', 'grozac', 'grozil', 'strzelanin', 'postrzel', 'zastrzel', 'porwan', 'porwal', 'wlamani', 'wlamal', 'podpal', 'na tle nienawisci',
  // people or goods brought in against the law (human smuggling is a felony; status checks are not)
  'smuggl', 'contraband',
  // a person struck by a car, stones thrown
  '=hit =the pedestrian', '=hit =a pedestrian', '=hit =the bicycl', '=hit =a bicycl', '=hit =the cyclist', '=hit =a cyclist', '=struck =the pedestrian', '=struck =a pedestrian', '=struck =the cyclist', '=struck =a cyclist',
  'threw rock', 'threw stone', 'threw brick', 'thrown rock', 'thrown stone', 'thrown brick',
  // Crimes named by what was done or taken (slurs sprayed on a door, a catalytic converter sawn off)
  'catalytic', 'graffiti', 'spray paint', 'spraypaint', '=slur', '=slurs', 'swastika', '=noose', '=keyed', 'slashed', 'brick through', 'rock through', 'window smashed', 'smashed window',
  'shattered', 'deface', 'desecrat', 'sawed off', 'sawn off', 'mugged', 'mugging', '=scam', '=scammed', 'swindl', 'forged', 'forgery', 'counterfeit', 'molotov', 'firebomb', 'fire bomb',
  'incendiar', 'explosive', 'pickpocket', 'purse snatch', 'fentanyl', 'heroin', 'cocaine', '=meth', 'methamphet', 'oxycodone', 'xanax bar', '=hit =run =with injur', '=hit =run injur', '=injury =hit =run', '=leaving =scene injur',
  // groping, harassment, grooming, a court order broken, weapons and injuries in plain words
  '=grope', '=groped', 'groping', 'fondl', 'harass', '=grooming', '=groomed', 'violat no contact', 'violat order', 'violat protective', 'violat restraining', 'violat stalking',
  'pistol', 'box cutter', 'machete', 'brass knuck', '=razor', 'pepper spray', '=coma', 'critical condition', '=plowed', 'mowed down', '=people =hurt', '=people =injured', 'gang sign', '=tagging',
  // wanted people, people in danger described rather than named, force, fraud, a home invaded
  '=warrant', '=warrants', 'fugitive', 'parolee', 'parole violat', 'abscond', 'ankle monitor', '=escaped', 'escapee', '=wanted =for', '=wanted =on', '=wanted =in',
  'disoriented', '=without =medication', '=off =medication', '=needs =medication', '=without =meds', '=off =meds', 'welfare check', '=cannot =reach', '=cant =reach', '=unable =reach', '=at =risk', '=domestic', '=forced =into', '=forced =her', '=forced =him', '=dragged',
  '=with =adult', '=older =man', '=conned', '=con =man', '=con =artist', 'defraud', '=bilked', 'grandparent scam', 'home invasion', 'invaded',
  // violence described by the act (spat on, shoved, run over, a smash-and-grab)
  'brandish', 'handgun', 'bullet', '=casings', 'shell casing', '=choked', '=slapped', '=kicked', '=shoved', '=spat', '=spit =on', '=beating', '=beat =up', '=punched', '=exposing', '=smash =grab',
  ...['run', 'ran', 'running', 'runs'].flatMap((v) => ['him', 'her', 'me', 'them', 'man', 'woman', 'child', 'kid', 'boy', 'girl', 'pedestrian', 'person', 'protester', 'victim', 'cyclist', 'officer', 'people', 'pedestrians', 'protesters', 'marchers', 'worshippers', 'crowd']
    .flatMap((who) => [`=${v} =over =${who}`, `=${v} =${who} =over`, `=${v} =down =${who}`, `=${v} =${who} =down`])),
  // offences as the criminal code and the crime reports name them; not the words used to dress up a
  // protest as one (riot, mob action, disorderly, trespass, obstruction, resisting)
  'larceny', 'shoplift', 'bribe', 'briber', 'prostitut', '=pimp', '=pimping', 'pander', 'child porn', 'pornograph', 'voyeur', 'peeping', 'upskirt', '=lewd', 'sextort', 'revenge porn',
  'doxx', 'swatting', 'animal cruelty', 'cruelty to', 'armed violence', 'armed robber', 'reckless discharge', 'aggravated discharge', 'vehicular invasion', 'vehicular hijack', '=ransom', 'hostage',
  'terroris', 'predatory', 'unlawful restraint', 'false imprisonment', 'ponzi', 'skimmer', 'skimming', 'ransomware', '=hacked', '=poisoned', 'poisoning', 'overdose', 'suffocat', '=drowned',
  '=icu', 'intensive care', 'trauma center', 'life support', '=doa', '=dump =the =body', '=dumped =the =body', '=dumped =a =body', '=dumped =body', 'body dump', '=wounded', '=maimed', '=bleeding', '=found =dead', '=body =found', '=found =body', 'dead body', 'corpse', 'human remains', 'death investigation', 'perjury',
  // crimes described by what was done rather than named: a fire set, a victim deceived or enticed, weapons
  // by their names, a vehicle driven into people, blows to the body, people hurt counted, a mailed hoax,
  // fake checks and money, parts sawn off, money made off with, a person vanished
  '=set =fire', '=set =ablaze', '=set =alight', '=lit =fire', '=tricked =out', '=cheated =out', '=duped', '=fleeced', '=coax', '=coaxed', '=coaxing', '=entice', '=enticed',
  'rifle', 'shotgun', 'revolver', '=glock', '=ar =15', '=ak =47', 'assault weapon', 'long gun', 'semiautomatic', 'semi automatic',
  '=into =crowd', '=into =marchers', '=into =protesters', '=into =demonstrators', '=into =pedestrians', 'white powder', 'suspicious powder', 'suspicious package', 'anthrax', '=ricin',
  ...['struck', 'hit', 'punched', 'kicked', 'slapped', 'stomped', 'beaten'].flatMap((v) => ['face', 'head', 'chest', 'stomach', 'mouth', 'jaw', 'eye'].map((part) => `=${v} =in =${part}`)),
  ...['two', 'three', 'four', 'five', 'six', 'several', 'multiple', 'many'].flatMap((n) => [`=${n} =injured`, `=${n} =hurt`, `=${n} =wounded`]),
  '=fake =check', '=fake =checks', '=bogus =check', '=bogus =checks', '=bad =checks', '=fake =bills', '=fake =money', '=fake =currency',
  '=sawed', '=sawn', 'made off with', 'ran off with', '=pocketed', 'misappropriat', 'siphon', '=vanished', '=disappeared',
  // and after set 21: fuel poured to burn, a threat to burn down, force that throws someone down, things thrown at people, a
  // person not seen since, cars entered or their doors tried, burglars who pretend to come from a utility
  '=doused', 'accelerant', '=soaked =in =gasoline', '=soaked =in =gas', '=burn =down', '=burned =down', '=burnt =down', '=pushed =over', '=pushed =down', '=knocked =down', '=knocked =over',
  'car prowl', '=cars =entered', '=car =entered', '=vehicles =entered', '=vehicle =entered', '=trying =car =doors', '=checking =car =doors', '=pulling =car =doors',
  '=pelted', '=drove =off =without =paying', '=drive =off =without =paying', '=left =without =paying', '=walked =out =without =paying', '=dine =and =dash', '=not =been =seen', '=hasnt =been =seen', '=not =seen =since', '=pretending =be =from', '=posing =as =from', '=claiming =be =from',
  // leaving the scene of a crash is a crime (625 ILCS 5/11-401, 11-402), and so is striking someone with a car
  '=hit =run', '=fled =scene', '=fleeing =scene', '=left =scene', '=leaving =scene', '=struck =by =car', '=struck =by =vehicle', '=hit =by =car', '=hit =by =vehicle',
  // and by the abbreviations of reports and CAD (AGG BATT, ADW, UUW, GTA, BURG)
  '=agg', 'aggravat', '=batt', '=aslt', '=asslt', '=adw', '=uuw', '=uuv', '=gta', '=burg', '=csc', '=crim dmg',
  'kradz', 'ukrad', 'skradzion', 'napad', 'rozbo', 'zabojstw', 'morderstw', 'porwan', 'zaginion', 'zaginie', 'zagrozon', 'strzel', 'pobic', 'wlaman', 'podpal', 'zgwalc', 'grozb',
  // an order of protection broken, however the words fall
  '=op violat', 'violat =op', '=oop violat', 'violat =oop', 'order of protection violat', 'protection order violat', 'restraining order violat', 'violation of order', 'violation of an order', 'violation of the order', 'violated the order', 'violated her order', 'violated an order',
  // fleeing and eluding (625 ILCS 5/11-204), people hurt as it is written in a crash report
  // a child or a person taken, in plain words ("her 8-year-old was taken by a stranger")
  '=taken =by =stranger', '=taken =by =strangers', '=taken =by =unknown', '=taken =by =someone', '=taken =by =man', '=taken =by =woman', '=taken =by =male', '=taken =by =female', 'snatched', '=lured',
  // struck with a weapon in plain words ("an attendee was hit with a bat")
  ...['bat', 'bats', 'pipe', 'bottle', 'brick', 'hammer', 'crowbar', 'club', 'rock', 'rocks', 'stick', 'tire iron', 'baton', 'board'].map((w) => `=hit =with =${w.replace(' ', ' =')}`),
  '=fled =police', '=fled =from =police', '=fled =a =traffic =stop', '=fled =the =traffic =stop', '=fled =a =stop', 'eluding', '=injuring', 'gunpoint',
  // shots fired at people, and Arabic as officers transliterate it (attacked, knife, threatened, fled, stole, killed, pistol, kidnapped)
  '=fired =at', '=fired =on', '=shot =at', '=shots =at', 'hajam', 'sikkin', 'sakeen', 'hadad', 'harab', 'saraq', 'sariq', 'qatal', 'musaddas', 'khataf',
];

/**
 * Words that point a search at the people of a protected event or place (its attendees, members,
 * patients, everyone there): with one of them a crime named beside it no longer lets the text through
 * ("gun rights rally attendees", "the vigil for the shooting victim: who came").
 */
export const TARGETING_CUES: readonly string[] = [
  'attendee', 'attended', 'attending', 'participant', 'member', 'visitor', 'patient', 'paciente', 'pacjent', 'catalog', 'every car', 'every vehicle', 'every plate', 'all plates', 'congregant', 'worshiper', 'worshipper', 'everyone', 'everybody', 'all cars',
  'all vehicles', 'list of', 'list the', 'list all', 'people at', 'people who', 'who came', 'who went', 'who was at', 'who were at', 'identify the', 'asistentes', 'participantes', 'miembros',
  'visitantes', 'feligreses', 'todos los', 'uczestni', 'czlonk', 'odwiedzaj', 'wszyscy', 'wszystki',
  // who goes there, in Spanish and Polish
  '=kto =tam =chodzi', '=kto =chodzi', '=kto =tam =bywa', '=quien =va', '=quienes =van', '=quien =viene', '=quienes =vienen',
  // a following, by its allegiance
  '=supporters', '=followers', '=backers', 'simpatizantes', 'seguidores', 'zwolennik',
  // the same aim in euphemisms: watching who turns up rather than listing them
  'keep tabs', 'keeping tabs', 'kept tabs', 'keep an eye', 'keeping an eye', 'who showed', 'who shows', 'who show', 'who turned out', 'who turns out', 'who attend', 'who goes', 'who go to',
  'whos active', 'who is active', 'roster', 'attendance', 'head count', 'headcount', 'sign in sheet', 'quienes asist', 'quienes fueron', 'quien asist', 'kto byl', 'kto przyjech', 'kto przyszedl', 'lista obecnosci',
  // who went, in Spanish, Tagalog and Vietnamese, and who comes to a place
  '=quien =fue', '=quien =estuvo', '=quienes =estuvieron', 'dumalo', '=sino =ang', '=ai =da =den', '=tham =du', '=comes =and =goes', '=coming =and =going', '=who =visits', '=who =visited', '=who =visit', '=who =frequents', 'regulars',
];

/**
 * Words after a targeting cue that aim it at the offender, not at an event's people ("identify the
 * offender", "list of suspects").
 */
export const PERPETRATORS: readonly string[] = [
  'suspect', 'offender', 'perpetrat', '=perp', '=perps', 'shooter', 'gunman', 'gunmen', 'attacker', 'assailant', 'robber', 'thief', 'thieves', 'vandal', 'arsonist', 'culprit', 'killer',
  'kidnapper', 'abductor', 'carjacker', 'burglar', 'stalker', 'person responsible', 'persons responsible',
  // one of them, not a crowd: "identify the driver", not "the drivers"
  '=driver', '=vehicle', '=car', '=man', '=woman', '=person', '=owner', 'sospechos', 'agresor', 'ladron', '=sprawca', '=sprawcy', '=sprawcow', '=sprawce', '=sprawcom', '=sprawcami', 'podejrzan',
];

/**
 * Words after a targeting cue that make its people the ones who reported the crime ("congregants
 * reported a man trying car doors"): witnesses, not the crowd searched.
 */
export const WITNESSES: readonly string[] = ['=reported', '=report', '=reports', '=witnessed', '=called', '=told', 'denunci', 'zglosil'];

/**
 * Words that say the query is a personnel complaint, an administrative investigation or an audit
 * (IX allows these without a case): the personal words in them describe the misuse examined.
 */
export const ADMINISTRATIVE_CUES: readonly string[] = [
  'personnel complaint', 'internal affairs', 'administrative investigation', 'admin investigation', '=ia =investigation', '=ia =case', '=ia =complaint', '=ia =admin', 'professional standards', 'misconduct', 'misuse',
  'user audit', 'query audit', 'audit log', 'audit trail', '=audit =of =his', '=audit =of =her', '=audit =of =the =account', '=audit =of =their',
  // the same in shorthand ("IA audit", "admin inv"), and the compliance audits VII.E-G ask for
  '=ia =audit', '=ia =inv', '=ia =review', '=admin =audit', '=admin =inv', 'administrative audit', 'compliance audit', 'compliance review', 'internal audit', 'query log', 'search log', '=audit =officer', '=audit =the =officer',
  ...['his', 'her', 'their'].flatMap((who) => [`=audit =${who} =alpr`, `=audit =${who} =queries`, `=audit =${who} =searches`]),
  'asuntos internos', 'postepowanie dyscyplinarn', 'skarga na funkcjonariusz',
];

/**
 * Words before a crime word that make it one feared, not one that happened ("track them before
 * something goes missing"): that crime word does not make the text investigative.
 */
export const HYPOTHETICAL_CUES: readonly string[] = [
  'before something', 'before anything', 'in case', 'prevent', 'preempt', 'pre empt', 'por si', 'antes que algo', 'zanim cos', 'na wypadek', 'zapobiec',
];

/**
 * Names of lawful causes and the groups and places of their supporters that hold a crime word ("gun
 * rights", "gun owners", "the gun show"): the word names the cause, not a crime, so it does not let
 * the cause's meeting through.
 */
export const LAWFUL_CAUSES: readonly string[] = [
  '=gun =right', '=gun =rights', '=gun =owner', '=gun =owners', '=gun =club', '=gun =clubs', '=gun =show', '=gun =shows', '=gun =control', '=gun =safety', '=gun =law', '=gun =laws', '=gun =reform',
  '=gun =lobby', '=gun =sense', '=gun =range', '=gun =violence =prevention', '=pro =gun', '=firearm =owner', '=firearm =owners', '=firearms =owners', '=firearm =rights', '=firearms =rights',
  '=rifle =association', '=rifle =club', '=rifle =range', '=sportsmens =club',
];

/**
 * A crime word that names a judgement made ahead of time, not a crime ("a pre-event threat
 * assessment" of a march): no more a crime named than a feared one.
 */
export const ASSESSMENTS: readonly string[] = ['=threat =assessment', '=threat =assessments', '=threat =analysis', '=threat =level', '=threat =briefing', '=threat =picture', '=threat =matrix'];

/**
 * Words a few words before a crime word that make it the cause an event is held for ("a vigil for the
 * man shot by police", "the march against gun violence"): the crime is why people gather, not why
 * the search is run, so it does not let the gathering through.
 */
export const CAUSE_LEADS: readonly string[] = [
  '=vigil =for', '=vigil =against', '=vigils =for', '=march =for', '=rally =for', '=walk =for', '=memorial =for', '=justice =for', '=pray =for', '=prayers =for', '=prayer =for', '=march =against', '=rally =against', '=protest =against',
  '=protesting', '=stand =against', '=marching =against', '=to =end', '=to =stop', '=awareness', '=in =memory', '=remembering', '=honoring', '=honouring',
];

/** Words that admit the crime named is a cover for the search ("stolen plate check, not really"): then it names none. */
export const PRETEXT_CUES: readonly string[] = ['not really', 'not actually', 'pretext', 'cover story', 'for the record', 'on paper', 'put it down as', 'call it', 'code it as', 'list it as',
  // ... or that no crime or incident stands behind it ("no call for service", "sarge says it's a civil thing")
  'no call for service', '=no =cfs', 'civil thing', 'civil matter', 'civil issue', 'purely civil', '=no =police =report', '=no =report =filed', '=no =report =was =filed', '=no =report =has =been =filed',
  // ... or that the case named is not what the search is for ("unrelated to that, ...", "the actual request is"), or was found to be no crime
  '=unrelated =to =that', '=unrelated =to =this', '=unrelated =to =it', '=unrelated =to =the =case', '=unrelated =to =this =case', '=separate =from =the =case', 'off the record',
  '=actual =request', '=real =request', '=actual =reason', '=real =reason', '=true =reason', '=actual =purpose', '=real =purpose', '=true =purpose', 'unfounded',
  '=real =ask', '=actual =ask', '=real =goal', '=actual =goal', '=true =goal', '=real =aim', '=actual =aim', '=the =point =is', '=whats =actually', '=whats =really', '=what =is =actually', '=what =is =really',
  '=actually =wanted', '=really =wanted', 'placeholder', '=just =the =entry', '=on =the =form', '=on =the =request', '=used =to =get =in', '=get =in =the =door', '=honestly =this =is', '=this =is =really =for', '=this =is =actually =for',
  '=but =tonights =search', '=but =todays =search', '=but =this =search', '=but =the =search =is', '=but =this =one =is =for',
  // ... and in Spanish and Polish ("pero en verdad es para", "wpisuję napaść, ale to żeby")
  '=en =verdad', '=en =realidad', '=la =verdad =es', '=pero =es =para', '=pero =es =pa', '=wpisuje', '=wpisze', '=wpisalem', '=ale =to =zeby', '=ale =naprawde', '=tak =naprawde', '=naprawde =chodzi'];

/**
 * Words after a protected word that put it outside the request, when a crime is named ("his
 * immigration status is not relevant", "a fundraiser, which has no bearing on this search").
 */
export const IRRELEVANT: readonly string[] = ['=not =at =issue', '=not =an =issue', '=not =relevant', '=irrelevant', '=no =role', '=no =bearing', '=no =part', '=nothing =to =do =with', '=not =a =factor', '=doesnt =matter', '=does =not =matter',
  '=not =our =concern', '=not =of =interest', '=no =importa', '=no =es =relevante', '=nie =ma =znaczenia', '=nieistotn'];

/**
 * Words that may stand between a word and the one its `next` names ("my adult daughter", "my
 * older brother", "his new ex"): how old, which one, how close.
 */
export const NEXT_MODIFIERS: ReadonlySet<string> = new Set(['adult', 'grown', 'older', 'younger', 'oldest', 'youngest', 'eldest', 'little', 'big', 'baby', 'new', 'teenage', 'teenaged', 'teen',
  'estranged', 'own', 'current', 'former', 'late', 'twin', 'half', 'future', 'favorite', 'favourite', 'best', 'dear']);

/** How many people a crime was done to ("punched two attendees"): skipped between the act and its victims. */
export const COUNTS: ReadonlySet<string> = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'multiple', 'many', 'some', 'dos', 'tres', 'dwoch', 'trzech', 'kilku']);

/**
 * Words that make the people after a targeting cue the subject of a crime done to them ("worshippers
 * leaving the halaqa were pelted"): victims, as when the crime verb comes first.
 */
export const PASSIVE: ReadonlySet<string> = new Set(['was', 'were', 'got', 'been', 'fue', 'fueron', 'zostal', 'zostala', 'zostali', 'zostaly']);

/**
 * Things a person owns, written before "de/del" in Spanish or before a genitive in Polish ("el
 * carro de una asistente", "samochód uczestnika"): the person named after them owns the thing, as
 * "an attendee's car" does in English, and is a victim, not the crowd searched.
 */
export const OWNED_THINGS: readonly string[] = ['carro', 'auto', 'coche', 'camioneta', 'vehiculo', 'bolsa', 'bolso', 'cartera', 'celular', 'casa', 'placa', 'samochod', 'torebk', 'portfel', 'telefon', '=dom', 'mieszkani'];

/** Small words skipped inside phrases ("failure to yield", "semáforo en rojo", "prawo jazdy"). */
export const PHRASE_FILLER: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'for', 'to', 'at', 'on', 'and', 'by', 'de', 'la', 'el', 'los', 'las', 'del', 'en', 'y', 'un', 'una', 'na', 'w', 'z', 'za', 'do', 'o', 'i', 'po', 's', 'su', 'sus', 'her', 'his', 'their', 'jej', 'jego', 'swoja', 'swoj',
]);

/**
 * Verbs of asking: with a subject from outside law enforcement ("the camera supplier asked for",
 * "a local store wants to know") and no crime named, the search serves a request VII.A sends to the
 * Records Division.
 */
export const REQUEST_VERBS: readonly string[] = ['=want', '=wants', '=wanted', '=asked', '=asks', '=asking', '=requested', '=requests', '=requesting', '=needs', '=needed', '=would =like',
  '=quiere', '=quieren', '=pidio', '=pidieron', '=solicito', '=solicita', '=chce', '=chca', '=prosi', '=prosil', '=prosila', '=poprosil', '=poprosila', '=poprosili'];

/**
 * Words that open a second request beside the first ("... Also, check whether ...", "while you're
 * at it", "P.S.", "second thing:"): the first two kinds only at the start of a sentence or of a
 * bracket, the phrases anywhere. What follows one, to the end of its sentence, is screened as a
 * request of its own when it asks for a search (SEARCH_VERBS): the crime the first names does not
 * cover it.
 */
// ("ps", a stem: "P.S. a" runs together as one spelled-out word; "P.S. monitor" does not)
export const ADD_ON_STARTS: readonly string[] = ['=also', '=plus', 'ps', '=p =s', '=bonus', '=additionally', '=and', '=btw', '=oh =and', '=separately', '=then', '=tambien', '=ademas', '=takze', '=rowniez', '=poza =tym'];
export const ADD_ONS: readonly string[] = ['=and =also', '=while =youre =at =it', '=while =you =are =at =it', '=while =were =in =there', '=while =we =are =in =there', '=while =youre =in =there', '=while =you =are =in =there',
  '=might =as =well', '=second =thing', '=one =more =thing', '=another =thing', '=a =follow =up', '=on =the =side', '=side =note', '=ya =que =estas', '=y =de =paso', '=przy =okazji'];

/** Verbs of searching, and what is asked for, as a request asks for one ("check", "run the plate", "see where", "wants reads", "help him out"). */
export const SEARCH_VERBS: readonly string[] = ['=check', '=run', '=reads', '=history', '=help', '=see', '=track', '=find', '=pull', '=flag', '=look', '=identify', '=monitor', '=locate', '=search', '=list', '=watch', '=tell', '=get', '=trace', '=follow',
  '=cite', '=ticket', '=write', '=boot', '=tow', '=revisa', '=revisar', '=busca', '=buscar', '=checa', '=checar', '=sprawdz', '=sprawdzic', '=znajdz', '=namierz'];

/**
 * Verbs of handing reads over, as the user is asked to ("send the reads to", "give the league a
 * list"): the recipient decides, as the subject of a request does. Not the past ("sent photos to a
 * 12-year-old" is what an offender did).
 */
export const GIVING_VERBS: readonly string[] = ['=send', '=give', '=forward', '=share', '=email', '=hand', '=provide', '=pass', '=mail', '=upload', '=deliver'];

/** What is handed over: reads and what is made of them. */
export const SHARED_THINGS: readonly string[] = ['=read', '=reads', '=plate', '=plates', '=list', '=data', '=records', 'spreadsheet', '=results', '=hits', '=counts', 'screenshot', '=images', '=photos', 'footage', '=export', '=extract', '=copy', '=file'];

/**
 * Subjects of a request that keep it inside law enforcement or with a crime's victims and their
 * families (who may ask for a missing relative): officers and their units, prosecutors and courts,
 * the user ("I", "we"), pronouns whose referent the screen cannot tell, and the people a case is for.
 */
export const REQUESTERS_IN_CASE: readonly string[] = [
  'evidence', 'property room',
  'officer', '=ofc', 'detective', '=det', 'sergeant', '=sgt', 'lieutenant', '=lt', 'captain', '=capt', 'commander', 'chief', 'deputy', 'trooper', '=agent', '=agents', 'investigat', 'analyst', 'dispatch',
  'patrol', 'police', '=pd', '=cpd', '=isp', 'sheriff', '=fbi', '=atf', '=dea', '=usms', 'marshal', 'prosecut', 'states attorney', '=state =attorney', '=asa', '=da', 'district attorney',
  'attorney general', 'task force', '=unit', 'squad', 'division', 'bureau', 'department', '=dept', '=agency', 'supervisor', '=court', '=judge', 'probation', '=parole', 'corrections', '=jail',
  'coroner', 'medical examiner', '=cop', '=cops', '=case', '=cases', 'caso', 'sprawa', 'sprawy', 'policia', 'policja', 'fiscal', 'prokurat', 'komend', 'detektyw',
  '=i', '=we', '=he', '=she', '=they', '=you', '=who', '=someone', '=somebody', '=yo', '=ella', '=ellos', '=ja', '=ona', '=oni',
  'victim', 'witness', 'complainant', 'caller', 'reporting party', '=rp', 'famil', 'mother', 'father', '=mom', '=dad', 'parent', 'wife', 'husband', 'daughter', '=son', 'sister', 'brother',
  'grandm', 'grandf', 'guardian', 'caregiver', 'caretaker', 'victima', 'testigo', 'madre', 'padre', 'familia', 'ofiar', 'swiadek', 'matka', 'ojciec', 'rodzin',
];
