import t from 'tap';
import { fitStateSeries, patternOf, US_PLATE_FORMATS } from '../../inference/index.js';

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
