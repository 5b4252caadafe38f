import t from 'tap';
import { parseOpenCases } from '../../../hub/policy/caseNumbers.js';
import { OFFENSE_CATEGORIES } from '../../../hub/policy/offenses.js';
import { PurposeGate } from '../../../hub/policy/purposeGate.js';

const gate = new PurposeGate();
const ok = { purpose: 'stolen_vehicle' as const, offense: '240', caseNumber: '26-004512', description: 'silver sedan taken from a driveway on Lake St' };

t.test('an investigative search needs an offense category that allows its purpose, a case number and a description', async (t) => {
  t.same(gate.checkShape('officer', ok), { caseNumber: '26-004512' });
  t.throws(() => gate.checkShape('officer', { ...ok, caseNumber: undefined }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, caseNumber: "1' OR '1'='1" }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, description: 'because' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, purpose: 'curiosity' as never }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', { ...ok, offense: undefined }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /NIBRS offense code/ });
  t.throws(() => gate.checkShape('officer', { ...ok, offense: '13B' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' }, 'simple assault is not an ALPR purpose');
  t.throws(() => gate.checkShape('officer', { ...ok, offense: '120' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /120 \(Robbery\) may be searched only as violent_crime/ });
  t.throws(() => gate.checkShape('officer', { ...ok, purpose: 'violent_crime', offense: '220' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /other_felony, with a written request the Chief approved/ },
    'a burglary is an other felony, not a violent crime');
  t.throws(() => gate.checkShape('officer', { ...ok, purpose: 'other_felony', offense: '220' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /Chief/ });
  t.doesNotThrow(() => gate.checkShape('officer', { ...ok, purpose: 'other_felony', offense: '220', felonyRequestId: 'r-1' }));
  t.doesNotThrow(() => gate.checkShape('officer', { ...ok, purpose: 'missing_person', offense: '100' }), 'a kidnapping may be searched as a missing person');
});

t.test('every offense category maps to purposes of section V.B, and traffic and immigration to none', async (t) => {
  for (const o of OFFENSE_CATEGORIES) {
    if (o.prohibited) t.same(o.purposes, [], `${o.code} is never allowed`);
    else t.ok(o.purposes.length > 0, `${o.code} allows a purpose`);
  }
  t.same(OFFENSE_CATEGORIES.filter((o) => o.prohibited).map((o) => o.prohibited), ['traffic enforcement', 'immigration enforcement']);
});

t.test('choosing a prohibited offense category is a prohibited use, whatever the description says', async (t) => {
  const decision = gate.screen({ ...ok, offense: 'IMMIGRATION', description: 'vehicle of interest for the federal partner' });
  t.same(decision.prohibited.map((p) => p.category), ['immigration enforcement']);
  t.match(PurposeGate.refusalMessage(decision), /General Order 4\.68 prohibits using ALPR data for immigration enforcement.*suspended/);
  t.same(gate.screen({ ...ok, offense: 'TRAFFIC' }).prohibited.map((p) => p.category), ['traffic enforcement']);
});

t.test('junk case numbers are refused even when they fit the format', async (t) => {
  for (const junk of ['26-000000', '26-111111', '26-001234', '26-123456', '26-654321', '26-007777', '22-222222', '0000', '1234']) {
    t.throws(() => gate.checkShape('officer', { ...ok, caseNumber: junk }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' }, junk);
  }
  for (const real of ['26-004512', 'CAD-26-018342', '25-100233', '26-000101']) t.doesNotThrow(() => gate.checkShape('officer', { ...ok, caseNumber: real }), real);
});

t.test('where an open-case list is kept, only open cases can be searched', async (t) => {
  const withList = new PurposeGate({ caseNumbers: { casePattern: /^\d{2}-\d{6}$/, referencePattern: /^AUD-\d{4}$/, openCases: parseOpenCases('# open today\n26-004512\n\n26-004513\n') } });
  t.doesNotThrow(() => withList.checkShape('officer', ok));
  t.throws(() => withList.checkShape('officer', { ...ok, caseNumber: '26-004999' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not on the list of open cases/ });
});

t.test('administrative and audit queries cite a checked complaint or audit reference, for admin and auditor only', async (t) => {
  const admin = { purpose: 'administrative' as const, reference: 'PC-26-0142', description: 'personnel complaint review per VII.C' };
  t.same(gate.checkShape('admin', admin), { reference: 'PC-26-0142' });
  t.doesNotThrow(() => gate.checkShape('auditor', { ...admin, purpose: 'audit', reference: 'AUD-26-0007' }));
  t.throws(() => gate.checkShape('admin', { ...admin, reference: undefined, description: 'checking something for a friend' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /complaint.*audit number/ });
  t.throws(() => gate.checkShape('admin', { ...admin, reference: 'PC-26-0000' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a real reference/ });
  t.throws(() => gate.checkShape('admin', { ...admin, reference: 'friend' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.throws(() => gate.checkShape('officer', admin), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /reserved for admin and auditor/ });
  t.throws(() => gate.checkShape('admin', ok), { code: 'ALPR_ERR_FORBIDDEN' }, 'admins do not run investigative searches');
});

t.test('the description is screened as a second line of defence, and departments can add terms', async (t) => {
  t.same(gate.screen({ ...ok, description: 'assist ICE with locating this driver' }).prohibited.map((p) => p.category), ['immigration enforcement']);
  t.same(gate.screen(ok).prohibited, [], 'a lawful purpose passes');
  const custom = new PurposeGate({ extraTerms: { 'traffic enforcement': ['jaywalker'], 'debt collection': ['garnish'] } });
  // "For the lender" is a search for a private party (built in); the department's own term is found beside it.
  t.ok(custom.screen({ ...ok, description: 'wage garnishment for the lender' }).prohibited.some((p) => p.category === 'debt collection'), 'a department\'s own category');
  t.same(custom.screen({ ...ok, description: 'wage garnishment order' }).prohibited.map((p) => p.category), ['debt collection'], 'and alone');
  t.equal(custom.screen({ ...ok, description: 'speeding car' }).prohibited.length, 1, 'added terms never replace the built-in ones');
});
