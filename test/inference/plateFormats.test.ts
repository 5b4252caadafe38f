import t from 'tap';
import { fitStateSeries, patternOf, US_PLATE_FORMATS } from '../../inference/index.js';

t.test('every US state and DC has at least one format', async (tt) => {
  tt.equal(Object.keys(US_PLATE_FORMATS).length, 51);
  for (const [state, formats] of Object.entries(US_PLATE_FORMATS)) tt.ok(formats.length > 0 && formats.every((f) => /^[LD]+$/.test(f)), state);
});

t.test('a text\'s pattern: L for a letter, D for a digit', async (tt) => {
  tt.equal(patternOf('7ABC123'), 'DLLLDDD');
});

t.test("a known state's series settle 0 against O, and nothing else", async (tt) => {
  tt.equal(fitStateSeries('3550CT', 'AR'), '355OCT', 'Arkansas 123 ABC: the fourth character is a letter');
  tt.equal(fitStateSeries('0QK466', 'LA'), 'OQK466', 'Louisiana ABC 123: the first character is a letter');
  tt.equal(fitStateSeries('ABCO123', 'PA'), 'ABC0123', 'Pennsylvania ABC 1234: an O among the digits is a 0');
  tt.equal(fitStateSeries('BOB1234', 'PA'), 'BOB1234', 'a text that fits its series is left alone');
  tt.equal(fitStateSeries('3550CT', null), '3550CT', 'unknown state: unchanged');
  tt.equal(fitStateSeries('3550CT', 'ON'), '3550CT', 'a region outside the catalog: unchanged');
  tt.equal(fitStateSeries('LW1257', 'VA'), 'LW1257', 'other look-alikes (1/I) are never swapped');
  tt.equal(fitStateSeries('GOBEARS', 'CA'), 'GOBEARS', 'a vanity plate no swap can fit stands');
});

t.test('when two different swaps would each fit, the text stays as read', async (tt) => {
  // Texas has ABC 1234 and AB1 C234: either 0 of AB00123 could be the O.
  tt.equal(fitStateSeries('AB00123', 'TX'), 'AB00123');
});
