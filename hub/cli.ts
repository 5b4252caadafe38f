import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { AlprError, createLogger, errorMessage, EXIT, exitCodeFor, loggableError, silentLogger, systemClock } from '../core/index.js';
import { readAuditPublicKey, publicKeyPathFor } from './audit/auditKey.js';
import { AuditLog } from './audit/auditLog.js';
import { openAuditTrail, type AuditTrailFiles } from './audit/auditTrail.js';
import { readWitness, type ChainPoint } from './audit/auditWitness.js';
import { createHubServices, type HubServices } from './hubServices.js';
import { loadOrCreateHubKeys } from './hubKeys.js';
import { rotateSealKey } from './keys/sealKeys.js';
import { Hub, openStore } from './hubProcess.js';
import { loadPolicyFile } from './policyFile.js';
import { checkReportUsage, verifyReportCommand, writeReport } from './reports/reportCli.js';
import { verifyEvidenceCommand } from './evidence/evidenceCli.js';
import { join } from 'node:path';

const USAGE = `usage: alpr-hub [serve] [options]          start the hub (SQLite + embedded broker by default)
       alpr-hub account create --username U --display-name NAME --role ROLE [--training-completed DATE --policy-signed DATE --leads-certified DATE]
       alpr-hub account set-role --username U --role ROLE --reason TEXT   (the only way to grant or remove the chief and auditor roles)
       alpr-hub account set-certifications --username U [--training-completed DATE] [--policy-signed DATE] [--leads-certified DATE]
                                                record renewed training, policy sign-off or LEADS certification (the only way for the chief and auditor)
       alpr-hub account deactivate --username U --reason TEXT   (any account; the only way for chief and auditor accounts)
       alpr-hub audit verify [--public-key FILE --witness FILE --expect-head SEQ:HASH]
                                                check the audit chain against the witness and its signed checkpoints; read-only;
                                                exit 1 if any record was changed, inserted, deleted, cut or appended outside the hub
       alpr-hub retention run                   purge reads older than 30 days now (also runs at start and hourly)
       alpr-hub keys rotate-seal [--grace-days N]  new hub sealing key; batches sealed to the old one are still opened for N days (default 7)
       alpr-hub report monthly|cpoc|transparency --month YYYY-MM [--out DIR] [--policy FILE]
                                                write the month's report (PDF, HTML, CSV, JSON and a signed manifest; default DIR: DATA/reports/YYYY-MM)
       alpr-hub report verify FILE [--public-key FILE]
                                                check a report's signature, its files, and that its audit chain head is in this chain; read-only
       alpr-hub evidence verify FILE [--public-key FILE]
                                                check an evidence export's signature with the hub's key and that the audit chain records it; read-only
options: --data DIR (default ./hub-data)  --pg URL  --pg-schema NAME (default alpr)
         --broker-url URL --broker-username U --broker-password P --shared-group G   (external broker)
         --broker-fallback-urls URL[,URL...] (with --broker-url: the cluster's other MQTT nodes, tried in turn when the hub's connection is lost)
         --ingest-amqp-url URL[,URL...] (with --broker-url: take batches from a RabbitMQ cluster's quorum queue over AMQP, several
             hub processes competing; the nodes in failover order, amqp://host:port, logged in as --broker-username, docs/scaling.md)
         --policy FILE (caps and prohibited terms, docs/hub.md)
         --audit-key FILE (default /etc/alpr/audit-key.pem; public half FILE.pub)  --audit-witness FILE (default /var/lib/alpr-witness/audit.witness)
             both outside --data, where whoever can write the data folder cannot (docs/hub.md, Audit)
         --mqtt-host H --mqtt-port N (embedded broker, default 127.0.0.1:1883, 8883 with TLS)  --device-broker-url URL (what enrollment tells appliances)  --http-host H --http-port N (default 127.0.0.1:8080)
         --tls-cert FILE --tls-key FILE (PEM: HTTPS and mqtts://)  --client-ca FILE (operators need a client certificate from this CA)
         --allow-plaintext (serve plain HTTP/MQTT on a non-loopback address; refused otherwise)
         --trust-proxy ADDR[,ADDR...] (the reverse proxies, addresses or CIDR blocks, whose X-Forwarded-For names the client
             for sign-in locks and audit records; from anyone else the header is ignored)
         --broker-auth-endpoints (serve /broker-auth/rabbitmq/* for a RabbitMQ cluster's HTTP auth backend, docs/scaling.md)
         --drain-grace-ms N (on SIGTERM, /readyz answers 503 this long before the hub stops taking work; default 0)
         --puback-timeout-ms N (a hot-list push, ack or config push the broker has not acknowledged (over AMQP: confirmed) this long fails and the hub's
             connection moves on, to the next node if any; default 30000, as the appliances' sync.puback_timeout_ms)
         --device-status-every-ms N (the appliances' sync.status_every_ms, default 60000: a device not heard from for three
             of these gets no hot-list push from this process until its next status reaches it)`;

const OPTIONS = {
  data: { type: 'string' }, pg: { type: 'string' }, 'pg-schema': { type: 'string' },
  'broker-url': { type: 'string' }, 'broker-username': { type: 'string' }, 'broker-password': { type: 'string' }, 'shared-group': { type: 'string' },
  'ingest-amqp-url': { type: 'string' }, 'broker-fallback-urls': { type: 'string' },
  'audit-key': { type: 'string' }, 'audit-witness': { type: 'string' }, 'public-key': { type: 'string' }, witness: { type: 'string' }, 'expect-head': { type: 'string' },
  'mqtt-host': { type: 'string' }, 'device-broker-url': { type: 'string' }, policy: { type: 'string' }, 'mqtt-port': { type: 'string' }, 'http-host': { type: 'string' }, 'http-port': { type: 'string' },
  'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'client-ca': { type: 'string' }, 'allow-plaintext': { type: 'boolean' }, 'trust-proxy': { type: 'string' }, 'drain-grace-ms': { type: 'string' }, 'puback-timeout-ms': { type: 'string' }, 'device-status-every-ms': { type: 'string' }, 'broker-auth-endpoints': { type: 'boolean' },
  username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string' }, reason: { type: 'string' },
  'training-completed': { type: 'string' }, 'policy-signed': { type: 'string' }, 'leads-certified': { type: 'string' },
  'grace-days': { type: 'string' }, month: { type: 'string' }, out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function graceMs(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 600_000) throw new AlprError('ALPR_ERR_USAGE', '--drain-grace-ms: whole milliseconds, at most 600000');
  return n;
}

function pubackTimeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1000 || n > 600_000) throw new AlprError('ALPR_ERR_USAGE', '--puback-timeout-ms: whole milliseconds, 1000 to 600000');
  return n;
}

/** As the appliances' schema bounds sync.status_every_ms (at least 1 s); at most a day. */
function deviceStatusEveryMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1000 || n > 86_400_000) throw new AlprError('ALPR_ERR_USAGE', '--device-status-every-ms: whole milliseconds, 1000 to 86400000');
  return n;
}

/** The RabbitMQ nodes to consume from, in failover order; credentials come from --broker-username/--broker-password, never the command line's URLs. */
function amqpUrls(value: string | undefined, brokerUrl: string | undefined): string[] | null {
  if (value === undefined) return null;
  if (!brokerUrl) throw new AlprError('ALPR_ERR_USAGE', '--ingest-amqp-url needs --broker-url (the cluster\'s MQTT side, for acks to reach devices and for alerts)');
  return value.split(',').map((raw) => {
    const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
    if (!url || url.protocol !== 'amqp:') throw new AlprError('ALPR_ERR_USAGE', `--ingest-amqp-url: ${raw} is not amqp://host:port`);
    if (url.username || url.password) throw new AlprError('ALPR_ERR_USAGE', '--ingest-amqp-url: no credentials in the URL (they would show in the process list); use --broker-username and --broker-password');
    return url.href;
  });
}

/** The broker cluster's other MQTT nodes, in failover order. */
function fallbackUrls(value: string | undefined, brokerUrl: string | undefined): string[] {
  if (value === undefined) return [];
  if (!brokerUrl) throw new AlprError('ALPR_ERR_USAGE', '--broker-fallback-urls needs --broker-url (the embedded broker is one node)');
  return value.split(',').map((raw) => {
    const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
    if (!url || (url.protocol !== 'mqtt:' && url.protocol !== 'mqtts:')) throw new AlprError('ALPR_ERR_USAGE', `--broker-fallback-urls: ${raw} is not mqtt://host:port or mqtts://host:port`);
    return url.href;
  });
}

/**
 * --trust-proxy's list: each an IPv4 or IPv6 address, or one with a prefix length. Names such as
 * "loopback" and bare "true" are refused: the operator names the proxies, nothing is trusted wholesale.
 */
function trustedProxies(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((raw) => {
    const [address = '', prefix, extra] = raw.trim().split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      throw new AlprError('ALPR_ERR_USAGE', `--trust-proxy: ${raw.trim() || '(empty)'} is not an address or address/prefix (such as 10.0.0.5 or 10.0.0.0/24)`);
    }
    return raw.trim();
  });
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new AlprError('ALPR_ERR_USAGE', `--${name}: a port number`);
  return n;
}

function date(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isFinite(ms)) throw new AlprError('ALPR_ERR_USAGE', `--${name}: a date as YYYY-MM-DD`);
  return ms;
}

/** `alpr-hub`: the hub server and the few commands run on the hub machine itself. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const command = positionals.join(' ') || 'serve';
  const dataDir = values.data ?? process.env.ALPR_HUB_DATA ?? './hub-data';
  const pgUrl = values.pg ?? process.env.ALPR_HUB_PG_URL ?? null;
  const pgSchema = values['pg-schema'] ?? 'alpr';
  const actor = `cli:${userInfo().username}`;
  const audit: AuditTrailFiles = {
    keyFile: values['audit-key'] ?? process.env.ALPR_HUB_AUDIT_KEY ?? '/etc/alpr/audit-key.pem',
    witnessFile: values['audit-witness'] ?? process.env.ALPR_HUB_AUDIT_WITNESS ?? '/var/lib/alpr-witness/audit.witness',
  };
  try {
    if (command === 'serve') return await serve(values, { dataDir, pgUrl, pgSchema, audit });
    if (command === 'audit verify') {
      return await verifyAudit({
        dataDir, pgUrl, pgSchema, witnessFile: values.witness ?? audit.witnessFile, publicKeyFile: values['public-key'] ?? publicKeyPathFor(audit.keyFile),
        expectHead: values['expect-head'] === undefined ? undefined : chainPoint(values['expect-head']),
      });
    }
    if (positionals[0] === 'evidence' && positionals[1] === 'verify') {
      return await verifyEvidenceCommand(positionals[2], { dataDir, pgUrl, pgSchema, publicKeyFile: values['public-key'] });
    }
    if (positionals[0] === 'report' && positionals[1] === 'verify') {
      return await verifyReportCommand(positionals[2], { dataDir, pgUrl, pgSchema, publicKeyFile: values['public-key'] });
    }
    const reportKind = positionals[0] === 'report' && positionals.length === 2 ? positionals[1]! : null;
    if (reportKind === null && !['account create', 'account set-role', 'account set-certifications', 'account deactivate', 'retention run', 'keys rotate-seal'].includes(command)) throw new AlprError('ALPR_ERR_USAGE', `unknown command "${command}"`);
    // Usage first: nothing (keys, witness, database) is made for a command that cannot run.
    if (command === 'account create' && (!values.username || !values['display-name'] || !values.role)) throw new AlprError('ALPR_ERR_USAGE', 'account create needs --username, --display-name and --role');
    if (command === 'account set-role' && (!values.username || !values.role || !values.reason)) throw new AlprError('ALPR_ERR_USAGE', 'account set-role needs --username, --role and --reason');
    if (command === 'account deactivate' && (!values.username || !values.reason)) throw new AlprError('ALPR_ERR_USAGE', 'account deactivate needs --username and --reason');
    if (command === 'account set-certifications' && (!values.username || !(values['training-completed'] || values['policy-signed'] || values['leads-certified']))) {
      throw new AlprError('ALPR_ERR_USAGE', 'account set-certifications needs --username and at least one of --training-completed, --policy-signed, --leads-certified');
    }
    const graceDays = Number(values['grace-days'] ?? 7);
    if (command === 'keys rotate-seal' && (!Number.isFinite(graceDays) || graceDays < 0 || graceDays > 30)) throw new AlprError('ALPR_ERR_USAGE', '--grace-days: a number of days from 0 to 30');
    if (reportKind !== null) checkReportUsage(reportKind, values.month);
    const policy = reportKind !== null && values.policy ? await loadPolicyFile(values.policy) : {};
    const keys = await loadOrCreateHubKeys(join(dataDir, 'keys'));
    const trail = await openAuditTrail(dataDir, audit, createLogger({ name: 'alpr-hub', level: 'warn', destination: process.stderr as never }));
    const store = openStore({ dataDir, pgUrl, pgSchema, clock: systemClock }, keys);
    try {
      await store.migrate();
      const services = await createHubServices({ store, clock: systemClock, logger: silentLogger(), keys, auditTrail: trail, policy, reportsDir: join(dataDir, 'reports') });
      try {
        if (reportKind !== null) return await writeReport(services, reportKind, values.month, values.out, actor);
        if (command === 'account create') return await createAccount(services, values, actor);
        if (command === 'account set-role') return await setRole(services, values, actor);
        if (command === 'account deactivate') return await deactivateAccount(services, values, actor);
        if (command === 'account set-certifications') return await setCertifications(services, values, actor);
        if (command === 'keys rotate-seal') {
          // The running hub notices within seconds (it re-reads the key files) and pushes the new
          // key, signed, to every appliance.
          // Key files cannot share the audit log's transaction: the rotation is recorded after
          // it is on disk, and a failed record fails the command so the operator sees it.
          const rotated = await rotateSealKey(join(dataDir, 'keys'), systemClock.now(), graceDays * 86_400_000);
          await services.audit.append({ actor, action: 'keys.rotateSeal', outcome: 'ok', detail: rotated });
          process.stdout.write(`${JSON.stringify({ ...rotated, acceptOldUntil: new Date(rotated.acceptOldUntilMs).toISOString() })}\n`);
          return EXIT.ok;
        }
        const report = await services.retention.run('manual', actor);
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return EXIT.ok;
      } finally {
        await services.audit.checkpoint();
      }
    } finally {
      await store.close();
      await trail.witness.close();
    }
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n`);
    return exitCodeFor(err);
  }
}

/**
 * `audit verify` needs only the database, the witness and the audit key's public half, so an
 * auditor can run it on a copy. It writes nothing: a check must not change what it checks.
 */
/** `--expect-head SEQ:HASH`, as `audit verify` prints the head. */
function chainPoint(value: string): ChainPoint {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new AlprError('ALPR_ERR_USAGE', '--expect-head: SEQ:HASH, a record number and its 64-hex-digit hash, as audit verify prints the head');
  return { seq: Number(match[1]), hash: match[2]! };
}

async function verifyAudit(o: { dataDir: string; pgUrl: string | null; pgSchema: string; witnessFile: string; publicKeyFile: string; expectHead: ChainPoint | undefined }): Promise<number> {
  const publicKey = await readAuditPublicKey(o.publicKeyFile);
  const witness = await readWitness(o.witnessFile, publicKey);
  // The audit table holds no images; the image key is never used here, so none is read.
  const store = openStore({ ...o, clock: systemClock }, { imageKey: randomBytes(32) });
  try {
    await store.migrate();
    const result = await new AuditLog({ sql: store.sql, clock: systemClock }).verify({ witness, head: o.expectHead });
    for (const p of result.problems) process.stdout.write(`record ${p.seq}: ${p.message}\n`);
    // The head is printed as --expect-head takes it: an auditor who keeps it can later find a chain
    // rewritten and re-witnessed from scratch, which nothing on the hub can.
    const head = result.head ? `${result.head.seq}:${result.head.hash}` : null;
    process.stdout.write(`${JSON.stringify({ records: result.records, problems: result.problems.length, head, witnessFrom: witness.start?.seq ?? null, witnessedTo: witness.lastSeq, checkpoints: witness.checkpoints.length })}\n`);
    if (result.problems.length === 0) return EXIT.ok;
    process.stderr.write(`ALPR_ERR_AUDIT_CHAIN: the audit chain does not verify: ${result.problems.length} problem(s), the first: ${result.problems[0]!.message}\n`);
    return EXIT.failure;
  } finally {
    await store.close();
  }
}

async function createAccount(services: HubServices, values: Record<string, string | boolean | undefined>, actor: string): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const { account, activationToken } = await services.accounts.create({
    username: str('username')!, displayName: str('display-name')!, role: str('role')!,
    trainingCompletedAt: date(str('training-completed'), 'training-completed'), policySignedAt: date(str('policy-signed'), 'policy-signed'),
    leadsCertifiedAt: date(str('leads-certified'), 'leads-certified'),
  }, actor, 'host');
  process.stdout.write(`${JSON.stringify({ userId: account.userId, username: account.username, role: account.role, activationToken })}\n`);
  process.stderr.write('Hand the activation token to the user in person. They POST it with a new password to /api/v1/auth/activate, load the otpauth URI into an authenticator app, and confirm a code at /api/v1/auth/mfa/confirm.\n');
  return EXIT.ok;
}

/** On the hub host: any role change, the chief role included (separation of duties keeps it off the API). Audited with the reason. */
async function setRole(services: HubServices, values: Record<string, string | boolean | undefined>, actor: string): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (!str('username') || !str('role') || !str('reason')) throw new AlprError('ALPR_ERR_USAGE', 'account set-role needs --username, --role and --reason');
  const target = await services.accounts.byUsername(str('username')!);
  if (!target) throw new AlprError('ALPR_ERR_NOT_FOUND', `no account ${str('username')}`);
  const account = await services.accounts.setRole(target.userId, str('role')!, actor, str('reason')!, 'host');
  process.stdout.write(`${JSON.stringify({ userId: account.userId, username: account.username, role: account.role })}\n`);
  return EXIT.ok;
}

/** On the hub host: renewed certification dates for any account, the chief and auditor included (the API may not). Audited. */
async function setCertifications(services: HubServices, values: Record<string, string | boolean | undefined>, actor: string): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const target = await services.accounts.byUsername(str('username')!);
  if (!target) throw new AlprError('ALPR_ERR_NOT_FOUND', `no account ${str('username')}`);
  const dates = Object.fromEntries(Object.entries({
    trainingCompletedAt: date(str('training-completed'), 'training-completed'), policySignedAt: date(str('policy-signed'), 'policy-signed'), leadsCertifiedAt: date(str('leads-certified'), 'leads-certified'),
  }).filter(([, v]) => v !== undefined));
  const account = await services.accounts.setCertifications(target.userId, dates, actor, 'host');
  process.stdout.write(`${JSON.stringify({ userId: account.userId, username: account.username, role: account.role, lapsed: services.accounts.lapses(account) })}\n`);
  return EXIT.ok;
}

/** On the hub host: deactivates any account, chief and auditor included (the API may not). Audited with the reason. */
async function deactivateAccount(services: HubServices, values: Record<string, string | boolean | undefined>, actor: string): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const target = await services.accounts.byUsername(str('username')!);
  if (!target) throw new AlprError('ALPR_ERR_NOT_FOUND', `no account ${str('username')}`);
  const account = await services.accounts.deactivate(target.userId, actor, str('reason')!, 'host');
  process.stdout.write(`${JSON.stringify({ userId: account.userId, username: account.username, role: account.role, status: account.status })}\n`);
  return EXIT.ok;
}

async function serve(values: Record<string, string | boolean | undefined>, o: { dataDir: string; pgUrl: string | null; pgSchema: string; audit: AuditTrailFiles }): Promise<number> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const logger = createLogger({ name: 'alpr-hub' });
  const policy = str('policy') ? await loadPolicyFile(str('policy')!) : {};
  if (Boolean(str('tls-cert')) !== Boolean(str('tls-key'))) throw new AlprError('ALPR_ERR_USAGE', '--tls-cert and --tls-key go together');
  if (str('client-ca') && !str('tls-cert')) throw new AlprError('ALPR_ERR_USAGE', '--client-ca needs --tls-cert and --tls-key (client certificates are a TLS feature)');
  const hub = new Hub({
    dataDir: o.dataDir, pgUrl: o.pgUrl, pgSchema: o.pgSchema, audit: o.audit,
    brokerUrl: str('broker-url') ?? null, brokerUsername: str('broker-username') ?? 'hub', brokerPassword: str('broker-password') ?? process.env.ALPR_HUB_BROKER_PASSWORD ?? '',
    sharedGroup: str('shared-group') ?? null,
    ingestAmqpUrls: amqpUrls(str('ingest-amqp-url'), str('broker-url')),
    brokerFallbackUrls: fallbackUrls(str('broker-fallback-urls'), str('broker-url')),
    mqttHost: str('mqtt-host') ?? '127.0.0.1', mqttPort: port(str('mqtt-port'), str('tls-cert') ? 8883 : 1883, 'mqtt-port'), deviceBrokerUrl: str('device-broker-url') ?? null,
    httpHost: str('http-host') ?? '127.0.0.1', httpPort: port(str('http-port'), 8080, 'http-port'),
    tls: str('tls-cert') ? { certPath: str('tls-cert')!, keyPath: str('tls-key')!, clientCaPath: str('client-ca') ?? null } : null,
    allowPlaintext: values['allow-plaintext'] === true,
    trustedProxies: trustedProxies(str('trust-proxy')),
    drainGraceMs: graceMs(str('drain-grace-ms')),
    pubackTimeoutMs: pubackTimeoutMs(str('puback-timeout-ms')),
    deviceStatusEveryMs: deviceStatusEveryMs(str('device-status-every-ms')),
    brokerAuthEndpoints: values['broker-auth-endpoints'] === true,
    policy, clock: systemClock, logger,
  });
  try {
    await hub.start();
  } catch (err) {
    logger.fatal({ err: loggableError(err) }, 'hub could not start');
    await hub.stop().catch(() => undefined);
    return exitCodeFor(err);
  }
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'stopping');
      (signal === 'SIGTERM' ? hub.drain() : hub.stop()).then(() => resolve(EXIT.ok), (err: unknown) => {
        logger.error({ err: errorMessage(err) }, 'stop failed');
        resolve(EXIT.failure);
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
