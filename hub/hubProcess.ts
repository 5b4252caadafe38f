import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AlprError, loggableError, type Clock, type Logger, type TimerHandle } from '../core/index.js';
import { buildApi } from './api/server.js';
import type { AuditTrail } from './audit/auditLog.js';
import { openAuditTrail, type AuditTrailFiles } from './audit/auditTrail.js';
import { AuditStartCheck } from './audit/startupCheck.js';
import { EmbeddedBroker } from './broker/embeddedBroker.js';
import { RabbitAuth } from './broker/rabbitAuth.js';
import { loadOrCreateHubKeys, type HubKeys } from './hubKeys.js';
import { createHubServices, type HubPolicyOptions, type HubServices } from './hubServices.js';
import { AlertLink } from './alerts/alertLink.js';
import { HotlistPush } from './hotlists/hotlistPush.js';
import { HotlistSchedule } from './hotlists/hotlistSchedule.js';
import { ReportSchedule } from './reports/reportSchedule.js';
import { IngestService } from './ingest/ingestService.js';
import { ConfigPusher } from './keys/configPusher.js';
import { Readiness } from './ops/readiness.js';
import { ImageCipher, PgStore, SqliteStore, type HubStore } from './store/index.js';
import { loadHubTls, refusePlaintext, type HubTlsPaths } from './tls/tlsFiles.js';
import { publicKeyPem } from '../sync/index.js';

export interface HubOptions {
  /** Keys and the SQLite database (embedded default) live here. */
  dataDir: string;
  /** The audit checkpoint key and witness: outside `dataDir`, or the hub refuses to start. */
  audit: AuditTrailFiles;
  /** PostgreSQL instead of SQLite. */
  pgUrl: string | null;
  pgSchema: string;
  /** An external broker (Mosquitto, EMQX) instead of the embedded one. */
  brokerUrl: string | null;
  /** The broker cluster's other nodes: the hub's MQTT clients (ingest, alerts, hot lists) move to the next when theirs is lost. */
  brokerFallbackUrls?: string[];
  brokerUsername: string;
  brokerPassword: string;
  /** Serve /broker-auth/rabbitmq/* for a RabbitMQ cluster's HTTP auth backend (device tokens and topic ACLs; external broker only). */
  brokerAuthEndpoints?: boolean;
  /** MQTT 5 shared subscription group, so several hub processes split ingest (external brokers). */
  sharedGroup: string | null;
  /**
   * A RabbitMQ cluster's AMQP nodes (failover order): batches are taken from one quorum queue that
   * the hub processes compete for, instead of an MQTT subscription (needs brokerUrl; the broker
   * credentials are the hub's internal RabbitMQ user).
   */
  ingestAmqpUrls?: string[] | null;
  mqttHost: string;
  mqttPort: number;
  /** The broker URL enrollment gives appliances (default: the broker the hub uses). */
  deviceBrokerUrl: string | null;
  httpHost: string;
  httpPort: number;
  /** HTTPS for the API and mqtts:// for the embedded broker; with clientCaPath, operators need an agency client certificate. */
  tls?: HubTlsPaths | null;
  /** Serve plain HTTP/MQTT on an address other than loopback (refused otherwise). */
  allowPlaintext?: boolean;
  /** Reverse proxies (addresses, CIDR blocks) whose X-Forwarded-For is believed (buildApi's trustedProxies). */
  trustedProxies?: readonly string[];
  policy: Partial<HubPolicyOptions>;
  /**
   * The hub's MQTT clients (hot-list pushes, alert acks, ingest acks and config pushes): a QoS 1
   * publish the broker has not acknowledged this long fails with ALPR_ERR_SYNC_BROKER_SILENT and
   * the connection is cut, to the next node if any (default DEFAULT_PUBACK_TIMEOUT_MS, 30 s).
   * Over AMQP, the same for ingest's acks and config pushes awaiting the node's confirm.
   */
  pubackTimeoutMs?: number;
  /**
   * How often the appliances send their status (their `sync.status_every_ms`; default
   * DEFAULT_DEVICE_STATUS_EVERY_MS): a device silent for STATUS_PERIODS of them gets no hot-list
   * push from this process until its next status reaches it.
   */
  deviceStatusEveryMs?: number;
  /** On SIGTERM, how long /readyz answers 503 before the process stops taking work (for a load balancer to notice). */
  drainGraceMs?: number;
  clock: Clock;
  logger: Logger;
}

/** The appliances' default `sync.status_every_ms`. */
const DEFAULT_DEVICE_STATUS_EVERY_MS = 60_000;
/** The shortest hub broker password the RabbitMQ auth endpoints are served with (18 random bytes in base64url). */
const MIN_BROKER_PASSWORD_CHARS = 24;
/** Statuses a device may miss (lost with a node, late after a reconnect's backoff) and still be pushed to. */
const STATUS_PERIODS = 3;

export function openStore(options: Pick<HubOptions, 'dataDir' | 'pgUrl' | 'pgSchema' | 'clock'>, keys: Pick<HubKeys, 'imageKey'>): HubStore {
  const images = new ImageCipher(keys.imageKey);
  const now = () => options.clock.now();
  return options.pgUrl
    ? new PgStore({ connectionString: options.pgUrl, schema: options.pgSchema, images, now })
    : new SqliteStore({ path: join(options.dataDir, 'hub.db'), images, now });
}

/**
 * One hub process: store, policy services, broker (embedded unless a URL is given), ingest, the
 * HTTP API and the retention schedule. Started in that order and stopped in reverse.
 */
export class Hub {
  services: HubServices | null = null;
  broker: EmbeddedBroker | null = null;
  ingest: IngestService | null = null;
  hotlistPush: HotlistPush | null = null;
  alertLink: AlertLink | null = null;
  hotlistSchedule: HotlistSchedule | null = null;
  reportSchedule: ReportSchedule | null = null;
  api: FastifyInstance | null = null;
  keys: HubKeys | null = null;
  configPusher: ConfigPusher | null = null;
  readiness: Readiness | null = null;
  auditCheck: AuditStartCheck | null = null;
  private auditTrail: AuditTrail | null = null;
  private checkpointTimer: TimerHandle | null = null;

  constructor(private readonly options: HubOptions) {}

  get httpUrl(): string {
    const address = this.api?.server.address();
    return typeof address === 'object' && address ? `${this.options.tls ? 'https' : 'http'}://${this.options.httpHost}:${address.port}` : '';
  }

  async start(): Promise<void> {
    const { options } = this;
    const logger = options.logger;
    const tls = options.tls ? await loadHubTls(options.tls) : null;
    if (!tls) refusePlaintext([{ what: 'the HTTP API', host: options.httpHost }, ...(options.brokerUrl ? [] : [{ what: 'the embedded MQTT broker', host: options.mqttHost }])], options.allowPlaintext ?? false);
    // The RabbitMQ auth endpoints answer anyone who reaches the API whether a password is the
    // hub's: a short one could be guessed there, one request after another.
    if (options.brokerAuthEndpoints && options.brokerUrl && options.brokerPassword.length < MIN_BROKER_PASSWORD_CHARS) {
      throw new AlprError('ALPR_ERR_USAGE', `--broker-auth-endpoints answers whether a password is the hub's: --broker-password must be at least ${MIN_BROKER_PASSWORD_CHARS} characters (a random one, e.g. openssl rand -base64 32)`);
    }
    this.keys = await loadOrCreateHubKeys(join(options.dataDir, 'keys'));
    this.auditTrail = await openAuditTrail(options.dataDir, options.audit, logger);
    const store = openStore(options, this.keys);
    await store.migrate();
    this.services = await createHubServices({ store, clock: options.clock, logger, keys: this.keys, policy: options.policy, spoolDir: join(options.dataDir, 'hotlist-imports'), auditTrail: this.auditTrail, reportsDir: join(options.dataDir, 'reports') });
    // In the background while the rest starts: /readyz stays 503 until it passes (see AuditStartCheck for why a broken chain degrades the hub instead of stopping it).
    this.auditCheck = new AuditStartCheck({ audit: this.services.audit, clock: options.clock, logger: logger.child({ module: 'auditCheck' }) });
    this.auditCheck.start();
    const auditCheck = this.auditCheck;
    let brokerUrl = options.brokerUrl;
    let username = options.brokerUsername;
    let password = options.brokerPassword;
    if (!brokerUrl) {
      this.broker = new EmbeddedBroker({
        port: options.mqttPort, host: options.mqttHost, store, now: () => options.clock.now(), logger: logger.child({ module: 'broker' }), tls: tls && { key: tls.key, cert: tls.cert },
        configPushFor: (deviceId) => this.configPusher!.pushFor(deviceId), audit: this.services.audit,
      });
      await this.broker.start();
      const broker = this.broker;
      // The devices of a site retired through this process's API are cut off at once, not at their next login.
      this.services.sites.on('siteRetired', (site) => {
        broker.disconnectSite(site.siteId).catch((err: unknown) => logger.warn({ err: loggableError(err), siteId: site.siteId }, 'devices of a retired site not disconnected; they are refused at their next login'));
      });
      brokerUrl = this.broker.url;
      username = 'hub';
      password = this.broker.hubPassword;
    }
    // The hub's own clients use the broker's hub listener (loopback, plain) when it has one.
    const hubBrokerUrl = this.broker?.hubUrl ?? brokerUrl;
    // The embedded broker is one node: fallbacks are for an external cluster only.
    const fallback = this.broker ? [] : (options.brokerFallbackUrls ?? []);
    const login = { brokerUrl: hubBrokerUrl, fallbackBrokerUrls: fallback, username, password, sharedGroup: options.sharedGroup, pubackTimeoutMs: options.pubackTimeoutMs };
    const devices = this.services.devices;
    this.ingest = new IngestService({
      ...login, clientId: `alpr-hub-${process.pid}`, store, keys: this.keys,
      amqp: options.ingestAmqpUrls ? { urls: options.ingestAmqpUrls } : null,
      maxBatchBytes: 32 * 1024 * 1024, maxImageBytes: 4 * 1024 * 1024, maxFutureSkewMs: this.services.policy.maxFutureSkewMs, retentionMs: this.services.policy.retention.retentionMs, now: () => options.clock.now(), logger: logger.child({ module: 'ingest' }),
      recordStatus: async (report) => {
        const { cameOnline } = await devices.recordStatus(report);
        // The key and time it may have missed while offline, whatever the broker kept for it.
        if (cameOnline) void this.configPusher?.sendFresh(report.deviceId, 'cameOnline');
      },
    });
    this.ingest.on('staleHubKey', (deviceId) => void this.configPusher?.sendFresh(deviceId, 'staleHubKey'));
    // Hits: the appliances' own (alerts topic) and the hub's match of every stored read.
    const services = this.services;
    this.alertLink = new AlertLink({
      ...login, clientId: `alpr-hub-alerts-${process.pid}`, store, keys: this.keys, hotlists: services.hotlists,
      alerts: services.alerts, maxImageBytes: 4 * 1024 * 1024, maxFutureSkewMs: services.policy.maxFutureSkewMs, retentionMs: services.policy.retention.retentionMs, clock: options.clock, logger: logger.child({ module: 'alerts' }),
    });
    const alertLink = this.alertLink;
    this.ingest.on('readsStored', (reads) => {
      alertLink.matchStored(reads).catch((err: unknown) => logger.error({ err }, 'hot-list matching of stored reads failed'));
    });
    this.hotlistPush = new HotlistPush({
      ...login, clientId: `alpr-hub-hotlist-${process.pid}`, store, keys: this.keys, hotlists: services.hotlists,
      // Over AMQP, ingest's single-consumer status queue: one process of the fleet answers each status.
      statuses: options.ingestAmqpUrls ? this.ingest : null,
      partEntries: 20_000, listTtlMs: 7 * 86_400_000, pollMs: 500,
      statusPeriodMs: STATUS_PERIODS * (options.deviceStatusEveryMs ?? DEFAULT_DEVICE_STATUS_EVERY_MS), clock: options.clock, logger: logger.child({ module: 'hotlistPush' }),
    });
    this.hotlistSchedule = new HotlistSchedule({ hotlists: services.hotlists, sources: services.policy.hotlists.sources, audit: services.audit, clock: options.clock, logger: logger.child({ module: 'hotlistSchedule' }), lease: services.lease });
    const ingest = this.ingest;
    this.configPusher = new ConfigPusher({
      keys: this.keys, store, publish: (deviceId, push, retain) => ingest.publishConfig(deviceId, push, retain), checkEveryMs: 10_000,
      clock: options.clock, logger: logger.child({ module: 'keys' }),
    });
    await this.alertLink.start();
    // Before ingest: the statuses waiting in the AMQP queue come at once, and it answers them.
    await this.hotlistPush.start();
    await this.ingest.start();
    await this.configPusher.checkRotation();
    this.configPusher.start();
    const keys = this.keys;
    this.readiness = new Readiness({
      clock: options.clock,
      probes: [
        { name: 'store', check: async () => (await store.sql.get('SELECT 1 AS one')) !== null },
        { name: 'broker', check: () => ingest.connected },
        { name: 'auditChain', check: () => auditCheck.probe() },
      ],
    });
    const deviceBrokerUrl = options.deviceBrokerUrl ?? brokerUrl;
    const brokerAuth = options.brokerAuthEndpoints && options.brokerUrl
      ? new RabbitAuth({ store, hubUsername: username, hubPassword: password, vhost: '/', exchange: 'amq.topic', now: () => options.clock.now(), logger: logger.child({ module: 'brokerAuth' }), audit: this.services.audit })
      : null;
    await brokerAuth?.migrate();
    this.api = await buildApi({
      services: this.services, logger, tls, clock: options.clock, ingestStats: () => ingest.stats, readiness: this.readiness, brokerAuth, auditStartCheck: auditCheck, trustedProxies: options.trustedProxies ?? [],
      provisioning: { brokerUrl: () => deviceBrokerUrl, sealPublicKeyPem: publicKeyPem(keys.seal.publicKey), sealKeyId: keys.seal.keyId, signPublicKeyPem: publicKeyPem(keys.sign.publicKey) },
    });
    await this.api.listen({ host: options.httpHost, port: options.httpPort });
    await this.services.retention.start();
    await this.hotlistSchedule.start();
    this.reportSchedule = new ReportSchedule({ reports: services.reports, audit: services.audit, clock: options.clock, logger: logger.child({ module: 'reports' }), lease: services.lease });
    this.reportSchedule.start();
    this.checkpointTimer = options.clock.setInterval(() => void this.checkpointAudit().catch((err: unknown) => logger.warn({ err }, 'audit checkpoint not written')), 60_000);
    logger.info({ http: this.httpUrl, broker: brokerUrl, store: store.engine, sealKeyId: this.keys.seal.keyId }, 'hub started');
  }

  /** Signs the chain's head with the audit key into the witness. */
  async checkpointAudit(): Promise<void> {
    await this.services?.audit.checkpoint();
  }

  /**
   * Graceful stop (SIGTERM): /readyz turns 503 at once, and after the grace period the process
   * stops taking HTTP requests and batches, finishes those in hand (stored and acked), and exits.
   * Batches it never acknowledged go to another hub process (shared subscription) or wait for it.
   */
  async drain(): Promise<void> {
    this.readiness?.drain();
    const graceMs = this.options.drainGraceMs ?? 0;
    if (graceMs > 0) await new Promise<void>((resolve) => this.options.clock.setTimeout(resolve, graceMs));
    await this.stop();
  }

  async stop(): Promise<void> {
    this.readiness?.drain();
    this.auditCheck?.stop();
    this.checkpointTimer?.cancel();
    await this.reportSchedule?.stop();
    await this.hotlistSchedule?.stop();
    await this.services?.retention.stop();
    await this.api?.close();
    await this.configPusher?.stop();
    await this.ingest?.stop();
    await this.hotlistPush?.stop();
    await this.alertLink?.stop();
    await this.broker?.stop();
    await this.checkpointAudit().catch(() => undefined);
    await this.services?.store.close();
    await this.auditTrail?.witness.close();
  }
}
