import { readFile } from 'node:fs/promises';
import { NCIC_MAPPING } from '../../hub/hotlists/importMapping.js';
import { DAY, START, type Harness } from './hubHarness.js';

/** The month the seeded activity falls in (the harness clock starts 2026-11-01 12:00 UTC). */
export const MONTH = '2026-11';

const lawful = { purpose: 'violent_crime' as const, offense: '13A', caseNumber: '26-004871', description: 'shooting at Lake and Harlem, suspect vehicle seen leaving' };

/** What a seeded month holds that must never reach the transparency data. */
export interface SeededIdentifiers {
  plates: string[];
  usernames: string[];
  displayNames: string[];
  userIds: string[];
  caseNumbers: string[];
  cadNumbers: string[];
  agencies: string[];
  readIds: string[];
}

/**
 * A month of activity through the hub's own services, with known counts: reads at two sites,
 * searches (lawful, wildcard, other-felony, one refused as prohibited, one off-shift), an image
 * view, an evidence export, two alerts (a stop and a misread), a purge, and outside-agency
 * searches as the sharing feature records them (`sharing.search`).
 */
export async function seedMonth(h: Harness): Promise<SeededIdentifiers> {
  const s = h.services;
  await s.hotlists.importExtract(await readFile(new URL('../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const officer = await h.user('officer', { username: 'ofc.garcia' });
  const detective = await h.user('detective', { username: 'det.okafor' });
  await h.user('chief', { username: 'chief.reyes' });
  await h.user('officer', { username: 'ofc.lapsed', certified: false });
  // October: three reads the purge deletes now (captured before the 30-day cutoff), two still held.
  await h.addReads([1, 2, 3].map((i) => ({ plate: `OCT000${i}`, capturedAt: Date.UTC(2026, 9, 1, 8, i) })));
  await h.addReads([1, 2].map((i) => ({ plate: `OCT100${i}`, capturedAt: Date.UTC(2026, 9, 31, 8, i) })));
  await s.retention.run('manual', 'test');
  const t0 = h.clock.now() - 3600_000;
  const reads = await h.addReads([
    { plate: 'ABC1234', region: 'IL', siteId: 'site-1', cameraId: 'cam0', capturedAt: t0 },
    { plate: 'KJH5521', region: 'IN', siteId: 'site-1', cameraId: 'cam1', capturedAt: t0 + 1000 },
    { plate: 'QRS5555', siteId: 'site-1', cameraId: 'cam0', capturedAt: t0 + 2000 },
    { plate: 'DEF4321', siteId: 'site-2', cameraId: 'cam0', capturedAt: t0 + 3000 },
    { plate: 'XYZ9876', siteId: 'site-2', cameraId: 'cam0', capturedAt: t0 + 4000 },
  ]);
  // Officer: a lawful search, its image, an export (a hold), a sweeping wildcard, two alerts, then a prohibited search (suspended).
  const found = await s.search.search(officer.account, { ...lawful, plate: 'ABC1234', mode: 'exact' });
  await s.search.viewImages(officer.account, reads[0]!.id, found.searchId);
  await s.evidence.export(officer.account, { readIds: [reads[0]!.id], searchId: found.searchId, description: 'vehicle at scene two hours after the shooting' });
  await s.search.search(officer.account, { ...lawful, plate: 'ABC*', mode: 'wildcard' });
  // Alerts (before the suspension below, which ends the officer's access to them): a confirmed hit that led to a stop, and a misread.
  const [stop] = await s.alerts.raise(reads[0]!, await s.hotlists.match('ABC1234', 'IL'), 'hub');
  const [misread] = await s.alerts.raise(reads[1]!, await s.hotlists.match('KJH5521', 'IN'), 'hub');
  await s.alerts.viewImages(officer.account, stop!.alertId);
  await s.alerts.dispose(officer.account, stop!.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001' });
  await s.alerts.dispose(officer.account, misread!.alertId, { disposition: 'misread' });
  await s.search.search(officer.account, { ...lawful, offense: 'IMMIGRATION', caseNumber: '0000', description: 'vehicle of interest for a federal partner', plate: 'DEF4321', mode: 'exact' }).catch(() => undefined);
  // Detective: an other-felony search the Chief approved, and one off-shift (01:30 in Chicago).
  const request = await s.felony.submit({ caseNumber: '26-000731', description: 'string of residential burglaries, van seen at three scenes' }, detective.account.userId);
  await s.felony.decide(request.requestId, true, 'chief-1', 'approved in writing');
  await s.search.search(detective.account, { purpose: 'other_felony', offense: '220', caseNumber: '26-000731', description: 'burglary ring using a rented van', plate: 'QRS5555', mode: 'exact', felonyRequestId: request.requestId });
  // Outside agencies, in the shape the sharing feature writes.
  const agency = (agencyName: string, agencyOri: string, purpose: string, outcome: 'answered' | 'refused', refusalReason?: string) =>
    s.audit.append({ actor: `agency:${agencyOri}`, action: 'sharing.search', outcome: outcome === 'refused' ? 'refused' : 'ok', detail: { agencyName, agencyOri, purpose, outcome, refusalReason, caseNumber: 'MW-26-7781', plate: 'DEF4321' } });
  await agency('Maywood Police Department', 'IL0160300', 'stolen_vehicle', 'answered');
  await agency('Maywood Police Department', 'IL0160300', 'violent_crime', 'answered');
  await agency('Lake County Sheriff (Indiana)', 'IN0450000', 'other', 'refused', 'no current declaration (625 ILCS 5/2-130)');
  h.clock.setWall(Date.UTC(2026, 10, 2, 7, 30));
  await s.search.search(detective.account, { ...lawful, plate: 'XYZ9876', mode: 'exact' });
  return {
    plates: [...reads.map((r) => r.plate), 'OCT0001', 'OCT1001'], usernames: ['ofc.garcia', 'det.okafor', 'chief.reyes', 'ofc.lapsed'], displayNames: ['Test officer', 'Test detective'],
    userIds: [officer.account.userId, detective.account.userId], caseNumbers: ['26-004871', '26-000731', 'MW-26-7781'], cadNumbers: ['CAD-26-1001'],
    agencies: ['Maywood', 'IL0160300', 'Lake County', 'IN0450000'], readIds: reads.map((r) => r.id),
  };
}

export { DAY, START };
