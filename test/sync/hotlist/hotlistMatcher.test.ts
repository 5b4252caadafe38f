import t from 'tap';
import { HotlistMatcher, lookalikeVariants, type HotlistEntry } from '../../../sync/index.js';

const NOW = Date.UTC(2026, 10, 30);
const entry = (entryId: string, plate: string, extra: Partial<HotlistEntry> = {}): HotlistEntry => ({ entryId, plate, state: 'IL', category: 'stolen_vehicle', source: 'ncic', priority: 1, ...extra });

t.test('an exact plate hits its entry and carries the entry for the officer', async (tt) => {
  const m = new HotlistMatcher();
  m.apply([entry('e1', 'ABC1234', { vehicleMake: 'HONDA', vehicleColour: 'BLUE' })]);
  const hits = m.match('ABC1234', 'IL', NOW);
  tt.equal(hits.length, 1);
  tt.equal(hits[0]!.nearMatch, false);
  tt.equal(hits[0]!.entry.vehicleMake, 'HONDA');
  tt.same(m.match('ABC1235', 'IL', NOW), [], 'another plate does not hit');
});

t.test('one OCR look-alike substitution is a near match, flagged as such; two are not', async (tt) => {
  const m = new HotlistMatcher();
  m.apply([entry('e1', 'B0S125')]);
  for (const read of ['80S125', 'BOS125', 'B0512S'.slice(0, 0) + 'B05125', 'B0S1Z5', 'B0SI25']) {
    const hits = m.match(read, null, NOW);
    tt.equal(hits.length, 1, `${read} is one look-alike from B0S125`);
    tt.equal(hits[0]!.nearMatch, true);
  }
  tt.same(m.match('8OS125', null, NOW), [], 'two substitutions do not match');
  tt.same(m.match('B0S12X', null, NOW), [], 'a substitution that is not a look-alike does not match');
  tt.same(lookalikeVariants('A0'), ['AO'], 'letters without a look-alike are left alone');
});

t.test('state must agree when both the read and the entry name one', async (tt) => {
  const m = new HotlistMatcher();
  m.apply([entry('e1', 'XYZ789', { state: 'IL' }), entry('e2', 'QRS456', { state: '' })]);
  tt.equal(m.match('XYZ789', 'WI', NOW).length, 0, 'a Wisconsin read of an Illinois entry is not a hit');
  tt.equal(m.match('XYZ789', null, NOW).length, 1, 'an unknown read state still hits');
  tt.equal(m.match('QRS456', 'WI', NOW).length, 1, 'an entry of unknown state hits any state');
});

t.test('an entry past its expiry stops matching', async (tt) => {
  const m = new HotlistMatcher();
  m.apply([entry('e1', 'EXP111', { expiresAtMs: NOW + 1000 })]);
  tt.equal(m.match('EXP111', null, NOW).length, 1);
  tt.equal(m.match('EXP111', null, NOW + 1000).length, 0);
});

t.test('deltas replace and remove entries by id; several entries may share a plate', async (tt) => {
  const m = new HotlistMatcher();
  m.apply([entry('e1', 'DUP100', { source: 'ncic' }), entry('e2', 'DUP100', { source: 'internal' }), entry('e3', 'OTHER1')]);
  tt.same(m.match('DUP100', null, NOW).map((h) => h.entry.entryId).sort(), ['e1', 'e2']);
  m.apply([entry('e1', 'NEW100')], ['e2']);
  tt.same(m.match('DUP100', null, NOW), [], 'moved and removed entries no longer hit their old plate');
  tt.equal(m.match('NEW100', null, NOW)[0]!.entry.entryId, 'e1');
  tt.equal(m.size, 2);
  m.apply([], ['e1', 'e3', 'unknown-id']);
  tt.equal(m.size, 0);
});

t.test('many removals compact the store without losing live entries', async (tt) => {
  const m = new HotlistMatcher();
  m.apply(Array.from({ length: 5000 }, (_, i) => entry(`e${i}`, `P${i}`)));
  m.apply([], Array.from({ length: 4000 }, (_, i) => `e${i}`));
  tt.equal(m.size, 1000);
  tt.equal(m.match('P4500', null, NOW).length, 1);
  tt.equal(m.match('P10', null, NOW).length, 0);
  tt.equal([...m.entries()].length, 1000);
});
