import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, systemClock } from '../core/index.js';
import type { Appliance } from '../firmware/index.js';
import { main as provision } from '../provisioning/index.js';
import { NCIC_MAPPING } from '../hub/hotlists/importMapping.js';
import { buildConsole } from '../console/build.js';
import { account, DEMO_PASSWORD, demoAuditFiles, hubApi, startDemoHub } from './demoHub.js';
import { createDemoAppliance, LOOP_PIN, passAgain, TAMPER_PIN } from './demoAppliance.js';
import { demoSharing } from './sharingDemo.js';

/**
 * The state hot file the demo imports (NCIC/LEADS field codes, docs/hotlists.md): the Illinois
 * car of the second demo scene is reported stolen; the Immigration Violator File record is
 * refused at import, as General Order 4.68 V.E requires.
 */
/** The demo car the hot file lists as stolen. */
const STOLEN_PLATE = 'KTX4492';

const DEMO_HOT_FILE = [
  'NIC,FILE,LIC,LIS,LIT,VMA,VCO,VST,EXP,MIS',
  'V000004492,VEH,KTX4492,IL,PC,FORD,BLU,4D,,STOLEN FROM OAK PARK AVE - CONFIRM THROUGH LEADS',
  'W000000771,WNT,QRT5519,IN,PC,CHEV,BLK,PK,,WANTED: AGGRAVATED BATTERY WARRANT',
  'I000000001,IVF,IMM0001,IL,PC,,,,,IMMIGRATION VIOLATOR FILE',
].join('\n');

const USAGE = 'usage: npm run demo [-- --images DIR] [--data DIR] [--pg URL] [--broker-url URL] [--http-port N] [--keep-running] [--verbose]';

const say = (line = '') => process.stdout.write(`${line}\n`);

/**
 * The one-command demo of the whole system: a hub with embedded defaults, a Chief-approved site,
 * an admin and an officer with MFA; an appliance enrolled with the provisioning CLI, running the
 * firmware on the simulated GPIO chip and the replay camera; every read delivered to the hub;
 * then the officer's purpose-gated search and the audit trail of all of it, verified.
 */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: {
      images: { type: 'string' }, data: { type: 'string' }, pg: { type: 'string' }, 'broker-url': { type: 'string' }, 'http-port': { type: 'string' },
      'keep-running': { type: 'boolean' }, verbose: { type: 'boolean' },
    } }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return 64;
  }
  const images = values.images ?? new URL('./frames', import.meta.url).pathname;
  const dataDir = values.data ?? await mkdtemp(join(tmpdir(), 'alpr-demo-'));
  const hubDir = join(dataDir, 'hub');
  const auditDir = join(dataDir, 'audit');
  const applianceDir = join(dataDir, 'appliance');

  // The hub reads the built console once, at start: build it first when the hub stays up to explore.
  if (values['keep-running']) await buildConsole();
  say('ALPR demo: hub, appliance and an officer\'s search, all on this machine');
  say(`1. hub (${values.pg ? 'PostgreSQL' : 'SQLite'}, ${values['broker-url'] ? `broker ${values['broker-url']}` : 'embedded MQTT broker'}) in ${hubDir}`);
  const hub = await startDemoHub({ dataDir: hubDir, auditDir, pgUrl: values.pg ?? process.env.ALPR_HUB_PG_URL ?? null, brokerUrl: values['broker-url'] ?? null, httpPort: Number(values['http-port'] ?? 0), verbose: Boolean(values.verbose) });
  const services = hub.services!;
  const api = hubApi(hub.httpUrl);
  let appliance: Appliance | null = null;
  try {
    // The Chief's approval and the first admin are made on the hub machine (as alpr-hub account create does).
    await services.sites.approve({ siteId: 'demo-site', name: 'Demo St at Example Ave', approvalRef: 'DEMO-CHIEF-APPROVAL-1', latitude: 41.885, longitude: -87.785, cameras: ['cam0'] }, 'cli:demo')
      .catch((err: Error) => (/exists/.test(err.message) ? null : Promise.reject(err)));
    const year = Date.now() - 30 * 86_400_000;
    const admin = await account(api, services, 'admin', year);
    const officer = await account(api, services, 'officer', year, admin.session);
    say(`   site demo-site approved; admin ${admin.username} and officer ${officer.username} enrolled their authenticators (TOTP)`);
    const imported = await services.hotlists.importExtract(DEMO_HOT_FILE, NCIC_MAPPING, 'cli:demo', 'demo state hot file');
    say(`   state hot file imported: ${imported.added} entries; refused ${Object.entries(imported.refused).map(([why, n]) => `${n} ${why}`).join(', ') || 'none'}`);
    services.alerts.on('alertRaised', (a) => {
      say(`${process.stdout.isTTY ? '\r\x1b[K' : ''}   ALERT ${a.plate.padEnd(9)} ${a.entry.category} (${a.entry.source}) ${a.entry.vehicleColour} ${a.entry.vehicleMake} at ${a.siteId}/${a.cameraId}: matched on the ${a.matchedBy}, ${a.raisedAt - a.capturedAt} ms after capture`);
    });

    say('2. enrolling the appliance with alpr-provision');
    const { token } = await api<{ token: string }>('POST', '/api/v1/enrollment-tokens', { siteId: 'demo-site', ttlHours: 1 }, admin.session);
    const configPath = join(applianceDir, 'appliance.yaml');
    const deviceId = `demo-pole-${Date.now().toString(36)}`;
    const steps: Array<[string, string[]]> = [
      ['enroll', ['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', deviceId, '--config', configPath, '--data-dir', applianceDir, '--expect-hub-key-id', hub.keys!.seal.keyId, '--quiet']],
      ['configure', ['configure', '--config', configPath, '--quiet', '--set', 'gpio.type=simulated', '--set', 'illuminator.pin=18', '--set', 'day_night.source=sun',
        '--set', `trigger={mode: inputs, inputs: [{pin: ${LOOP_PIN}, kind: loop, active_low: true}], debounce_ms: 10, hold_off_ms: 100}`, '--set', `tamper.pin=${TAMPER_PIN}`,
        '--set', `camera={type: replay, folder: ${JSON.stringify(images)}, burst_frames: 3, burst_interval_ms: 20}`, '--set', 'sync.batch_max_age_ms=200',
        '--set', `log_level=${values.verbose ? 'info' : 'warn'}`]],
    ];
    for (const [name, args] of steps) {
      const code = await quietly(() => provision(args));
      if (code !== 0) throw new Error(`alpr-provision ${name} failed (exit ${code})`);
    }
    say(`   ${deviceId} enrolled at demo-site: its keys were made locally, the hub holds its public key`);

    say(`3. firmware: simulated GPIO, replay camera over ${images}`);
    const demoAppliance = await createDemoAppliance(configPath);
    const { config, gpio, buffer } = demoAppliance;
    appliance = demoAppliance.appliance;
    const reads: Array<{ id: string; plate: string }> = [];
    let finished = false;
    const total = countImages(images);
    let frames = 0;
    appliance.pipeline.on('frameCaptured', () => {
      frames++;
      if (process.stdout.isTTY) process.stdout.write(`\r   ${bar(frames, total)} ${frames}/${total} frames`);
    });
    appliance.pipeline.on('plateRead', (read) => {
      reads.push({ id: read.id, plate: read.plate });
      const flag = read.lowConfidence ? '  (low confidence: kept, flagged)' : '';
      // Day and night follow the sun at the site: after sunset the appliance judges no colour (an
      // IR-lit frame has none), which a newcomer running the demo in the evening should be told.
      const colour = read.vehicleColour && read.vehicleColour !== 'unknown' ? read.vehicleColour : appliance.dayNight.mode === 'night' ? 'unknown (night at the site)' : 'unknown';
      process.stdout.write(`${process.stdout.isTTY ? '\r\x1b[K' : ''}   READ ${read.plate.padEnd(9)} confidence ${read.confidence.toFixed(2)}  state ${read.region ?? 'unknown'}  colour ${colour}  id ${read.id}${flag}\n`);
    });
    appliance.pipeline.on('cameraIdle', () => (finished = true));
    await appliance.start();
    const hotlistVersion = await services.hotlists.version();
    await waitFor(() => appliance!.hitAlerts!.keeper.version === hotlistVersion, 30_000);
    say(`   the appliance holds hot list version ${hotlistVersion} (${appliance.hitAlerts!.keeper.status().entries} entries, signed by the hub, sealed to this pole): it matches every read itself`);
    for (let vehicle = 1; !finished && vehicle <= 10_000; vehicle++) {
      gpio.drive(LOOP_PIN, 0);
      await systemClock.sleep(30);
      gpio.drive(LOOP_PIN, 1);
      await waitFor(() => appliance!.pipeline.idle && appliance!.pipeline.counters.triggers >= vehicle, 20_000);
      await systemClock.sleep(config.trigger.holdOffMs);
    }
    await waitFor(() => appliance!.pipeline.idle, 30_000);
    const c = appliance.pipeline.counters;
    say(`${process.stdout.isTTY ? '\r\x1b[K' : ''}   ${c.frames} frames in ${c.bursts} bursts, ${c.reads} plates read (${c.lowConfidenceReads} low confidence), ${c.captureErrors} capture errors`);

    say('4. waiting for the hub to acknowledge every read');
    const started = Date.now();
    await waitForAsync(async () => (await buffer.stats()).reads === 0, 60_000);
    const atHub = await Promise.all(reads.map(async (r) => (await services.store.getRead(r.id)) !== null));
    say(`   ${atHub.filter(Boolean).length}/${reads.length} reads acknowledged and stored at the hub in ${Date.now() - started} ms; the appliance buffer is empty`);
    await appliance.stop();
    appliance = null;

    say('5. the officer signs in (password + TOTP) and searches under a stated purpose');
    const signIn = await api<{ token: string }>('POST', '/api/v1/auth/sign-in', { username: officer.username, password: DEMO_PASSWORD, code: officer.authenticator.code() });
    const plate = reads[0]?.plate ?? 'NONE';
    const purpose = { purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-000417', description: 'vehicle reported stolen from the demo lot overnight' };
    const search = await api<{ searchId: number; hits: Array<{ plate: string; capturedAt: number; siteId: string; cameraId: string; confidence: number; region: string | null }> }>(
      'POST', '/api/v1/search', { plate, mode: 'exact', ...purpose }, signIn.token);
    say(`   search ${search.searchId}: plate ${plate}, case ${purpose.caseNumber}, offense ${purpose.offense}, purpose ${purpose.purpose}: ${search.hits.length} result(s)`);
    for (const h of search.hits) say(`     ${new Date(h.capturedAt).toISOString()}  ${h.plate.padEnd(9)} ${h.siteId}/${h.cameraId}  confidence ${h.confidence.toFixed(2)}  state ${h.region ?? 'unknown'}`);
    const fuzzy = await api<{ hits: unknown[] }>('POST', '/api/v1/search', { plate: plate.slice(0, -1) + (plate.endsWith('0') ? 'O' : '0'), mode: 'fuzzy', ...purpose }, signIn.token);
    say(`   a fuzzy search with one character misread finds ${fuzzy.hits.length} read(s)`);
    try {
      await api('POST', '/api/v1/search', { plate, mode: 'exact', ...purpose, description: 'owner keeps speeding past the school, traffic complaint' }, signIn.token);
    } catch (err) {
      say(`   a search for traffic enforcement is refused: ${errorMessage(err).replace(/^POST \S+: /, '')}`);
    }
    try {
      await api('POST', '/api/v1/search', { plate, mode: 'exact', ...purpose }, signIn.token);
    } catch (err) {
      say(`   the officer's next search, lawful as it is, is refused too: ${errorMessage(err).replace(/^POST \S+: /, '')}`);
    }
    const [flag] = await api<Array<{ flagId: string }>>('GET', '/api/v1/reviews', undefined, admin.session);
    await api('POST', `/api/v1/reviews/${flag!.flagId}/decision`, { decision: 'lift', reason: 'demo: the officer was reminded of section V.E' }, admin.session);
    const again = await api<{ hits: unknown[] }>('POST', '/api/v1/search', { plate, mode: 'exact', ...purpose }, signIn.token);
    say(`   the admin reviews the refusal and lifts the suspension; the officer searches again: ${again.hits.length} result(s)`);

    const open = await api<Array<{ alertId: string; plate: string; entry: { vehicleMake: string; vehicleColour: string; state: string; action: string } }>>('GET', '/api/v1/alerts?status=open', undefined, signIn.token);
    let stopRecorded = false;
    for (const alert of open) {
      const images = await api<{ cropJpegBase64: string; contextJpegBase64: string }>('GET', `/api/v1/alerts/${alert.alertId}/images`, undefined, signIn.token);
      say(`   alert ${alert.plate}: the officer opens the plate crop (${Buffer.from(images.cropJpegBase64, 'base64').length} B) and context image (${Buffer.from(images.contextJpegBase64, 'base64').length} B) and checks them against the entry: ${alert.entry.state} ${alert.entry.vehicleColour} ${alert.entry.vehicleMake}`);
      const closed = await api<{ disposition: string; actionTaken: string; cadNumber: string }>('POST', `/api/v1/alerts/${alert.alertId}/disposition`, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-DEMO-0001', note: 'plate, state and make verified' }, signIn.token);
      say(`   verified and closed: ${closed.disposition}, ${closed.actionTaken}, CAD ${closed.cadNumber}`);
      stopRecorded = true;
    }
    if (open.length === 0) say('   no hot-listed plate passed the camera');

    say('6. an outside agency searches hub to hub (VII.D, IX.1, 625 ILCS 5/2-130)');
    const shared = await demoSharing({ hub, adminSession: admin.session, plate, dataDir, say });

    say('7. the audit trail of what just happened');
    const trail = await api<Array<{ seq: number; at: number; actor: string; action: string; outcome: string }>>('GET', '/api/v1/audit?limit=1000', undefined, admin.session);
    const names = new Map([[admin.userId, admin.username], [officer.userId, officer.username], [`token-of:${admin.userId}`, `enrollment token of ${admin.username}`], ...shared.names]);
    for (const r of trail) say(`   #${String(r.seq).padStart(3)} ${new Date(r.at).toISOString().slice(11, 19)}  ${(names.get(r.actor) ?? r.actor).padEnd(34)} ${r.action.padEnd(24)} ${r.outcome}`);
    const verify = await api<{ records: number; problems: unknown[] }>('GET', '/api/v1/audit/verify', undefined, admin.session);
    say(`   audit chain verified: ${verify.records} records, ${verify.problems.length} problems`);

    // This month is not over: its reports go beside the data folder, not where the schedule writes whole months.
    const month = new Date(systemClock.now()).toISOString().slice(0, 7);
    const reportsDir = join(dataDir, 'reports-so-far');
    say(`8. the oversight reports for ${month} so far (signed, tied to the audit chain head)`);
    for (const kind of ['monthly', 'cpoc', 'transparency'] as const) {
      const report = await services.reports.generate(kind, month, 'cli:demo', reportsDir);
      say(`   ${kind.padEnd(12)} ${report.files.pdf} (+ .html .csv .json .manifest.json), audit head #${report.manifest.auditHead.seq}`);
    }

    if (values['keep-running']) {
      say(`\nthe hub stays up at ${hub.httpUrl} (OpenAPI: ${hub.httpUrl}/openapi.json); Ctrl-C stops it.`);
      const more = [];
      for (const role of ['detective', 'auditor', 'chief'] as const) more.push(await account(api, services, role, year, role === 'detective' ? admin.session : undefined));
      // The scripted part closed its own alert: the stolen car passes again, for the console user to verify.
      if (values.images === undefined) {
        await passAgain({ configPath, frames: images, plate: STOLEN_PLATE, workDir: dataDir, services });
        say(`${STOLEN_PLATE} (stolen) passed the camera again: its alert is open for the officer to verify in the console (Alerts)`);
      }
      say(`the operator console: ${hub.httpUrl}/console/   (every account's password: "${DEMO_PASSWORD}")`);
      say('demo accounts (add each authenticator URI to an authenticator app, or type its secret):');
      for (const a of [officer, admin, ...more]) say(`  ${a.username.padEnd(34)} ${a.authenticator.otpauthUri}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
    // With the demo's own scenes the stolen car passes: its alert must have been verified into a stop.
    const expectStop = values.images === undefined;
    const ok = shared.ok && verify.problems.length === 0 && atHub.every(Boolean) && reads.length > 0 && search.hits.length > 0 && (stopRecorded || !expectStop);
    await hub.stop();
    say(`\ndata folder: ${dataDir}`);
    const { keyFile, witnessFile } = demoAuditFiles(auditDir);
    say(`start the hub alone:       npm run hub -- serve --data ${hubDir} --audit-key ${keyFile} --audit-witness ${witnessFile}   (add --mqtt-port N if 1883 is taken)`);
    say(`verify its audit chain:    npm run hub -- audit verify --data ${hubDir} --public-key ${keyFile}.pub --witness ${witnessFile}`);
    say(`verify a report:           npm run hub -- report verify ${join(reportsDir, `cpoc-${month}.pdf`)} --data ${hubDir}`);
    say(`run the appliance alone:   npx alpr-firmware --config ${configPath}`);
    return ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`demo failed: ${errorMessage(err)}\n`);
    await appliance?.stop().catch(() => undefined);
    await hub.stop().catch(() => undefined);
    return 1;
  }
}

function countImages(folder: string): number {
  try {
    return readdirSync(folder).filter((f) => /\.(jpe?g|png)$/i.test(f)).length;
  } catch {
    return 0;
  }
}

function bar(done: number, total: number): string {
  const width = 24;
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** Runs a CLI quietly (its JSON result is not part of the demo's story); errors still show. */
async function quietly(fn: () => Promise<number>): Promise<number> {
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const errors: string[] = [];
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await fn();
    if (code !== 0) write.err(errors.join(''));
    return code;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the pipeline');
    await systemClock.sleep(5);
  }
}

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for the hub to acknowledge every read');
    await systemClock.sleep(50);
  }
}
