import t from 'tap';
import { PurposeGate } from '../../../hub/policy/purposeGate.js';

const gate = new PurposeGate();
const ok = { purpose: 'stolen_vehicle' as const, caseNumber: '26-004512', description: 'silver sedan taken at gunpoint on Lake St' };

t.test('an investigative search needs a case number, an allowed purpose and a description', async (t) => {
  t.doesNotThrow(() => gate.checkShape('officer', ok));
  t.throws(() => gate.checkShape('officer', { ...ok, caseNumber: undefined }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, caseNumber: "1' OR '1'='1" }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, description: 'because' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, purpose: 'curiosity' as never }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, purpose: 'other_felony' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /Chief/ });
  t.doesNotThrow(() => gate.checkShape('officer', { ...ok, purpose: 'other_felony', felonyRequestId: 'r-1' }));
});

t.test('administrative and audit queries skip the case number, for admin and auditor only', async (t) => {
  const admin = { purpose: 'administrative' as const, description: 'monthly system audit per VII.E' };
  t.doesNotThrow(() => gate.checkShape('admin', admin));
  t.doesNotThrow(() => gate.checkShape('auditor', { ...admin, purpose: 'audit' }));
  t.throws(() => gate.checkShape('officer', admin), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /reserved for admin and auditor/ });
  t.throws(() => gate.checkShape('admin', ok), { code: 'ALPR_ERR_FORBIDDEN' }, 'admins do not run investigative searches');
});

t.test('terms pointing to prohibited uses are found and explained', async (t) => {
  const cases: Array<[string, string]> = [
    ['car seen speeding on Harlem Ave repeatedly', 'traffic enforcement'],
    ['Parking complaint from neighbour', 'traffic enforcement'],
    ['locate owner for ICE detainer', 'immigration enforcement'],
    ['possible deportation case', 'immigration enforcement'],
    ['vehicle seen near the abortion clinic', 'reproductive health care'],
    ['who attended the protest downtown', 'protected activity or class'],
  ];
  for (const [description, category] of cases) {
    const decision = gate.screen({ ...ok, description });
    t.ok(decision.prohibited.some((p) => p.category === category), `"${description}" is ${category}`);
    t.match(PurposeGate.refusalMessage(decision), /General Order 4\.68 prohibits/);
  }
  t.same(gate.screen(ok).prohibited, [], 'a lawful purpose passes');
  t.same(gate.screen({ ...ok, description: 'armed robbery suspect vehicle, Icelandic tourist victim' }).prohibited, [], 'matches words, not letters inside words');
});

t.test('the term list is configurable', async (t) => {
  const custom = new PurposeGate({ 'traffic enforcement': ['jaywalk'] });
  t.equal(custom.screen({ ...ok, description: 'jaywalking suspect' }).prohibited.length, 1);
  t.equal(custom.screen({ ...ok, description: 'speeding car' }).prohibited.length, 0);
});
