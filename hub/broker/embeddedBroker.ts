import { createServer, type AddressInfo, type Server } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Aedes } from 'aedes';
import type { Logger } from '../../core/index.js';
import { deviceMayPublish, deviceMaySubscribe, publicKeyFromRaw, verifyBrokerToken } from '../../sync/index.js';
import type { HubStore } from '../store/index.js';

export interface EmbeddedBrokerOptions {
  port: number;
  host: string;
  store: HubStore;
  now: () => number;
  logger: Logger;
}

/**
 * The hub's built-in MQTT broker (Aedes). Devices authenticate with a signed token checked against
 * the device registry (unknown and revoked devices are refused) and may publish and subscribe
 * only under their own alpr/v1/<deviceId>/. Hub services log in as `hub` with a secret made at
 * start that never leaves the process.
 */
export class EmbeddedBroker {
  private aedes: Aedes | null = null;
  private server: Server | null = null;
  readonly hubPassword = randomBytes(24).toString('base64url');

  constructor(private readonly ctx: EmbeddedBrokerOptions) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    return `mqtt://${this.ctx.host}:${address?.port ?? this.ctx.port}`;
  }

  async start(): Promise<void> {
    const { Aedes } = await import('aedes');
    const { store, logger } = this.ctx;
    const userOf = (client: unknown) => (client as { alprUser?: string }).alprUser;
    const aedes = await Aedes.createBroker({
      // Remember the login name: hub services have free-form client ids, devices use their id.
      preConnect: (client, packet, done) => {
        (client as unknown as { alprUser?: string }).alprUser = packet.username;
        done(null, true);
      },
      authenticate: (client, username, password, done) => {
        const fail = (why: string) => {
          logger.warn({ clientId: client.id, username, why }, 'broker login refused');
          done(Object.assign(new Error(why), { returnCode: 4 as const }), false);
        };
        if (!username || !password) return fail('no credentials');
        if (username === 'hub') {
          const given = Buffer.from(password);
          const expected = Buffer.from(this.hubPassword);
          return given.length === expected.length && timingSafeEqual(given, expected) ? done(null, true) : fail('bad hub secret');
        }
        if (client.id !== username) return fail('client id must equal the device id');
        store.getDevice(username).then(
          (device) => {
            if (!device) return fail('unknown device');
            if (device.status !== 'active') return fail(`device is ${device.status}`);
            if (!verifyBrokerToken(username, password.toString(), publicKeyFromRaw(device.publicKey, 'ed25519'), this.ctx.now())) return fail('bad or expired token');
            done(null, true);
          },
          () => fail('registry unavailable'),
        );
      },
      authorizePublish: (client, packet, done) => {
        if (!client) return done(null);
        if (userOf(client) === 'hub' || deviceMayPublish(client.id, packet.topic)) return done(null);
        logger.warn({ clientId: client.id, topic: packet.topic }, 'publish refused by ACL');
        done(new Error('not authorized'));
      },
      authorizeSubscribe: (client, sub, done) => {
        if (userOf(client) === 'hub' || deviceMaySubscribe(client.id, sub.topic)) return done(null, sub);
        logger.warn({ clientId: client.id, topic: sub.topic }, 'subscribe refused by ACL');
        done(new Error('not authorized'));
      },
    });
    const server = createServer(aedes.handle);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.ctx.port, this.ctx.host, () => resolve());
    });
    this.aedes = aedes;
    this.server = server;
    logger.info({ url: this.url }, 'embedded broker listening');
  }

  async stop(): Promise<void> {
    const aedes = this.aedes;
    const server = this.server;
    this.aedes = null;
    this.server = null;
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
