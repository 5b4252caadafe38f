import t from 'tap';
import { expandPattern, fitRegionFormat, fitsRegionFormat, fitStateSeries, LOOK_ALIKES, patternOf, plateRegion, PLATE_REGION_CODES, US_PLATE_FORMATS } from '../../inference/index.js';

t.test('every US state and DC has at least one format', async (tt) => {
  tt.equal(Object.keys(US_PLATE_FORMATS).length, 51);
  for (const [state, formats] of Object.entries(US_PLATE_FORMATS)) tt.ok(formats.length > 0 && formats.every((f) => /^[LD]+$/.test(f)), state);
});

t.test('a text\'s pattern: L for a letter, D for a digit', async (tt) => {
  tt.equal(patternOf('7ABC123'), 'DLLLDDD');
});

t.test("a known state's series settle 0 against O where a reading saw the other glyph, and nothing else", async (tt) => {
  tt.equal(fitStateSeries('3550CT', 'OK', ['355OCT']), '355OCT', 'Oklahoma 123 ABC: the fourth character is a letter');
  tt.equal(fitStateSeries('0QK466', 'LA', ['0QK466', 'OQK466']), 'OQK466', 'Louisiana ABC 123: the first character is a letter');
  tt.equal(fitStateSeries('ABCO123', 'PA', ['ABC0I23']), 'ABC0123', 'Pennsylvania ABC 1234: an O among the digits is a 0 (the other reading need not agree elsewhere)');
  tt.equal(fitStateSeries('BOB1234', 'PA', ['B0B1234']), 'BOB1234', 'a text that fits its series is left alone');
  tt.equal(fitStateSeries('3550CT', null, ['355OCT']), '3550CT', 'unknown state: unchanged');
  tt.equal(fitStateSeries('3550CT', 'ON', ['355OCT']), '3550CT', 'a region outside the catalog: unchanged');
  tt.equal(fitStateSeries('LW1257', 'VA', ['LWI257']), 'LW1257', 'other look-alikes (1/I) are never swapped');
  tt.equal(fitStateSeries('GOBEARS', 'CA', ['G0BEARS']), 'GOBEARS', 'a vanity plate no swap can fit stands');
});

t.test('no reading saw the other glyph: the series does not overrule the readers', async (tt) => {
  tt.equal(fitStateSeries('20FY20', 'MA', ['20FY20', '20FY20']), '20FY20', 'Massachusetts 12AB34, a series the catalog lacks');
  tt.equal(fitStateSeries('1230CT', 'OK', ['1230CT', '12OCT']), '1230CT', 'an O at another length is no evidence for this position');
});

t.test('where the state prints O and 0 as one glyph, the series alone decides', async (tt) => {
  tt.equal(fitStateSeries('3550CT', 'AR', ['3550CT']), '355OCT', 'Arkansas 123 ABC: the fourth character is a letter');
  tt.equal(fitStateSeries('444N0Q', 'IA', ['444N0Q']), '444NOQ', 'Iowa 123 ABC');
  tt.equal(fitStateSeries('087LAN', 'AR', ['087LAN']), '087LAN', 'a text that fits stays');
});

t.test('when two different swaps would each fit, the text stays as read', async (tt) => {
  // Texas has ABC 1234 and AB1 C234: either 0 of AB00123 could be the O.
  tt.equal(fitStateSeries('AB00123', 'TX', ['ABO0123', 'AB0O123']), 'AB00123');
});

t.test('a declared region expands its patterns into the formats of each length', async (tt) => {
  tt.same(expandPattern('LLD{1,3}'), ['LLD', 'LLDD', 'LLDDD']);
  tt.same(expandPattern('L{1,2}D{2}'), ['LDD', 'LLDD']);
  tt.throws(() => expandPattern('LL-DDD'), /only L, D and \{m,n\}/, 'a separator is not part of a format');
  tt.same([...plateRegion('br').formats].sort(), ['LLLDDDD', 'LLLDLDD']);
  tt.equal(plateRegion('de').longest, 8, 'the German limit of eight characters caps its expansion');
  tt.ok([...plateRegion('de').formats].every((f) => /^L{2,5}D{1,4}$/.test(f)));
  tt.equal(plateRegion('in').longest, 10, 'India raises the plate length to 10');
  tt.equal(plateRegion('us').formats.size, 0, 'the US has no national series: its states have theirs');
  tt.equal(plateRegion('eu').formats.size, 0, 'a mix of countries declares none');
  tt.ok(plateRegion('us').usStates && !plateRegion('br').usStates && !plateRegion('eu').usStates, 'only US reads name US states');
});

t.test('every region code expands, and look-alikes cross the letter-digit line both ways', async (tt) => {
  for (const code of PLATE_REGION_CODES) tt.doesNotThrow(() => plateRegion(code), code);
  for (const [ch, others] of Object.entries(LOOK_ALIKES)) {
    for (const o of others) {
      tt.not(patternOf(o), patternOf(ch), `${ch} -> ${o} changes kind`);
      tt.ok(LOOK_ALIKES[o]!.includes(ch), `${o} -> ${ch} too`);
    }
  }
});

t.test("a declared country's formats read a forbidden character as its look-alike", async (tt) => {
  const br = plateRegion('br').formats;
  tt.equal(fitRegionFormat('T0E6742', br, []), 'TOE6742', 'a 0 in a letter\'s place: O, the commoner, where no reading says');
  tt.equal(fitRegionFormat('T0E6742', br, [{ text: 'TDE6742', confidence: 0.3 }, { text: 'TOE6742', confidence: 0.1 }]), 'TDE6742', 'the readings\' word, by confidence');
  tt.equal(fitRegionFormat('T0E6742', br, [{ text: 'TDE674', confidence: 0.9 }]), 'TOE6742', 'a reading of another length has no say');
  tt.equal(fitRegionFormat('BR42E19', br, []), 'BRA2E19', 'Mercosur: the E fits no digit, so LLLDLDD');
  tt.equal(fitRegionFormat('G8T218O', br, []), 'GBT2180', 'two look-alikes, both ways');
  tt.equal(fitRegionFormat('GWT2180', br, []), 'GWT2180', 'a text that fits is left');
  tt.equal(fitRegionFormat('T3E6742', br, []), 'T3E6742', 'a 3 has no letter look-alike: left as read');
  tt.equal(fitRegionFormat('GWT21', br, []), 'GWT21', 'a reading that lost characters is not made to fit');
  tt.equal(fitRegionFormat('T0E6742', new Set(), []), 'T0E6742', 'no declared formats: as read');
});

t.test('where two formats are met with as few look-alikes, the text stays as read', async (tt) => {
  // AB0128Z: LLLDDDL with the 0 read as O, or LLDDDDD with the Z read as 2; nothing says which.
  tt.equal(fitRegionFormat('AB0128Z', new Set(['LLLDDDL', 'LLDDDDD']), []), 'AB0128Z');
  tt.equal(fitRegionFormat('AB0128Z', new Set(['LLLDDDL', 'LLDDDDD', 'LLDDDDL']), []), 'AB0128Z', 'a format it fits as read wins outright');
});

t.test('a reading that needs more than two look-alikes to fit is left as read', async (tt) => {
  tt.equal(fitRegionFormat('A678DD', plateRegion('fr').formats, []), 'A678DD', 'four reads would make it 467B00');
  tt.equal(fitRegionFormat('0181080', plateRegion('br').formats, []), '0181080', 'three (OIB as 018): left');
  tt.equal(fitRegionFormat('0I81080', plateRegion('br').formats, []), 'OIB1080', 'two: read');
  tt.equal(fitRegionFormat('OI81080', plateRegion('br').formats, []), 'OIB1080', 'one: read');
});

t.test('a text fits a declared country where it fits a format as read or with look-alikes read', async (tt) => {
  const br = plateRegion('br').formats;
  tt.ok(fitsRegionFormat('GWT2180', br), 'as read');
  tt.ok(fitsRegionFormat('G8T2180', br), 'with the 8 read as B');
  tt.notOk(fitsRegionFormat('GWT21', br), 'a reading that lost characters');
  tt.ok(fitsRegionFormat('GWT21', new Set()), 'no declared formats: everything fits');
});
