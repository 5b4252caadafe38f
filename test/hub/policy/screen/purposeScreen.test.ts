import t from 'tap';
import { readFileSync } from 'node:fs';
import { PurposeScreen } from '../../../../hub/policy/screen/purposeScreen.js';

const screen = new PurposeScreen();
const categories = (text: string) => [...new Set(screen.screen(text).map((f) => f.category))];

t.test('the phrasings that got through the word list are refused, each for its category', async (t) => {
  const cases: Array<[string, string]> = [
    ['assist ICE with locating this driver', 'immigration enforcement'],
    ['ERO requested location of vehicle owner', 'immigration enforcement'],
    ['HSI agents asked us to find this car', 'immigration enforcement'],
    ['imigration status check on owner', 'immigration enforcement'],
    ['control de inmigración', 'immigration enforcement'],
    ['la migra pregunta por este carro', 'immigration enforcement'],
    ['Straż Graniczna prosi o historię tablicy', 'immigration enforcement'],
    ['CBP and USCIS want the owner located', 'immigration enforcement'],
    ['vehicle parked outside the womens health clinic', 'reproductive health care'],
    ['driver suspected of obtaining mifepristone pills', 'reproductive health care'],
    ['tr\u0430ffic complaint on Lake St', 'traffic enforcement'],
    ['traf\u200bfic complaint on Lake St', 'traffic enforcement'],
    ['identify strikers on the picket line', 'protected activity or class'],
    ['who attended Friday prayers at the mosque', 'protected activity or class'],
    ['find the Black drivers on Madison', 'protected activity or class'],
    // near-miss spellings: one edit from a stem (transposed, dropped or changed letters)
    ['immigartion status check on the owner', 'immigration enforcement'],
    ['tarffic complaint from a neighbour', 'traffic enforcement'],
    ['bought mifeprestone pills online', 'reproductive health care'],
    // words cut into pieces
    ['im-mi-gra-tion status', 'immigration enforcement'],
    ['pr o test organizers', 'protected activity or class'],
  ];
  for (const [text, category] of cases) t.same(categories(text), [category], text);
});

t.test('legitimate text that looks like a prohibited term is not refused', async (t) => {
  for (const text of ['stolen on March 3', 'ice cream truck robbed at gunpoint', 'human trafficking of minors', 'Iced coffee shop owner assaulted', 'traffic in narcotics',
    'armed robbery suspect vehicle, Icelandic tourist victim', 'car stolen from the church parking lot', 'owner reported the theft at 6am', 'tráfico de drogas',
    'kradzież samochodu z parkingu', 'robbery suspect fled in a car with Mexican plates', 'missing woman last seen in a black SUV',
    'Ice cream vendor asked us to help find the man who robbed him', 'robbery at the ICE rink on Lake St, suspect vehicle']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('the petitioner of an order of protection is the person it protects, not a petition\'s circulator', async (t) => {
  for (const text of [
    'respondent of an order of protection, petitioner lives on Lake St',
    'order of protection respondent, watch for him near the petitioner\'s home',
    'orden de proteccion contra su ex pareja, la peticionaria vive en Lake St',
  ]) t.same(categories(text), [], text);
  for (const [text, category] of [
    ['find the petitioner who circulated the levy petition', 'protected activity or class'],
    ['track the petitioners at the library each morning', 'protected activity or class'],
    ['order of protection petitioner attended the pro-choice rally, track her car', 'protected activity or class'],
    ['check where my ex-wife goes, she got a restraining order against me', 'personal or non-law-enforcement use'],
  ] as const) t.same(categories(text), [category], text);
});

t.test('what a blind set of 200 phrasings found missing, in other words: status for the feds, patrol shorthand, "her procedure", "it\'s personal", a lawyer\'s practice', async (t) => {
  for (const [text, category] of [
    ['feds want a status check on the owner', 'immigration enforcement'],
    ['driving on a susp DL again', 'traffic enforcement'],
    ['pull him over and write him', 'traffic enforcement'],
    ['parents want to know where she had her procedure', 'reproductive health care'],
    ['its personal, not for a case', 'personal or non-law-enforcement use'],
    ['strictly personal - need an address', 'personal or non-law-enforcement use'],
  ] as const) t.same(categories(text), [category], text);
  for (const text of [
    'carjacking of a deportation attorney outside court',
    'stalker followed the deportation-defense advocate home',
    'federal task force asked the status of the carjacking case',
    'victim robbed after her procedure at Rush hospital',
    'personal injury crash, the other driver fled: hit and run with injury',
  ]) t.same(categories(text), [], text);
});

t.test('what blind set 40 found missing, in other words: agency status words, civil and celebrity curiosity, oversight members, ages, stages of care, plate display, assessments', async (t) => {
  for (const [text, category] of [
    ['fugitive team wants the removable alien\'s car, admin warrant only', 'immigration enforcement'],
    ['Lt\'s girlfriend\'s SUV, he wants to know who she sees', 'personal or non-law-enforcement use'],
    ['guy keeps taking my space in the garage, who is he', 'personal or non-law-enforcement use'],
    ['need his plate for my civil suit over the fence', 'personal or non-law-enforcement use'],
    ['the ex never showed for parenting time, where was she', 'personal or non-law-enforcement use'],
    ['which Bears player drives the orange Lambo', 'personal or non-law-enforcement use'],
    ['find a childhood friend I lost touch with', 'personal or non-law-enforcement use'],
    ['kto zajmuje moje miejsce pod blokiem', 'personal or non-law-enforcement use'],
    ['where does the oversight board member park at night', 'protected activity or class'],
    ['list of residents older than 85 driving daily', 'protected activity or class'],
    ['plates at the late term provider on Tuesdays', 'reproductive health care'],
    ['tow him for the plate cover, it is tinted', 'traffic enforcement'],
  ] as const) t.ok(categories(text).includes(category), text);
  t.ok(categories('threat assessment ahead of the Pride parade, plates near the route').includes('protected activity or class'), 'a threat assessed ahead of an event names no crime');
  for (const text of [
    'HSI and our unit: child trafficking ring, victim recovered, suspect van',
    'respondent showed up at her mosque, OP violation, find his car',
    'hit and run killed a man over 80 crossing Madison',
    'robbery of an NBA player outside his home',
    'shooting at the late term clinic, suspect fled in a grey sedan',
    'threat assessment after he threatened to shoot his coworkers',
    'CPOC monthly report: searches by outside agencies',
  ]) t.same(categories(text), [], text);
});

t.test('what blind set 41 found missing, in other words: misspellings read as crimes, incidents denied, relatives by marriage, old friends, abortion charged, procedure days, offenders after "by"', async (t) => {
  for (const [text, category] of [
    ['illegal parking violaton again, repeat, locate the owner', 'traffic enforcement'],
    ['overnite parking on Home Ave again, whose car is it', 'traffic enforcement'],
    ['personal welfare check on my ex\'s new place, no call for service', 'personal or non-law-enforcement use'],
    ['the roofer vanished with my neighbor\'s deposit, civil thing per the lieutenant', 'personal or non-law-enforcement use'],
    ['sprawdź gdzie jeździ moja bratowa, nie jest zaginiona', 'personal or non-law-enforcement use'],
    ['checking on my dad\'s girlfriend, where she parks at night', 'personal or non-law-enforcement use'],
    ['where does my old college roommate live now', 'personal or non-law-enforcement use'],
    ['Texas warrant for an illegal abortion, the doctor\'s car', 'reproductive health care'],
    ['plates in the surgical center lot on procedure days', 'reproductive health care'],
  ] as const) t.ok(categories(text).includes(category), text);
  for (const text of [
    'witness saw a car dump the body behind the church before dawn',
    'DHS partner task force: armed carjacking suspect, federal warrant',
    'a referee assaulted after the game by a participant who fled in a Jeep',
    'congregants at the synagogue robbed at knifepoint, suspects fled north',
  ]) t.same(categories(text), [], text);
});

t.test('a finding names the category, the term and the words as the user wrote them', async (t) => {
  t.same(screen.screen('help I.C.E. find him'), [{ category: 'immigration enforcement', term: 'ICE', matched: 'ICE' }]);
  t.same(screen.screen('deportaci\u00f3n del due\u00f1o'), [{ category: 'immigration enforcement', term: 'deport', matched: 'deportacion' }]);
});

t.test('the labelled corpus meets the targets on the part held out from tuning and on the rest', async (t) => {
  for (const part of ['heldout', 'tuning']) {
    const lines = readFileSync(new URL(`../../../fixtures/purpose-corpus/${part}.jsonl`, import.meta.url), 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as { text: string; expected: 'refuse' | 'accept' });
    const refused = (l: { text: string }) => screen.screen(l.text).length > 0;
    const prohibited = lines.filter((l) => l.expected === 'refuse');
    const legitimate = lines.filter((l) => l.expected === 'accept');
    t.ok(prohibited.filter(refused).length / prohibited.length >= 0.98, `${part}: prohibited phrasings refused`);
    t.ok(legitimate.filter((l) => !refused(l)).length / legitimate.length >= 0.98, `${part}: legitimate phrasings accepted`);
  }
});

t.test('a crime at a protected event or place is investigable; its people are not a target, crime or no crime', async (t) => {
  for (const text of ['Shooting at a rally, suspect\'s car seen', 'robbery at the church rummage sale, suspect\'s car seen leaving', 'Suspect in the murder of an immigration lawyer',
    'assault on a church volunteer by a man in a van']) t.same(screen.screen(text), [], text);
  for (const text of ['gun rights rally attendees', 'people at the vigil for the shooting victim', 'who attended the protest downtown', 'Track all cars at the immigration lawyer\'s office']) {
    t.ok(screen.screen(text).length > 0, text);
  }
});

t.test('a search for the user\'s own life or for a requester outside law enforcement is refused, unless it names a crime', async (t) => {
  for (const text of ['where does my ex-wife park at night these days', 'my neighbour keeps blocking the alley, who is he', 'the tow lot owner wants the car for a repo, owner is three payments behind',
    'insurance adjuster needs the car\'s movements before paying the claim', 'landlord says the tenant sublets, check if the car sleeps there', 'mi exnovio no me contesta, dónde está su carro',
    'just curious where the councilman\'s son parks']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  for (const text of ['repo agent shot while towing a car, shooter fled in a Charger', 'tenant reports her Civic stolen from the building lot', 'insurance adjuster assaulted at the body shop, suspect vehicle known']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('age, gender and disability pick out people as a class the way race and religion do', async (t) => {
  for (const text of ['which seniors drive through downtown after dark', 'list the teenagers who cruise Harlem on Fridays', 'only women drivers on Austin after midnight',
    'residents of the group home, where do they go', 'where do the deaf students from the institute drive', 'pensioners parking on Marion, check them all']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['elderly woman robbed at the bus stop, suspect in a grey Malibu', 'missing teen with autism, last seen in a blue Focus', 'two men wanted for the armed robbery on Lake']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('worship places, clergy, union representatives, public meetings and political groups in everyday words are protected', async (t) => {
  for (const text of ['plates outside the masjid after jummah', 'where does the imam drive on weekdays', 'shop stewards and union reps at the plant gate',
    'nurses on the strike line at West Suburban', 'who came to the town hall to complain about the cameras', 'people who criticised the department at the board meeting',
    'socialist party chapter members\' cars', 'antifa types parked on Lake, list them']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['rabbi threatened with a knife outside the shul, suspect fled in a van', 'burglary at the masjid office overnight']) t.same(screen.screen(text), [], text);
});

t.test('a crime that is only feared does not make a protected class investigable', async (t) => {
  for (const text of ['track the Somali family in case they steal something', 'check the Latino guys before anything gets stolen', 'watch the Roma camp to prevent robberies']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  t.same(screen.screen('Latino shop owner robbed at gunpoint before closing time'), []);
});

t.test('a place or provider of reproductive care can be a crime\'s victim; the care and its patients are not a target', async (t) => {
  for (const text of ['arson at the abortion clinic on Madison, suspect car seen', 'death threats against a fertility doctor, caller parked outside', 'burglary at the women\'s health center pharmacy',
    'Planned Parenthood window smashed, vandal drove a white Ram']) {
    t.same(screen.screen(text), [], text);
  }
  for (const text of ['cars at the abortion clinic on Madison', 'woman suspected of an abortion after the assault report', 'find the abortionist', 'who drove patients to the womens health center',
    'Planned Parenthood visitors after the vandalism, list them', 'patients of the abortion clinic the night of the arson']) {
    t.same(categories(text), ['reproductive health care'], text);
  }
});

t.test('status words that change form (Polish cases) or come from Tagalog and Vietnamese are read as immigration enforcement', async (t) => {
  for (const text of ['nie ma karty pobytu, sprawdź auto', 'owner lost his zieloną kartę, find the car', 'kapitbahay walang papeles, pakitingnan ang kotse', 'chủ xe bị trục xuất, tìm xe',
    'người nhập cư không có giấy tờ, check his van']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
});

t.test('a visa, an administrative warrant or presence in the country is immigration status; a Visa card and impostor agents are not', async (t) => {
  for (const text of ['his student visa lapsed last spring, find the Corolla', 'serve the I-247 detainer, vehicle needed', 'confirm she is legally in the country before we act',
    'administrative warrant from the field office, locate the truck']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
  for (const text of ['stolen Visa card used at the Shell station, suspect car on camera', 'men posing as ICE agents robbed a family, grey Durango', 'fake HSI officers extorting shop owners, black Tahoe']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('phones at the wheel, emissions, crosswalks and driving without lights are traffic enforcement', async (t) => {
  for (const text of ['on her phone behind the wheel again, follow up with the owner', 'failed smog test notice ignored, locate car', 'truck keeps blocking the crosswalk on Lake',
    'drove with no headlights on Roosevelt at 2am']) {
    t.same(categories(text), ['traffic enforcement'], text);
  }
});

t.test('abortion pills by another name and travel for "a procedure" are reproductive health care', async (t) => {
  for (const text of ['who is mailing Plan C kits from Oak Park', 'teen from Missouri came out of state for a procedure, find who drove her']) {
    t.same(categories(text), ['reproductive health care'], text);
  }
});

t.test('religious dress, holidays, symbols on a car, drag, grandparents and filming the police mark people as a class or activity', async (t) => {
  for (const text of ['the lady in the niqab, where does her minivan go', 'cars at the Eid prayers in the park', 'whose car has the pro-life decal', 'Amish buggy people, where do they trade',
    'drag queen story hour volunteers', 'the grandpas who park at the VFW, check them', 'guy recording officers during an arrest, who is he',
    'pull every car registered to an Irish surname near the pub']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['elderly Sikh man punched at the gas station, attacker fled in a Jeep', 'drive-by at the Diwali festival, dark sedan', 'grandmother with dementia drove away from home']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('a crime the text admits is a cover names none', async (t) => {
  t.same(categories('call it a stolen car, but I want the socialist organiser\'s movements'), ['protected activity or class']);
  t.same(categories('robbery case (not really), the mosque crowd on Friday'), ['protected activity or class']);
});

t.test('a colleague\'s or an official\'s family, romance, idle curiosity, businesses that ask and selling the data are not law enforcement purposes', async (t) => {
  for (const text of ['lieutenant\'s son has a new girlfriend, where does she live', 'wife might be cheating, see where the car went', 'slow night lol, where does the alderman go',
    'the dealership wants its customer\'s car located', 'reads we could sell to an insurer-data broker']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  t.same(screen.screen('car taken from the dealership lot overnight'), []);
});

t.test('crimes named in everyday words (a break-in, looting, embezzlement, a child lured) make a protected place or class investigable', async (t) => {
  for (const text of ['someone broke in to the Baptist church hall overnight, red pickup seen', 'looters hit the shops after the street festival, white Transit van',
    'treasurer embezzled from the temple, find his car', 'man tried to lure kids outside the Catholic school, tan minivan', 'teens ransacked the garage, one drives a black Sentra',
    'elderly pedestrian seriously injured by a driver who left, grey Jetta']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('lots of teenagers hanging around the festival, list their cars'), ['protected activity or class'], 'a doubled letter does not turn "lots" into "looting"');
});

t.test('an English word that only squeezing makes look like a stem is not read as it', async (t) => {
  // "queer" squeezed is "quer", which begins "query"
  for (const text of ['monthly audit per VII.E: review of user queries', 'the officer queried the plate twice']) t.same(screen.screen(text), [], text);
  t.same(categories('plates outside the queer bookshop on Harlem'), ['protected activity or class']);
  t.same(categories('imigration status check on owner'), ['immigration enforcement'], 'a misspelling is still squeezed');
});

t.test('a protected group\'s person written as an owner ("a member\'s car") is a victim, not a target', async (t) => {
  for (const text of ['plates stolen from a Unity Temple member\'s car were read on a Honda', 'congregant\'s Accord stolen from the mosque lot during Friday prayers',
    'attendees\' cars broken into during the festival, suspect on foot then a grey van']) {
    t.same(screen.screen(text), [], text);
  }
  for (const text of ['members of the temple, list their cars after the theft', 'congregants at the mosque after the robbery, who came']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
});

t.test('words that aim at the offender ("identify the suspect") keep a crime at a protected place investigable', async (t) => {
  for (const text of ['slurs sprayed on the masjid door overnight, identify the offender', 'list of suspects in the church burglary, white van']) t.same(screen.screen(text), [], text);
  t.same(categories('identify the worshippers at the masjid after the vandalism'), ['protected activity or class']);
});

t.test('crimes named by what was done or taken, or by report abbreviations, make a protected place or class investigable', async (t) => {
  for (const text of ['CAD 26-118812 AGG BATT @ quinceañera, offender fled in blk Tahoe', 'three catalytic converters sawn off in the synagogue lot, silver Prius',
    'Molotov cocktail thrown at the women\'s health center overnight, dark hatchback', 'swastika painted on the rabbi\'s garage, car seen idling', 'ADW outside the mosque, suspect in a red Ram']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('a personnel complaint or an audit of a query may name the personal use it examines', async (t) => {
  for (const text of ['Personnel complaint PC-26-031: an officer ran her ex-husband\'s plate for personal reasons; pull that query', 'internal affairs: the sergeant\'s girlfriend\'s car was looked up, pull the query']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('for personal reasons: where does my ex park'), ['personal or non-law-enforcement use']);
});

t.test('speed, signals, lanes, stunts and the sanction described without the usual words are traffic enforcement', async (t) => {
  for (const text of ['was the Tahoe going over the limit at 2210? confirm before the notice', 'cars that turned right on red at Chicago/Austin', 'went right past the bus with its stop arm out',
    'box truck keeps stopping in the bike lane on Lake', 'silver Kia doing donuts in the Jewel lot on Sundays', 'get the owner written up for it', 'treats Wenonah like a racetrack every morning']) {
    t.same(categories(text), ['traffic enforcement'], text);
  }
  for (const text of ['stolen Charger doing donuts in the Jewel lot, then fled', 'drunk driver going over the limit killed a pedestrian']) t.same(screen.screen(text), [], text);
});

t.test('leave to be in the country, papers of entry and stay, and how someone came in are immigration status', async (t) => {
  for (const text of ['the workers are not supposed to be in the country', 'confirm whether he is allowed to stay', 'came over on a tourist stamp and never left',
    'se le venció el permiso de estancia, ubicar la camioneta', 'came in through the desert with a coyote, find the Jetta']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
  t.same(screen.screen('missing 15-year-old who was allowed to stay at a friend\'s house'), []);
});

t.test('pills by post, a clinic\'s visitors, handling a pregnancy and gender-affirming care are reproductive health care', async (t) => {
  for (const text of ['she took pills she ordered through the mail, where did her car go', 'check reads near the Hope Clinic in Granite City for our plates',
    'daughter went to Chicago to take care of the pregnancy', 'did the 16-year-old drive to Lurie for puberty blockers']) {
    t.same(categories(text), ['reproductive health care'], text);
  }
  for (const text of ['fentanyl pills shipped by mail, the dealer drives a Camry', 'car stolen from the health center lot', 'missing man last seen leaving the dental clinic']) t.same(screen.screen(text), [], text);
});

t.test('gatherings, leaflets, petitions and cultural dress mark an activity or a class', async (t) => {
  for (const text of ['candlelight gathering outside Village Hall, list the vehicles', 'people handing out leaflets at the Green Line, ID their cars', 'volunteers of the petition drive outside the library',
    'the car with the keffiyeh hanging from the mirror']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['a mourner at the candlelight service was left in a hit and run with injury', 'gathering evidence on the stolen Kia']) t.same(screen.screen(text), [], text);
});

t.test('the user\'s own home, debts, residency and sick-day checks, curiosity and foreign consulates are not law enforcement purposes', async (t) => {
  for (const text of ['check on the guy who keeps parking in front of my house', 'the gym owner wants a member who owes six months of dues', 'District 97 residency check, pull overnight reads',
    'HR at the hospital wants to know if the nurse was really home sick', 'curious whether the new neighbour is a cop too', 'the man from the consulate wants an address for the Jetta']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  for (const text of ['my house was burglarized, suspect fled in a white van', 'consulate employee carjacked at gunpoint on Lake']) t.same(screen.screen(text), [], text);
});

t.test('people a crime was done to ("threatened worshippers") are its victims, and "the driver" is one offender, not a crowd', async (t) => {
  for (const text of ['Armed man threatened worshippers leaving St. Edmund\'s and fled in a gray Camry; identify the driver', 'identify the man who robbed the attendees of the gala']) {
    t.same(screen.screen(text), [], text);
  }
  for (const text of ['after the shooting, everyone at the vigil, run their plates', 'robbery near the mosque, identify the drivers who attended']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
});

t.test('peeling out, dodging a light, the wrong way, idling on a sidewalk and not signalling are traffic enforcement', async (t) => {
  for (const text of ['Mustang revving and peeling out on Euclid, find the owner', 'cuts through the gas station to dodge the light at Harlem', 'who keeps going the wrong way down the one-way on Grove',
    'van idling on the sidewalk on Marion, the Village wants it written', 'merged without signalling and nearly clipped a squad']) {
    t.same(categories(text), ['traffic enforcement'], text);
  }
  t.same(screen.screen('wrong-way driver killed a family on I-290 and fled'), []);
});

t.test('a social security number, a birthplace, permission to work and a home country stand for immigration status', async (t) => {
  for (const text of ['does the registered owner have a social security number? before we pass it on', 'was the owner born here? need to know before we share',
    'her permission to work ran out last year', 'needs to go back to his home country per the judge\'s order, find the van']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
  for (const text of ['victim\'s social security number used for fraud, suspect car at the bank', 'homicide suspect fled to his home country, is the car still here']) t.same(screen.screen(text), [], text);
});

t.test('contraception and sterilisation by their names are reproductive health care', async (t) => {
  for (const text of ['she had an IUD put in against her husband\'s wishes, where did she go', 'did he get a vasectomy, was his car at the clinic', 'getting her tubes tied without telling him']) {
    t.same(categories(text), ['reproductive health care'], text);
  }
});

t.test('teach-ins, holidays by name, a board session, party affiliation, views against something and dress across gender are protected', async (t) => {
  for (const text of ['teachers held a teach-in at Julian, get the plates', 'who hosted the iftar at the park district building', 'lot at St. Giles after the 5:30 Saturday Mass',
    'people who spoke against the cameras at the village board session', 'verify the owner\'s party affiliation before the primary', 'whoever puts up the anti-police signs on Ridgeland',
    'the guy who dresses as a woman at the salon on Harrison']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['gang affiliation of the shooting suspect, white Charger', 'anti-theft device removed from the stolen Kia', 'training session for new ALPR users']) t.same(screen.screen(text), [], text);
});

t.test('an ex "of mine", child support, a date from an app, a car to buy, a league boundary and private or elected requesters are not law enforcement purposes', async (t) => {
  for (const text of ['ex-partner of mine stopped paying child support', 'date tonight with a guy from an app, his plate history', 'car I\'m thinking of buying, where has it been',
    'which parents live outside the boundary', 'realtor asked which houses have cars gone all winter', 'wedding planner wants to know where the groom\'s car was',
    'for the alderman: who parks the RV on his block', 'lawyer for the other side wants reads for the custody case']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  for (const text of ['Assistant State\'s Attorney asked for the reads on the carjacked Audi', 'the mayor\'s car was stolen from the Village Hall lot']) t.same(screen.screen(text), [], text);
});

t.test('groping, harassment, grooming, a broken court order, weapons and injuries in plain words make a protected place or class investigable', async (t) => {
  for (const text of ['Nurse at the clinic on Madison was followed to her car and groped; offender in a black Kia', 'Employee of the clinic is being harassed by her ex, green Jeep',
    'Coach accused of grooming a 13-year-old player; he drives a blue Tacoma', 'Lawyer for the victim reports the defendant violated the no-contact order',
    'The man who owes the victim money pistol-whipped him', 'man at the teach-in pulled a box cutter on him, then drove off in a Prius',
    'Drunk driver plowed through the crowd at the Holi celebration, three people hurt', 'Gang signs painted on the mosque wall overnight, red Civic seen']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('"anti-abortion" is a view, protected as one, not reproductive care', async (t) => {
  t.same(screen.screen('Anti-abortion protester assaulted a clinic escort, then left in a gold Buick'), []);
  t.same(categories('anti-abortion protesters, list their cars'), ['protected activity or class']);
  t.same(categories('she had an abortion, where did she go'), ['reproductive health care']);
});

t.test('wanted people, people in danger described, force, fraud and a home invaded make a protected place or class investigable', async (t) => {
  for (const text of ['Fugitive wanted on a Cook County warrant is staying near the Catholic church on Ridgeland', 'Parolee who cut off his ankle monitor, often at his mother\'s church',
    '71-year-old man without his medication drove away from the mosque; the family cannot reach him', 'Dispatch: 10-16 domestic in progress, male left toward the Baptist church',
    'Woman\'s ex forced her into his car outside the clinic', 'her 14-year-old daughter took off with an adult man after the quinceañera',
    'Elderly couple conned out of $40,000, the courier drove a gray Altima', 'Home invasion on Cuyler, the family speaks only Polish; dark van']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('which women picked up medication at the clinic'), ['reproductive health care'], 'medication named alone is the care, not a person in danger');
});

t.test('labour actions and national days, language and origin, neighbourhood watches and an officer\'s own car, abandoned and dinged cars', async (t) => {
  const cases: Array<[string, string]> = [
    ['which teachers joined the sickout', 'protected activity or class'], ['out-of-town cars during the Nigerian independence day party', 'protected activity or class'],
    ['the family doesn\'t speak English, check where they\'re from', 'protected activity or class'], ['neighborhood watch captain wants a list of unfamiliar cars', 'personal or non-law-enforcement use'],
    ['my partner\'s personal car was dinged in the lot', 'personal or non-law-enforcement use'], ['car sitting on Lombard for 10 days, abandoned vehicle complaint', 'traffic enforcement'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of ['stolen car found abandoned on Lombard, burned out', 'gray Hyundai Accent seen at the scene of the shooting']) t.same(screen.screen(text), [], text);
});

t.test('violence described by the act (run over, spat on, shoved, a smash-and-grab, a stray bullet) makes a protected place or class investigable', async (t) => {
  for (const text of ['Victim told officers: my ex tried to run me over in the Walgreens lot', 'Speeding car used in the jewelry store smash-and-grab at Lake and Harlem',
    'Man exposing himself near the Pride crosswalk from a tan van', 'Woman in a hijab was spat on and shoved by a man who drove off in a black pickup',
    'the car that ran over a protester at the rally and kept going', 'stray bullet hit a house on Lombard, dark Nissan seen']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('driver ran over the curb and hit a hydrant, find him for a ticket'), ['traffic enforcement'], 'running over a thing is no crime against a person');
});

t.test('time-limited parking, kneeling and lobbying, a country someone came from, care a home state bans, ordinance matters and tow companies are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['which cars stayed past the two-hour limit at the Jewel lot', 'traffic enforcement'], ['the youth group that kneeled during the anthem, their cars', 'protected activity or class'],
    ['which teachers drove to the state capitol for lobby day', 'protected activity or class'], ['the family that just arrived from Venezuela, track their truck', 'protected activity or class'],
    ['Texas plate; she came here to get care that is not available at home', 'reproductive health care'], ['who keeps feeding the stray cats from their car', 'personal or non-law-enforcement use'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of ['family visiting from India had their rental car stolen', 'care package stolen from the porch']) t.same(screen.screen(text), [], text);
});

t.test('offences as the criminal code and crime reports name them make a protected place or class investigable; the words that dress up a protest do not', async (t) => {
  for (const text of ['Shoplifting crew hit the Walgreens again; the lookout waited in a Kia outside the mosque', 'Peeping tom at the windows of the women\'s clinic, left in a white van',
    'Dog found starved in a car near the Unitarian church, animal cruelty', 'Overdose death at the group home on Division; the dealer drives a black Audi',
    'Hostage situation at the Korean church, suspect\'s car in the alley', 'Body found in the trunk of a car parked near the church',
    'Ransom demand after a Sikh businessman was taken, payment car a blue Prius', 'Bribe offered to the parish priest, the contractor drives a red F-150']) {
    t.same(screen.screen(text), [], text);
  }
  for (const text of ['riot at the rally on Saturday, get the plates', 'trespassers at the sit-in, run their cars', 'disorderly protesters outside Village Hall, find their cars']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
});

t.test('a status word naming a person ("a DACA recipient", "an asylum seeker") is a class a crime can be done to; the status itself is enforcement', async (t) => {
  for (const text of ['Armed robbery at the currency exchange; the victim is a Dreamer, gold Impala', 'Sexual assault of an asylum seeker at the shelter, silver Malibu',
    'Missing DACA recipient, 19, last seen driving her Corolla']) {
    t.same(screen.screen(text), [], text);
  }
  for (const text of ['the DACA recipient on Lenox, where does she sleep', 'check for cars whose owners have TPS', 'his asylum was denied, find the van', 'DACA lapsed, find the car']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
});

t.test('abortion as a view or a topic ("abortion rights march") is protected activity, not the care; an ICU names an injury', async (t) => {
  for (const text of ['Attempted murder: the victim was shot while leaving the abortion rights march', 'Not a traffic matter: the driver who struck the crossing guard fled and she is in the ICU']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('plates at the abortion rights march'), ['protected activity or class']);
});

t.test('a budget hearing, someone else\'s ex, a language spoken, know-your-rights training, a D&C and a car that has not moved are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['which cars attended the budget hearing', 'protected activity or class'], ['ride-along guest asked me to look up her ex\'s new car', 'personal or non-law-enforcement use'],
    ['which owners on the block speak Arabic at home', 'protected activity or class'], ['cars at the Know Your Rights workshop', 'protected activity or class'],
    ['she might be getting a D&C; the husband is asking', 'reproductive health care'], ['car parked in the same spot on Home Ave for 3 weeks', 'traffic enforcement'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of ['suspect fled to D.C. after the robbery', 'AT&T store robbed, grey van']) t.same(screen.screen(text), [], text);
});

t.test('retaliation: whoever complained about, reported or sued the user is refused, even through internal affairs', async (t) => {
  for (const text of ['Find the car of the lady who complained about me to internal affairs', 'Who filed the complaint against me with professional standards', 'the neighbor who reported me, where does she park']) {
    t.ok(categories(text).includes('personal or non-law-enforcement use'), text);
  }
  // An audit of someone's use, and a crime against the user, stay investigative.
  for (const text of ['Internal affairs: query audit of Officer Diaz\'s searches of his ex-wife\'s plate', 'Man who assaulted me during the arrest fled in a blue car', 'Audit of searches made under my account by someone else, misuse suspected']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('a former partner named without "my", and causes named by their issue, are refused', async (t) => {
  t.ok(categories('Just checking on an old girlfriend\'s new address').includes('personal or non-law-enforcement use'));
  t.ok(categories('plates at the second amendment club meeting').includes('protected activity or class'));
  t.ok(categories('who attends the animal rights group on Tuesdays').includes('protected activity or class'));
  for (const text of ['Robbery suspect may be hiding at his old girlfriend\'s apartment', 'Civil rights violation investigation, suspect vehicle of the officer who beat the detainee']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('a person struck by a car and stones thrown are crimes that make a protected place or event investigable', async (t) => {
  for (const text of ['Witness says the car that hit the bicyclist at the parade route was a green Kia', 'Suspects threw rocks at the synagogue windows and drove off in a white car']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('list everyone at the protest where rocks were thrown'), ['protected activity or class'], 'the crowd is still not a suspect');
});

t.test('crimes described by what was done (a fire set, a victim tricked or coaxed, a rifle, a car driven into marchers, blows to the face, people hurt counted, a powder mailed, parts sawn off, fake checks) make a protected place or class investigable', async (t) => {
  for (const text of ['Someone set fire to the back door of the mosque, car seen leaving', 'Elderly woman tricked out of her savings by a caller, courier drove a rental car',
    'Man tried to coax a girl into his van outside the Catholic school', 'Man with a rifle walked into the synagogue and left in a grey Ford',
    'A driver accelerated into the marchers at the Pride parade, plate partial 7K', 'Usher struck in the face in the church lot, offender left in a blue Jeep',
    'Fight broke out at the Diwali festival, three injured', 'Envelope of white powder mailed to the Republican office, sender seen in a car',
    'Someone sawed the exhaust off the temple van overnight', 'Fake checks passed at the Mexican bakery, the man who cashed them drove a silver Lexus']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('list the cars at the Pride parade after three were injured'), ['protected activity or class'], 'the crowd is still not a suspect');
});

t.test('people a crime was done to, counted ("punched two attendees"), are its victims', async (t) => {
  t.same(screen.screen('A man punched two attendees at the vigil and drove off in a white pickup'), []);
  t.same(categories('Robbery near the vigil, track down two attendees'), ['protected activity or class'], 'a count after a search verb is still a crowd');
});

t.test('an age in years ("a 24-year-old man") describes one person, not the class of old men', async (t) => {
  t.same(screen.screen('Girl, 15, believed to be with a 24-year-old man she met online'), []);
  t.same(categories('find where the old men from the chess club park'), ['protected activity or class']);
});

t.test('"asylum-seeking" names a person a crime can be done to; seeking asylum as a status is enforcement', async (t) => {
  t.same(screen.screen('Asylum-seeking family\'s apartment broken into, neighbor saw a white van'), []);
  t.same(categories('check whether the driver is seeking asylum'), ['immigration enforcement']);
});

t.test('a car parked overnight or without a permit, and an insurer\'s investigator, are refused', async (t) => {
  t.same(categories('car parks overnight on the street without a permit, find it'), ['traffic enforcement']);
  t.same(categories('Insurance investigator wants to know where the claimant\'s car has been'), ['personal or non-law-enforcement use']);
});

t.test('fuel poured, a threat to burn down, someone pushed over or pelted, a person not seen since, cars entered and impostors from a utility make a protected place or class investigable', async (t) => {
  for (const text of ['Church steps doused and a lighter left by the door, van on camera', 'Caller promised to burn down the temple, number tied to a car owner',
    'Elderly Sikh man knocked down and his car taken at the gas station', 'Jewish school bus pelted with rocks and eggs from a pickup',
    'Her Somali roommate has not been seen since Monday and her car is gone', 'Cars entered in the mosque lot during Friday prayer, purses taken',
    'Two men pretending to be from the gas company got into the home of a Polish couple and took their rings']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('people who reported the crime ("congregants reported") are witnesses, not the crowd searched', async (t) => {
  t.same(screen.screen('Worshippers at St. Luke reported a man breaking into cars during the service'), []);
  t.same(categories('After the break-in at St. Luke, list the worshippers who drove there'), ['protected activity or class'], 'the crowd is still not a suspect');
});

t.test('a buyer who stopped paying is a civil matter, not law enforcement', async (t) => {
  t.same(categories('Dealer says the buyer stopped paying, find where the car is now'), ['personal or non-law-enforcement use']);
});

t.test('someone who vanished, or made off with money, names a crime or a person in danger beside a protected place', async (t) => {
  for (const text of ['Parish treasurer vanished with the building fund, drives a leased Lexus', 'Mosque volunteer made off with the donation box, seen leaving in a grey Kia']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('a lawful cause that holds a crime word ("gun rights", "gun owners") names no crime, so its meeting is refused; a crime there is still investigable', async (t) => {
  for (const text of ['Keep tabs on who shows up at the gun rights meeting at the VFW hall Thursday', 'monitoring people going to the lawful gun-rights meeting, case 24-118832',
    'Case 24-22817: keep tabs on who goes to the gun owners\' association meetings']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['Gun stolen from a car at the gun club range, case 24-660312', 'Shots fired near the Second Amendment rally, shooter fled in a gray Tahoe',
    'Armed robbery of a man walking to the gun rights meeting, case 24-118990']) t.same(screen.screen(text), [], text);
});

t.test('the crime a gathering is held for ("a vigil for the man shot by police") is its cause, not the reason for the search', async (t) => {
  t.same(categories('Run plates from the candlelight vigil for the man shot by police'), ['protected activity or class']);
  t.same(categories('plates at the march against gun violence on Saturday'), ['protected activity or class']);
  t.same(screen.screen('During the vigil a man was stabbed, suspect fled in a white van'), [], 'a crime at the vigil is investigable');
});

t.test('any meeting or event is refused when the text aims at who attends it, whatever its cause and however it is put', async (t) => {
  for (const text of ['Forum at the main library Thursday, get plates of those who attended', 'The volunteers met at the library on Sunday, identify who came',
    'Keep tabs on the meetup at the bar on North Ave', 'kto byl na spotkaniu w bibliotece', 'quienes asistieron a la asamblea del jueves']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['Missing 15-year-old last seen at the tenants union meeting', 'Stolen plate reported, seen on a car parked at the school board meeting']) t.same(screen.screen(text), [], text);
});

t.test('causes and the groups that campaign for them are named without a protest word ("police reform", "a coalition")', async (t) => {
  for (const text of ['Run the tags outside the police reform office on Lake', 'Run the tags outside the coalition office on Lake', 'Run the tags of the gun owners who park on Madison']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
});

t.test('watching who turns up ("keep tabs on who shows up") aims at an event\'s people even beside a crime', async (t) => {
  t.same(categories('Car broken into at the gun rights meeting last week, keep tabs on who shows up this week'), ['protected activity or class']);
  t.same(categories('Catalytic converter stolen at the church lot, get the roster of parishioners'), ['protected activity or class']);
});

t.test('"my ex\'s" is the user\'s own life and "here legally" asks for status', async (t) => {
  t.same(categories('My ex\'s new boyfriend, run his plate'), ['personal or non-law-enforcement use']);
  t.same(categories('Is the driver here legally? check where the car sleeps at night'), ['immigration enforcement']);
});

t.test('a hit and run and a person struck by a car are crimes that make a protected place or event investigable', async (t) => {
  for (const text of ['Hit and run outside the church, silver sedan fled, case 25-001144', 'Protester struck by a car, driver fled, case 25-002002',
    'Car left the scene after clipping a marcher at the parade']) t.same(screen.screen(text), [], text);
});

t.test('an ethnicity or disability named before its community\'s event or centre picks out the community', async (t) => {
  for (const text of ['Tags from the Polish heritage picnic in Scoville Park', 'Whose cars were at the Somali women\'s sewing circle at the Nigerian community hall',
    'Plates near the Vietnamese lunar festival booth', 'cars at the wheelchair basketball league night']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  t.same(screen.screen('Purse stolen at the Polish heritage picnic, thief left in a black Ford'), []);
});

t.test('drag as a performance and its events is protected, drag racing is traffic', async (t) => {
  for (const text of ['Tags at the drag karaoke night on Madison', 'who brought their kids to drag storytime']) t.same(categories(text), ['protected activity or class'], text);
  t.same(categories('drag racing on North Ave every night'), ['traffic enforcement']);
  t.same(screen.screen('Robbery after the drag bingo night, suspect in a red Kia'), []);
});

t.test('protests and meetings in Tagalog, Vietnamese and Arabic words, and in Spanish "junta" and "asamblea", are assemblies', async (t) => {
  for (const text of ['mga plaka sa welga sa pabrika', 'xe ở cuộc tuần hành thứ Hai', 'cars at the waqfa by the courthouse', 'gente en la concentración contra la alcaldía',
    'quién fue a la asamblea del barrio', 'autos en la junta de vecinos sobre las patrullas', 'sino ang dumalo sa miting', 'ai đã đến cuộc họp tối qua']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['le robaron la cartera en la asamblea de inquilinos, sospechoso en un Honda', 'alta concentración de robos de autos en la zona']) t.same(screen.screen(text), [], text);
});

t.test('watching the visitors of a place tied to protected activity is refused; a crime there is investigable', async (t) => {
  for (const text of ['whose cars are in the lot of the campaign field office', 'note who comes and goes at the legal aid office on Harlem', 'regulars at the newsroom on Lake',
    'everyone who visits the law office on Marion', 'who goes in and out of the Green Party headquarters']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['Burglary at the newspaper office, van seen leaving', 'Shots fired near the police headquarters, gray Malibu', 'Arson at the immigration legal clinic, suspect car on video']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('speech acts (flyers, canvassing, petitioners, signatures, literature) are protected activity', async (t) => {
  for (const text of ['track the woman putting flyers on cars at the Jewel', 'the petitioners at the train station, run their plates', 'who is gathering signatures on Lake',
    'kids canvassing on Oak Park Ave, plates', 'guys handing out literature at the mall', 'están recabando firmas en la plaza', 'zbierają podpisy przy kościele']) {
    t.same(categories(text), ['protected activity or class'], text);
  }
  for (const text of ['Canvasser robbed at knifepoint on Elmwood, suspect car a gray Jeep', 'missing dog flyers torn down by a man who punched the owner, blue Ford']) t.same(screen.screen(text), [], text);
});

t.test('a relative\'s or colleague\'s partner or kin is personal use, with or without "my", in three languages', async (t) => {
  for (const text of ['Where does the lieutenant\'s sister\'s husband work? run him', 'coworker\'s new guy, find his truck', 'Sister-in-law\'s boyfriend keeps calling, check his car',
    'el novio de la hija del teniente, busquen su carro', 'mi compañero dice que su esposa sale con alguien', 'żona kolegi, gdzie parkuje']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  for (const text of ['Victim\'s ex-boyfriend violated the order of protection, white Malibu', 'Officer\'s daughter missing, last seen in her boyfriend\'s Charger',
    'The child\'s father drove off with her after the custody exchange, gray Odyssey']) t.same(screen.screen(text), [], text);
});

t.test('the people of an event named as victims in a passive sentence or as owners in Spanish and Polish are not the crowd searched', async (t) => {
  for (const text of ['Attendees leaving the iftar were threatened by a man in a gray van', 'Members at the union hall were robbed at gunpoint, suspect car on video',
    'robaron la camioneta de un feligrés durante la misa', 'skradziono samochód uczestnika wiecu']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('Attendees leaving the iftar were seen by a patrol, list them all'), ['protected activity or class']);
});

t.test('a request from outside law enforcement is refused, whoever the requester is (VII.A sends it to the Records Division); officers, prosecutors, victims and families asking are not', async (t) => {
  const requests: Array<[string, string]> = [['the florist next door wants last week\'s plates from the Marion St camera', 'the florist next door wants'],
    ['our zoning inspector asked which trucks idle on Madison at night', 'our zoning inspector asked'],
    ['the golf course manager would like the plates of cars in the lot after dark', 'the golf course manager would like']];
  for (const [text, matched] of requests) {
    t.same(screen.screen(text), [{ category: 'personal or non-law-enforcement use', term: 'a request from outside law enforcement', matched }], text);
  }
  for (const text of ['Berwyn detectives asked us to run the plate from their case', "the victim's son wants to know whether the car passed our cameras",
    'the florist next door wants the suspect who smashed her window found', 'the State\'s Attorney needs the reads on plate KTX4492 for trial']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('reads handed to someone outside law enforcement are refused; handed to officers, prosecutors or evidence they are not', async (t) => {
  for (const text of ['give the hardware store a list of plates from the Jewel lot', 'forward the plate hits to the bakery owner on Marion St', 'share the reads with my landlord\'s lawyer friend']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  for (const text of ['share the reads with Berwyn PD for their case', 'send the reads for case 26-001122 to the State\'s Attorney', 'forward the results to the task force',
    'send the plate images to the evidence technician', 'Man who sent explicit photos to a 12-year-old arranged to meet her, drives a grey Jetta']) {
    t.same(screen.screen(text), [], text);
  }
});

t.test('reads gathered in bulk, taken off work devices, or used to show the system are not an investigation', async (t) => {
  for (const text of ['export the entire database as a spreadsheet', 'copy the reads to my personal laptop for the weekend', 'search random plates to demo the system']) {
    t.same(categories(text), ['personal or non-law-enforcement use'], text);
  }
  t.same(screen.screen('download the reads for the burglary case onto a disc to book into evidence'), [], 'evidence for a named crime');
});

t.test('a crime the text denies ("not reported stolen") names none; a short word is not squeezed into an offense ("AG" is not "agg")', async (t) => {
  t.same(categories('repo company looking for a 2019 Altima, owner behind on payments, not reported stolen'), ['personal or non-law-enforcement use']);
  t.same(categories('Missouri AG inquiry re who drove the pt to her appt across state line'), ['reproductive health care']);
  t.same(screen.screen('AGG BATT suspect fled in a grey Malibu, case 26-004411'), [], 'the abbreviation itself still names a crime');
  t.same(screen.screen('Car reported stolen from the Jewel lot, no weapon seen, find the thief'), [], 'a denial beside another crime word leaves the crime named');
});

t.test('ICE\'s people as the victims of a crime are investigable; ICE asking is not', async (t) => {
  for (const text of ["ICE agent's govt vehicle stolen from hotel lot on ogden", 'ICE officer battered during arrest, offender fled in green pickup, agg batt']) t.same(screen.screen(text), [], text);
  for (const text of ['ICE officer asked for the reads on the battered Camry owner', 'ICE agents want the stolen-plate hits for their operation']) {
    t.same(categories(text), ['immigration enforcement'], text);
  }
});

t.test('a word split into pieces is read only where the stem reaches its last piece', async (t) => {
  t.same(screen.screen('bomb threat called into the abortion clinic, susp veh circling the block'), [], 'abortion + clinic + susp is not one word');
  t.same(categories('check the im mi gra tion status of the driver'), ['immigration enforcement'], 'a word split to hide it is still read');
});

t.test('the user saying there is no crime, curiosity in Polish, care in another state and lapsed insurance in shorthand are refused', async (t) => {
  t.same(categories("sgt asked me to see where his 17yo daughter's been driving at night, nothing criminal just worried"), ['personal or non-law-enforcement use']);
  t.same(categories('sąsiad z naprzeciwka ciągle parkuje nowe auto, ciekawi mnie skąd ma kasę'), ['personal or non-law-enforcement use']);
  t.same(categories('pt came from wisconsin for a procedure, their agency wants her travel history'), ['reproductive health care']);
  t.same(categories('no ins per leads, locate and tow'), ['traffic enforcement']);
  t.same(screen.screen('immigration atty\'s office firebombed overnight, susp veh caught on cam'), [], 'a crime against an immigration lawyer\'s office');
});

t.test('the people of an event or an agency\'s people named as victims without an auxiliary ("a union member struck by a car", "HSI SA assaulted") are investigable', async (t) => {
  for (const text of ['union member intentionally struck by car at picket line, agg batt w/ veh, silver Ram', "border patrol agent's personal veh stolen from hotel lot while in town for training",
    'HSI SA assaulted during undercover meet, offender fled in gray Acura']) {
    t.same(screen.screen(text), [], text);
  }
  t.same(categories('border patrol agents asked for the reads on the assaulted man\'s car'), ['immigration enforcement'], 'an agency asking is a requester');
  t.same(categories('list the union members at the picket line'), ['protected activity or class']);
});

t.test('pieces put together are read as written, not as a near miss ("depot susp" is not "deport")', async (t) => {
  t.same(screen.screen('armed robbery of day laborers at home depot, susp pulled gun took wages, gold minivan'), []);
});

t.test('dates, asking that the search not be logged, a former wife in Polish, a Spanish mass, care called a termination or a procedure in IL are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['girl from a date sat gave me a fake name, plate on her jeep, just wanna confirm who she is', 'personal or non-law-enforcement use'],
    ["sgt asked me to see if ofc R's wife's car has been over at that guys house. personal, dont log it pls", 'personal or non-law-enforcement use'],
    ['sprawdzam auto byłej żony, chcę wiedzieć gdzie jeździ w weekendy', 'personal or non-law-enforcement use'],
    ['vehículos en la misa en español de St. Catherine, para saber quiénes son los que vienen', 'protected activity or class'],
    ['texas investigators asking if subject veh came to IL for a procedure', 'reproductive health care'],
    ['missouri sheriff requests LKA of resident who traveled for termination', 'reproductive health care'],
    ['se estacionó en lugar para discapacitados', 'traffic enforcement'],
    ['CAD: TC, minor, PD only, exchange of info refused, RO needed for the report', 'traffic enforcement'],
  ];
  for (const [text, category] of cases) t.same(categories(text), [category], text);
});

t.test('crimes against a place or its people are read through "hot-list the plate", one offender described, a Polish crime noun and a place word one word on', async (t) => {
  for (const text of [
    "Car belonging to an OB-GYN who works at the women's health clinic was stolen from her driveway. Hot-list the plate, case 24-02588.",
    'Union organizer at the warehouse was told to stop organizing by a man who showed him a handgun in the parking lot; suspect left in a black Escalade.',
    'Pobicie uczestnika polskiego festiwalu, poszkodowany w szpitalu; sprawca uciekł srebrnym Audi. Sprawa 24-05211.',
    '- incident: arson, reproductive health clinic rear door; - veh: sedan idling in alley prior; - case 24-03917',
    'Shots fired at attendees leaving the gun-rights meeting at the VFW; one man grazed. Shooter in a dark green Explorer.',
    'Wahad hajam 3ala el masjid b sikkin w hadad el musalleen, w harab b sayyara bayda. Raqam el qadiyya 24-06017.',
    'Residential burglary pattern; same Nissan Rogue seen near three break-ins. Case 24-01234, felony request approved by the Chief.',
  ]) t.same(screen.screen(text), [], text);
  t.same(categories('list the attendees of the gun-rights meeting at the VFW'), ['protected activity or class'], 'the crowd itself is still refused');
});

t.test('a bail agent, checking for a neighbour, a Ukrainian church service, a loud exhaust and a pregnant woman\'s movements are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ["Bondsman from A-1 Bail says his client missed a civil hearing and he wants last hits on the client's Tahoe. No warrant out.", 'personal or non-law-enforcement use'],
    ['Sprawdzam dla sąsiada, kto co noc parkuje przed jego domem. Nie ma żadnego przestępstwa.', 'personal or non-law-enforcement use'],
    ['Perevirka mashyn, yaki pryizhdzhaiut do ukrainskoi tserkvy na nedilnu sluzhbu.', 'protected activity or class'],
    ['that dodge w the straight pipes waking up the whole block at 2am, wanna get him for the exhaust', 'traffic enforcement'],
    ["Boyfriend says she's pregnant and keeps disappearing for hours. He wants to see where her car goes.", 'reproductive health care'],
  ];
  for (const [text, category] of cases) t.same(categories(text), [category], text);
});

t.test('parking and idling ordinances, expired registration in shorthand and pills at a stage of pregnancy are refused; the same words beside a crime are not', async (t) => {
  const cases: Array<[string, string]> = [
    ['2023 tags still on this Equinox, expired reg - find where it parks', 'traffic enforcement'],
    ["car blocking a driveway on Clarence again, resident's fed up - who owns it", 'traffic enforcement'],
    ['delivery truck idles outside Longfellow school 20+ min every pickup', 'traffic enforcement'],
    ['street sweeping day and this car never moves, need owner for tow list', 'traffic enforcement'],
    ["husband says she 'killed the baby' by taking pills at 8 weeks, wants to know where she went that day", 'reproductive health care'],
  ];
  for (const [text, category] of cases) t.same(categories(text), [category], text);
  for (const text of ['sedan idling in the alley before the arson at the school, case 26-003317', 'dealer sold fentanyl pills out of a blue Civic for weeks, case 26-004120']) t.same(screen.screen(text), [], text);
});

t.test('an ex named without "my", absconders from removal, people called illegal, a pregnant teen\'s trip, egg freezing are refused; an IA audit, a broken order of protection, fleeing a stop and an agent robbed at gunpoint are not', async (t) => {
  const cases: Array<[string, string]> = [
    ["ex-wife's car whereabouts", 'personal or non-law-enforcement use'],
    ['federal partner pickup for absconder, no crim charges, just wants last location', 'immigration enforcement'],
    ["roofing crew on Kenilworth, pretty sure they're illegal. run the truck plates", 'immigration enforcement'],
    ['parents of a pregnant 16 yo want to know if she went to get it done, her car is on the family plan', 'reproductive health care'],
    ['husband thinks wife froze her eggs without telling him, asked where her car went on the 12th', 'reproductive health care'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of [
    "IA admin investigation: determining whether an officer searched his ex-girlfriend's plate. Audit of his account.",
    'final order of protection violated, ex-husband seen driving a black Ram past her house',
    'Vehicle fled a traffic stop and crashed into the bus shelter at Austin/Lake injuring two pedestrians; driver ran. ID driver.',
    "Off-duty ICE agent's car was taken at gunpoint outside his home on S. Humphrey",
    'parole absconder with a warrant for armed robbery, last seen in a tan Buick',
  ]) t.same(screen.screen(text), [], text);
});

t.test('a crime\'s noun with its victims after "of" makes them victims, not the crowd searched', async (t) => {
  t.same(screen.screen('Armed robbery of worshippers leaving Friday prayers at the mosque on Madison, suspects in a gray Nissan'), []);
  t.same(categories('after the robbery, list the worshippers at the mosque'), ['protected activity or class'], 'a crime beside the crowd, not done to it');
});

t.test('a crime word asked about and answered no, or denied elsewhere, or conduct called legal, is no reason; a relative beside a modifier or "I want" is personal', async (t) => {
  const cases: Array<[string, string]> = [
    ['felony? no. just a LOT of unpaid parking tickets', 'traffic enforcement'],
    ['stolen?? nope. see if the car was at the abortion clinic on Lake', 'reproductive health care'],
    ["Endangered person? She's not endangered. Adult daughter left after a fight and I want to know where she's staying.", 'personal or non-law-enforcement use'],
    ['narcotics - neighbor smokes weed on his porch (legal), curious where he goes', 'personal or non-law-enforcement use'],
    ["drugs? it's totally legal now, just curious where my neighbor buys it", 'personal or non-law-enforcement use'],
    ["my adult daughter left after a fight, want to know where she's staying", 'personal or non-law-enforcement use'],
    ['want to see who visited the abortion clinic on Saturday', 'reproductive health care'],
    ['help out a friend at the dealership', 'personal or non-law-enforcement use'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of [
    // a "no" that begins an answer's words is not a lone no
    'Missing person? no contact since Friday, her car is a silver Corolla',
    'Armed robbery? Yes. Suspect fled in a red Kia toward the abortion clinic on Lake',
    'legal counsel advised on the warrant: armed robbery suspect, gray Malibu',
    // human smuggling is a crime; the victim's status is not the search's aim
    'human smuggling, federal criminal complaint, joint w/ HSI, suspect van, case 25-001544',
    'street vendor robbed by 3 men in a black Jeep, victim has no papers and was scared to report',
  ]) t.same(screen.screen(text), [], text);
});

t.test('a crime said to have no report or no credible threat behind it, lease payments and custody exchanges are refused; ICE kept out of a case, visa documents stolen and IA audits in shorthand are not', async (t) => {
  const cases: Array<[string, string]> = [
    ['STOLEN VEHICLE per the lease company: it is just a missed lease payment, no police report filed, they want the car back', 'personal or non-law-enforcement use'],
    ['dad says mom is always late to custody exchanges, wants her plate route for family court', 'personal or non-law-enforcement use'],
    ['threat? no credible threat, just want the cars at the mosque picnic on file', 'protected activity or class'],
    ['smuggling tip, no case opened, no victims identified, ICE just wants to know who in the crew is here without status', 'immigration enforcement'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of [
    'undocumented witness saw the shooting and gave us the plate, do NOT contact ICE. agg discharge 24-6620',
    'carjacked at gunpoint, the victim is an exchange student and her passport and visa documents were in the car',
    "IA audit: did Ofc #1187 run his ex-girlfriend's plate last year without a case number? admin inv AI-24-07",
    'IA: officer allegedly ran plates on the side for a repo company, audit his ALPR queries, IA-24-011',
  ]) t.same(screen.screen(text), [], text);
});

t.test('plain words for status, crossing, banned care, pills, a date, a colleague\'s lunch and a bad sale are refused; the patients\' plates too; shots fired and people run over at a vigil are crimes', async (t) => {
  const cases: Array<[string, string]> = [
    ['the tenants without documentation in 3B, which cars are theirs', 'immigration enforcement'],
    ['the roofing guys snuck across last spring, boss says, track their truck', 'immigration enforcement'],
    ['her state banned it so she drove up here, where did she go on Tuesday', 'reproductive health care'],
    ['Texas wants to know if she came to Illinois for the pills', 'reproductive health care'],
    ['robbery case 24-9001 at the clinic, but really get the patients\' plates from that morning', 'reproductive health care'],
    ['girl I met at the game Saturday, what does she drive', 'personal or non-law-enforcement use'],
    ['where does my lieutenant go at lunch every day', 'personal or non-law-enforcement use'],
    ['the seller who ripped me off on a used truck, find where he lives', 'personal or non-law-enforcement use'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of [
    'suspect opened fire on a deputy at a traffic stop and fled in a gray Tahoe, 24-7100',
    'driver tried to run over marchers at the vigil on Oak Park Ave, fled north, 24-6334',
    'plates stolen from a church member\'s car were read on a Honda on Lake, 24-6400',
  ]) t.same(screen.screen(text), [], text);
});

t.test('an agent who was the victim, words put outside the request, internal audits of query logs, crimes in Spanish and Polish and a pedestrian run down are not refused; a woman met at a bar in Spanish and a family matter are', async (t) => {
  for (const text of [
    'Border Patrol agent was the victim of a robbery at the gas station, his truck was taken, case 24-13100',
    'stabbing outside the bar, this has nothing to do with immigration, the victim is a day laborer, find the suspect car 24-13101',
    'internal audit: review the query log of Officer 233 after a complaint that he searched for personal reasons',
    'Mujer indocumentada baleada en la calle Lake; buscar el auto del agresor. Case 24-13102',
    'Na wiecu uczestnik został dźgnięty, sprawca odjechał autem, case 24-13103',
    'driver ran down a pedestrian at the crosswalk and kept going, the man died, 24-13104',
  ]) t.same(screen.screen(text), [], text);
  for (const text of ['busco a la chica que conocí en la fiesta, solo tengo la placa', 'family matter: my cousin has my car and will not give it back, find it']) t.ok(categories(text).includes('personal or non-law-enforcement use'), text);
});

t.test('a person said to be neither missing nor in danger, a search for an insurer or a landlord, and infidelity are refused whatever crime word stands beside them; an IA audit of such a search is not', async (t) => {
  const cases: Array<[string, string]> = [
    ['welfare check, but she is not missing and nobody thinks she is in danger, her husband wants to know if she went to the clinic in Chicago', 'reproductive health care'],
    ['theft investigation on behalf of the landlord, tenant left owing rent, get her new address', 'personal or non-law-enforcement use'],
    ['fraud case for the insurance company: was he at the bar the night of the claim', 'personal or non-law-enforcement use'],
    ['welfare check on my brother in law, my sister says he is cheating on her', 'personal or non-law-enforcement use'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  for (const text of [
    'IA audit: officer ran plates for a collection agency on the side, review his queries, IA-24-020',
    'welfare check: 82-year-old with dementia missing since noon, drives a tan Buick',
  ]) t.same(screen.screen(text), [], text);
});

t.test('a crime named and then set aside ("unrelated to that", "the real reason", "unfounded"), a following by its allegiance and a slight to the user are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['theft report 24-5101 is closed. Unrelated to this, a buddy of mine from high school wants to know where his ex lives now', 'personal or non-law-enforcement use'],
    ['vandalism 24-5102 at city hall; the actual purpose is the teachers\' union rally Thursday, run the plates there', 'protected activity or class'],
    ['battery complaint 24-5103 was unfounded; the sergeant wants the complainant\'s usual spots because she was rude to him', 'personal or non-law-enforcement use'],
    ['arson at the campaign office, 24-5104: run the cars at the senator\'s town hall to identify her followers', 'protected activity or class'],
    ['lady cut me off on Roosevelt this morning and laughed, what is her address', 'personal or non-law-enforcement use'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
});

t.test('a protected word said to be beside the point where a crime is named, the one person who attended, people a weapon was aimed at and people denied are not refused; a request or a crime between keeps the word', async (t) => {
  for (const text of [
    'armed robbery of a taxi driver, 24-5201; his citizenship status plays no role here, find the robber\'s grey Kia',
    'stabbing at the bus stop 24-5202; the victim\'s deportation case, which is not relevant, is pending; find the attacker\'s red pickup',
    'burglary 24-5203: the complainant had attended a union rally that evening; find the burglar\'s white van',
    'suspect pointed a pistol at worshippers leaving the mosque and fled in a blue Charger, 24-5204',
    'shooting near the clinic 24-5205, no patients are involved, find the shooter\'s black SUV',
  ]) t.same(screen.screen(text), [], text);
  for (const [text, category] of [
    ['burglary 24-5206: ICE wants reads, burglary irrelevant', 'immigration enforcement'],
    ['assault 24-5207: immigration asked, assault not relevant', 'immigration enforcement'],
  ] as const) t.ok(categories(text).includes(category), text);
});

t.test('a village bill, parking without a permit and a tow are refused; a child taken by a stranger is a crime named beside where the mother came from', async (t) => {
  const cases: Array<[string, string]> = [
    ['Public works wants to know which of the unpaid sewer bill addresses still have cars parked overnight', 'personal or non-law-enforcement use'],
    ['the lot behind the HOA clubhouse: tenants keep leaving cars there without permits, pull the plates so we can tow', 'traffic enforcement'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  t.same(screen.screen('caller newly arrived from Honduras says her son was taken by a man in a black Sentra outside the library'), []);
});

t.test('a case put as cover in other words, removal and crossing said obliquely, protesters without the word, a placard, the procedure\'s place and moving violations put plainly are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['Case 25-3301, theft, is a placeholder; the picket outside the hospital is who I need', 'protected activity or class'],
    ['Burglary 25-3302 on the form, but the point is my neighbor\'s new boyfriend', 'personal or non-law-enforcement use'],
    ['Assault 25-3303 is the open case, but this search is for the driver who blew the stop sign by my house', 'traffic enforcement'],
    ['she got orders to leave the country last year, find out if she is still around', 'immigration enforcement'],
    ['the feds want to send him back to Guatemala, where does his truck sleep', 'immigration enforcement'],
    ['guy came over the southern border in 2019, track his Civic', 'immigration enforcement'],
    ['his permission to stay expired in March, run his plate', 'immigration enforcement'],
    ['the crowd holding signs at the courthouse steps, pull every plate nearby', 'protected activity or class'],
    ['teachers walking the line at the high school: who drives what', 'protected activity or class'],
    ['which cars with a disability placard use the library lot every day', 'protected activity or class'],
    ['the building on Madison where women go to end a pregnancy, list the plates in the garage', 'reproductive health care'],
    ['van that makes an illegal U-turn on Harlem every morning, want to write him up', 'traffic enforcement'],
    ['plates on cars whose registration ran out, to write them', 'traffic enforcement'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
  t.notOk(categories('final order of protection served, respondent violated it and fled in a gray Impala, 25-3304').includes('immigration enforcement'), 'an order of protection is not a removal order');
});

t.test('what a request denies in its own clause, a protected word with no part in the case and a person hit with a weapon are not refused; a denial in another clause reaches nothing', async (t) => {
  for (const text of [
    'Battery 25-3401 at the union rally: we want the assailant\'s car, not the marchers or anyone who attended',
    'Robbery of a pastor, 25-3402. Looking for the robber only, not for the congregants.',
    'Burglary 25-3403 at a day laborer\'s apartment; his citizenship has nothing to do with it, find the burglar\'s Altima',
    'Mugging 25-3404: a worshipper was hit with a brick outside the temple, suspect fled in a tan Camry',
    'Carjacking 25-3406 of a rideshare driver; this is not an immigration inquiry, find the carjacker\'s Malibu',
  ]) t.same(screen.screen(text), [], text);
  t.ok(categories('Vandalism 25-3405 at the rally, no suspect yet, list all the attendees').includes('protected activity or class'), 'a denial in another clause');
  t.ok(categories('robbery 25-3407 not solved yet so check his immigration status').includes('immigration enforcement'), 'a denial ends where a new clause starts');
});

t.test('in Spanish and Polish: a case put as cover, a favour for the user or family, a ticket, a gay bar and who goes to a mosque are refused', async (t) => {
  const cases: Array<[string, string]> = [
    ['caso de asalto, pero en realidad quiero saber con quién sale mi hermana', 'personal or non-law-enforcement use'],
    ['wpiszę kradzież, ale to żeby sprawdzić dokąd jeździ moja była', 'personal or non-law-enforcement use'],
    ['el carro que se para en mi cuadra todas las noches, de quién es', 'personal or non-law-enforcement use'],
    ['sąsiad gra głośno muzykę po nocach, sprawdź jego auto', 'personal or non-law-enforcement use'],
    ['multar al que se estaciona en doble fila en la avenida Roosevelt', 'traffic enforcement'],
    ['wlepić mandat kierowcy, który parkuje na chodniku przy szkole', 'traffic enforcement'],
    ['lista aut przed barem gejowskim w sobotę', 'protected activity or class'],
    ['quiero saber quién va a la mezquita los viernes', 'protected activity or class'],
  ];
  for (const [text, category] of cases) t.ok(categories(text).includes(category), text);
});

t.test('crimes in Spanish and Polish beside a protected place or people, a victim without papers and a clinic named before its kind are investigable', async (t) => {
  for (const text of [
    'golpearon a un hombre frente a la mezquita, huyeron en un Nissan rojo, caso 25-5001',
    'pobili mężczyznę przed synagogą, sprawcy odjechali w Audi, sprawa 25-5002',
    'un sujeto golpeó a los asistentes de la vigilia y huyó en una Tacoma, caso 25-5003',
    'robaron a un trabajador sin papeles en la calle Madison, buscamos el Kia del ladrón',
    'tiroteo en el estacionamiento de la clínica de aborto en Harlem, sospechoso en un Camry',
    'napad na pielęgniarkę przed kliniką aborcyjną, sprawca w czarnym BMW',
  ]) t.same(screen.screen(text), [], text);
});

t.test('a score to settle and speed put as numbers are refused; a fire set at a church and CBP on a kidnapping are cases, CBP alone is not', async (t) => {
  for (const [text, category] of [
    ['the acquitted driver\'s new address, so the parents can confront him', 'personal or non-law-enforcement use'],
    ['catch the regulars going 50 in a 35 on Harlem with the Oak Park cameras', 'traffic enforcement'],
    ['CBP wants the plates seen near the bus station this week', 'immigration enforcement'],
  ] as const) t.ok(categories(text).includes(category), text);
  for (const text of [
    'teen seen setting fire to the church doors on Lake, left in a white Kia, 25-5101',
    'CBP asks for help on an armed kidnapping, victim driven through in a blue Tahoe, 25-5102',
  ]) t.same(screen.screen(text), [], text);
});

t.test('a second request beside a case is screened on its own: the crime the first names does not cover it, whichever comes first', async (t) => {
  for (const [text, category] of [
    ['Burglary at the hardware store, case 25-6001, blue Ford Ranger. While you\'re at it, see which cars park at the mosque on Fridays.', 'protected activity or class'],
    ['Stolen Camry 25-6002. P.S. run the plate of my ex-husband\'s new girlfriend.', 'personal or non-law-enforcement use'],
    ['Armed robbery 25-6003, gray Malibu. Second thing: find cars leaving the family planning clinic on Lake.', 'reproductive health care'],
    ['(Also pull the cars at the union organizing meeting.) Main search: stabbing 25-6004, red Jeep.', 'protected activity or class'],
    ['List the cars at the immigrants\' rights vigil, and also run plate AB 1234 for the homicide 25-6005.', 'protected activity or class'],
    ['Hit and run with injuries 25-6006, silver Altima. Bonus: flag the cars with expired tags on Madison so we can ticket them.', 'traffic enforcement'],
  ] as const) t.ok(categories(text).includes(category), text);
  for (const text of [
    'Robbery of a day laborer 25-6007, black Charger. Also, the victim is undocumented and afraid to testify.',
    'Carjacking 25-6008 of a white Sienna. Also check the suspect\'s girlfriend\'s Kia, he was seen getting into it.',
  ]) t.same(screen.screen(text), [], text);
});

t.test('people denied as owners of the cars, named as the victims, a gerund after a preposition and a crime noun with "on" are not aimed at', async (t) => {
  for (const text of [
    'Arson at the church hall 25-6101, suspect in a green Jeep; we are not pulling the congregants\' cars, only the Jeep.',
    'Robbery 25-6102 outside the mosque, the worshippers are the victims; find the robber\'s gray Civic.',
    'Missing woman 25-6103, 34, last seen after attending a vigil downtown, drives a red Fiat.',
    'Attack on worshippers at the synagogue 25-6104, attacker fled in a black Ram.',
  ]) t.same(screen.screen(text), [], text);
});
