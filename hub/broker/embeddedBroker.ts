import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Aedes, Client } from 'aedes';
import { AlprError, errorMessage, type Logger } from '../../core/index.js';
import { BROKER_TOKEN_VALIDITY_MS, brokerTokenSignedAt, deviceMayPublish, deviceMaySubscribe, parseTopic, publicKeyFromRaw } from '../../sync/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import { deviceServed, siteInService } from '../sites/siteRegistry.js';
import type { HubStore } from '../store/index.js';
import { DEFAULT_PACKET_LIMITS, PacketGuard, type PacketLimits } from './packetGuard.js';
import { SiteRefusals } from './siteRefusals.js';
import { TokenLedger } from './tokenLedger.js';

export interface EmbeddedBrokerOptions {
  port: number;
  host: string;
  store: HubStore;
  now: () => number;
  logger: Logger;
  /** PEM key and certificate chain: devices then connect over mqtts:// only. */
  tls?: { key: Buffer; cert: Buffer } | null;
  limits?: Partial<PacketLimits>;
  /** A device subscribed to its config topic: the signed push (hub key, hub time) it is sent now. */
  configPushFor?: (deviceId: string) => Uint8Array;
  /**
   * The hub's audit log, where the first refusal of a device at a site out of service is recorded
   * (SiteRefusals). Without one (a bench's bare broker) such devices are still refused, and logged.
   */
  audit?: AuditLog;
}

/** The login name a client gave: `hub` for hub services (free-form client ids), the device id for a device. */
const userOf = (client: unknown) => (client as { alprUser?: string }).alprUser;

interface Connection {
  guard: PacketGuard;
  /** The loopback listener for the hub's own services (only with TLS). */
  internal: boolean;
}

/**
 * The hub's built-in MQTT broker (Aedes). Devices authenticate with a signed token checked against
 * the device registry (unknown and revoked devices are refused, and those at a site not approved
 * and in service: SiteRefusals), each token once, and may publish and subscribe only under their
 * own alpr/v1/<deviceId>/. Devices connected when their site is retired are cut off
 * (disconnectSite). Hub services log in as `hub` with a secret made at start that never leaves
 * the process; with TLS they do so on a second listener on 127.0.0.1 that takes no device logins,
 * and the device listener takes no `hub` login.
 * Before a login succeeds a connection may send only `preAuthMaxBytes` and must finish within
 * `connectTimeoutMs` (PacketGuard).
 *
 * A device whose token is signed correctly but dated outside the +/-5 minute window (its clock is
 * hours off, or starts at 1970) is let in on probation: it may subscribe to its config topic and
 * nothing else, and publish nothing. Each config subscription is answered with a fresh signed push
 * carrying the hub's time, from which the appliance corrects its clock and logs in again properly.
 * A probation token is not recorded as used: replaying one gains only probation.
 */
export class EmbeddedBroker {
  private aedes: Aedes | null = null;
  private server: Server | null = null;
  private internalServer: Server | null = null;
  private readonly connections = new WeakMap<object, Connection>();
  readonly hubPassword = randomBytes(24).toString('base64url');
  readonly limits: PacketLimits;

  constructor(private readonly ctx: EmbeddedBrokerOptions) {
    this.limits = { ...DEFAULT_PACKET_LIMITS, ...ctx.limits };
  }

  /** Where devices connect. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    return `${this.ctx.tls ? 'mqtts' : 'mqtt'}://${this.ctx.host}:${address?.port ?? this.ctx.port}`;
  }

  /** Where the hub's own services connect (the device URL when there is no TLS). */
  get hubUrl(): string {
    const address = this.internalServer?.address() as AddressInfo | null;
    return address ? `mqtt://127.0.0.1:${address.port}` : this.url;
  }

  async start(): Promise<void> {
    const { Aedes } = await import('aedes');
    const { store, logger } = this.ctx;
    const ledger = new TokenLedger(store.sql, BROKER_TOKEN_VALIDITY_MS);
    await ledger.migrate();
    const siteRefusals = new SiteRefusals({ sql: store.sql, audit: this.ctx.audit ?? null });
    await siteRefusals.migrate();
    const tls = Boolean(this.ctx.tls);
    const mayPush = async (deviceId: string) => (await deviceServed(store.sql, await store.getDevice(deviceId))) === null;
    const onProbation = (client: unknown) => (client as { alprClockOff?: boolean }).alprClockOff === true;
    const aedes = await Aedes.createBroker({
      connectTimeout: this.limits.connectTimeoutMs,
      // Remember the login name: hub services have free-form client ids, devices use their id.
      preConnect: (client, packet, done) => {
        (client as unknown as { alprUser?: string }).alprUser = packet.username;
        done(null, true);
      },
      authenticate: (client, username, password, done) => {
        const connection = this.connections.get(client.conn);
        const fail = (why: string | AlprError) => {
          const err = typeof why === 'string' ? new Error(why) : why;
          logger.warn({ clientId: client.id, username, why: err.message, code: why instanceof AlprError ? why.code : undefined }, 'broker login refused');
          // A typed refusal is of a device that proved who it is: CONNACK 5, not authorized, rather
          // than 4, bad user name or password (its token is sound; retrying will not help).
          done(Object.assign(err, { returnCode: why instanceof AlprError ? 5 as const : 4 as const }), false);
        };
        const accept = () => {
          connection?.guard.loggedIn();
          done(null, true);
        };
        if (!username || !password) return fail('no credentials');
        if (username === 'hub') {
          if (tls && !connection?.internal) return fail('hub services log in on the internal listener');
          const given = Buffer.from(password);
          const expected = Buffer.from(this.hubPassword);
          return given.length === expected.length && timingSafeEqual(given, expected) ? accept() : fail('bad hub secret');
        }
        if (connection?.internal) return fail('devices log in on the TLS listener');
        if (client.id !== username) return fail('client id must equal the device id');
        store.getDevice(username).then(
          async (device) => {
            if (!device) return fail('unknown device');
            if (device.status !== 'active') return fail(`device is ${device.status}`);
            const now = this.ctx.now();
            const tokenAt = brokerTokenSignedAt(username, password.toString(), publicKeyFromRaw(device.publicKey, 'ed25519'));
            if (tokenAt === null) return fail('bad token');
            // Before probation too: a device at a site out of service is told nothing, not even the time.
            const siteRefusal = await siteRefusals.check(device, 'embedded');
            if (siteRefusal) return fail(siteRefusal);
            if (Math.abs(now - tokenAt) > BROKER_TOKEN_VALIDITY_MS) {
              // Probation admits a token the ledger never spends, so an old one (from a leaked URL or
              // log) could be sent again and again; MQTT's takeover rule would then close the device's
              // live session each time. A device already connected under this id with a sound
              // clock has no time to learn: the login is refused, and the device stays connected.
              // (Aedes keeps its connected clients by id; its types do not declare the map.)
              const live = (this.aedes as unknown as { clients?: Record<string, unknown> } | null)?.clients?.[username];
              if (live && !onProbation(live)) return fail('token dated outside the window while the device is connected with a sound one');
              (client as unknown as { alprClockOff?: boolean }).alprClockOff = true;
              logger.warn({ clientId: client.id }, 'device token dated outside the window: admitted only to learn the hub time');
              return accept();
            }
            if (!(await ledger.claim(username, tokenAt, now))) return fail('token already used');
            // Once more, after the last other await: a site retired while this login waited on the
            // ledger had its devices cut off (disconnectSite) before this one was among them.
            const { refusal } = await siteInService(store.sql, device.siteId);
            if (refusal) return fail(refusal);
            accept();
          },
        ).catch(() => fail('registry unavailable'));
      },
      authorizePublish: (client, packet, done) => {
        if (!client) return done(null);
        if (userOf(client) === 'hub') return done(null);
        if (!onProbation(client) && deviceMayPublish(client.id, packet.topic)) {
          // Only a status is kept for later subscribers. A retained batch or alert (up to 33 MiB each)
          // would sit in the broker's memory and be delivered again to every hub that subscribes.
          if (packet.retain && parseTopic(packet.topic)?.kind !== 'status') packet.retain = false;
          return done(null);
        }
        logger.warn({ clientId: client.id, topic: packet.topic }, 'publish refused by ACL');
        done(new Error('not authorized'));
      },
      authorizeSubscribe: (client, sub, done) => {
        if (userOf(client) === 'hub') return done(null, sub);
        if (onProbation(client) && deviceMaySubscribe(client.id, sub.topic)) {
          // Its own topics other than config are declined (granted 128), not an error: an error
          // would drop the whole SUBSCRIBE, config included, and the connection with it.
          return done(null, parseTopic(sub.topic)?.kind === 'config' ? sub : null);
        }
        if (deviceMaySubscribe(client.id, sub.topic)) return done(null, sub);
        logger.warn({ clientId: client.id, topic: sub.topic }, 'subscribe refused by ACL');
        done(new Error('not authorized'));
      },
    });
    aedes.on('subscribe', (subscriptions, client) => {
      const pushFor = this.ctx.configPushFor;
      if (!pushFor || !client || userOf(client) === 'hub') return;
      const configTopics = subscriptions.filter((sub) => {
        const route = parseTopic(sub.topic);
        return route?.kind === 'config' && route.deviceId === client.id && (sub.qos as number) !== 128;
      }).map((sub) => sub.topic);
      if (configTopics.length === 0) return;
      // As every other config push (ConfigPusher's mayPush): only to an active device at a site in
      // service. One still connected after its site was retired is told nothing, not even the time.
      mayPush(client.id).then((may) => {
        if (!may) return logger.warn({ clientId: client.id }, 'config push withheld: the device is not active at a site in service');
        for (const topic of configTopics) {
          const payload = Buffer.from(pushFor(client.id));
          aedes.publish({ cmd: 'publish', topic, payload, qos: 1, retain: false, dup: false }, (err) => {
            if (err) logger.warn({ clientId: client.id, err: err.message }, 'config push not delivered');
          });
        }
      }).catch((err: unknown) => logger.warn({ clientId: client.id, err: errorMessage(err) }, 'config push not sent'));
    });
    const handle = (internal: boolean) => (socket: Socket) => {
      // Aedes attaches its reader first, so the guard only observes what Aedes reads.
      aedes.handle(socket);
      const guard = new PacketGuard(socket, this.limits, (why) => logger.warn({ remote: socket.remoteAddress, why }, 'broker connection cut'));
      this.connections.set(socket, { guard, internal });
    };
    this.aedes = aedes;
    if (this.ctx.tls) {
      this.server = createTlsServer({ ...this.ctx.tls, handshakeTimeout: this.limits.connectTimeoutMs }, handle(false));
      this.server.on('tlsClientError', (err) => logger.warn({ err: err.message }, 'broker TLS handshake failed'));
      this.internalServer = createServer(handle(true));
      await listen(this.internalServer, 0, '127.0.0.1');
    } else {
      this.server = createServer(handle(false));
    }
    await listen(this.server, this.ctx.port, this.ctx.host);
    logger.info({ url: this.url }, 'embedded broker listening');
  }

  /**
   * Closes the connections of the devices enrolled at `siteId`, just retired (the hub process calls
   * it on SiteRegistry's siteRetired): when they log in again they are refused. Until then the hub
   * sends them nothing (the config and hot-list pushes check the site themselves), which is also
   * all that holds for a device connected to a RabbitMQ node, where nothing can be closed from here.
   */
  async disconnectSite(siteId: string): Promise<void> {
    // Aedes keeps its connected clients by id; its types do not declare the map.
    const connected = (this.aedes as unknown as { clients?: Record<string, Client> } | null)?.clients;
    if (!connected) return;
    for (const device of await this.ctx.store.listDevices()) {
      const client = device.siteId === siteId ? connected[device.deviceId] : undefined;
      // Only the device's own login: a hub service's free-form client id could equal a device id.
      if (client && userOf(client) === device.deviceId) {
        this.ctx.logger.warn({ clientId: client.id, siteId }, 'device disconnected: its site was retired');
        client.close();
      }
    }
  }

  async stop(): Promise<void> {
    const aedes = this.aedes;
    const servers = [this.server, this.internalServer];
    this.aedes = null;
    this.server = null;
    this.internalServer = null;
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    for (const server of servers) if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}
