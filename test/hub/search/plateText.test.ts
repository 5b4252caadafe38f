import t from 'tap';
import { canonicalPlate, editDistance, fuzzyCloseness, normalizePlate, oneEditNeighbours, wildcardPlan } from '../../../hub/search/plateText.js';

t.test('plates are compared without case, spaces or dashes', async (t) => {
  t.equal(normalizePlate(' abc-1234 '), 'ABC1234');
});

t.test('OCR confusions fold to one symbol', async (t) => {
  t.equal(canonicalPlate('B0D1'), canonicalPlate('8OQI'));
  t.equal(canonicalPlate('Z5G'), canonicalPlate('2S6'));
  t.not(canonicalPlate('A'), canonicalPlate('4'));
});

t.test('one-edit neighbours hold every string one edit away and nothing further', async (t) => {
  const n = new Set(oneEditNeighbours('AK1'));
  for (const s of ['AK1', 'A1', 'AK', 'XAK1', 'AXK1', 'AK1X', 'XK1', 'AX1', 'AKX', 'AKI']) t.ok(n.has(canonicalPlate(s)), s);
  t.notOk(n.has('XY1'));
  for (const s of n) t.ok(editDistance(s, 'AK1') <= 1);
});

t.test('closeness ranks the same plate first, confusions next, true edits last', async (t) => {
  t.equal(fuzzyCloseness('ABC123', 'ABC123'), 0);
  t.ok(fuzzyCloseness('ABC123', 'A8C123') < fuzzyCloseness('ABC123', 'AXC123'));
  t.ok(fuzzyCloseness('ABC123', 'AXC123') <= fuzzyCloseness('ABC123', 'ABC1234'));
});

t.test('wildcard patterns become narrow ranges on the plate or the reversed plate', async (t) => {
  const plan = (pattern: string) => {
    const found = wildcardPlan(pattern) ?? t.fail(`${pattern} has a plan`) as never;
    t.equal(found.ranges.length, 1, `${pattern}: one set of ranges on one B-tree`);
    return { regex: found.regex, ...found.ranges[0]! };
  };
  const prefix = plan('ABC*');
  t.same([prefix.column, prefix.prefixes], ['plate', ['ABC']]);
  const inner = plan('AB?1*');
  t.equal(inner.column, 'plate');
  t.equal(inner.prefixes.length, 36, 'a ? between known characters is expanded, so the ranges stay narrow');
  t.ok(inner.prefixes.includes('ABX1'));
  t.ok(inner.regex.test('ABX1'));
  t.ok(inner.regex.test('ABX1999'));
  t.notOk(inner.regex.test('XABX1'));
  const suffix = plan('*1234');
  t.same([suffix.column, suffix.prefixes], ['rev', ['4321']]);
  const middle = plan('?B?12*');
  t.equal(middle.column, 'plate');
  t.equal(middle.prefixes.length, 36 * 36, 'both unknowns expanded');
  t.ok(middle.prefixes.includes('AB912'));
  const run = wildcardPlan('*ABC*')!;
  t.same(run.ranges.map((r) => [r.column, r.prefixes.length]), [['plate', 1], ['rev', 1], ['plate', 36], ['rev', 36], ['plate', 1296], ['rev', 1296]],
    'a run of 3 with no usable end: the run 0, 1 or 2 characters from either end');
  t.ok(run.ranges[4]!.prefixes.includes('Q7ABC') && run.ranges[5]!.prefixes.includes('Q7CBA'));
  t.equal(wildcardPlan('*AB*C*'), null, 'no usable end and no run of 3: no plan (search refuses it)');
  t.equal(wildcardPlan('*1*2*3*'), null, 'scattered characters: no plan');
  t.equal(wildcardPlan('???12*'), null, 'three unknowns in front and a run of 2: no plan');
});
