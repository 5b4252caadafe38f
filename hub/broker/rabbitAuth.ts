import { timingSafeEqual } from 'node:crypto';
import type { AlprError, ErrorCode, Logger } from '../../core/index.js';
import { BROKER_TOKEN_VALIDITY_MS, brokerTokenSignedAt, deviceMayPublish, deviceMaySubscribe, publicKeyFromRaw } from '../../sync/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import { deviceServed } from '../sites/siteRegistry.js';
import type { HubStore } from '../store/index.js';
import { SiteRefusals } from './siteRefusals.js';
import { TokenLedger } from './tokenLedger.js';

/** How long RabbitAuth keeps a device's in-service answer for its resource and topic checks. */
export const IN_SERVICE_CACHE_MS = 5_000;
/** Devices kept in that cache before it is emptied (only devices that logged in are asked about). */
const IN_SERVICE_CACHE_MAX = 10_000;

/** What rabbitmq_auth_backend_http sends (query parameters; strings only). */
export interface RabbitQuery {
  username?: string;
  password?: string;
  vhost?: string;
  resource?: string;
  name?: string;
  permission?: string;
  routing_key?: string;
}

/**
 * The device rules of the embedded broker (EmbeddedBroker), answered for a RabbitMQ cluster
 * through its HTTP auth backend, so the same tokens and topic ACLs hold on every node:
 * - login: a device logs in with its id and a fresh signed token (registry: known, active, at a
 *   site approved and in service, SiteRefusals; each token once, in the shared `broker_token_uses`
 *   table, so two nodes cannot both accept one); the hub services log in with the hub's broker
 *   password. A device already connected when its site is retired stays connected to its node
 *   until it reconnects (nothing here can close it), but the hub pushes it nothing, and its
 *   resource and topic checks are refused from then on (inService).
 * - topics: RabbitMQ's MQTT plugin maps alpr/v1/<id>/reads to routing key alpr.v1.<id>.reads on
 *   amq.topic; a device may write only its own reads, status and alerts, and bind (read) only its
 *   own acks, config, hot list and alert acks. Device ids cannot contain '.', so the mapping back
 *   is exact; a wildcard in a device's routing key never parses and is refused.
 * - resources: a device may use amq.topic and its own mqtt-subscription-<id>qos0/qos1 queues.
 * Unlike the embedded broker there is no probation login for a device whose clock is off: it is
 * refused, and corrects its clock from the hub's HTTP Date at enrolment or from its config push
 * on the embedded broker.
 */
export class RabbitAuth {
  private readonly ledger: TokenLedger;
  private readonly siteRefusals: SiteRefusals;
  /** inService's recent answers by device id: when it was read, and why the device is refused (null: allowed). */
  private readonly inServiceCache = new Map<string, { at: number; refusal: AlprError | null }>();

  /** `audit`: as the embedded broker's (EmbeddedBrokerOptions.audit). */
  constructor(private readonly ctx: { store: HubStore; hubUsername: string; hubPassword: string; vhost: string; exchange: string; now: () => number; logger: Logger; audit?: AuditLog }) {
    this.ledger = new TokenLedger(ctx.store.sql, BROKER_TOKEN_VALIDITY_MS);
    this.siteRefusals = new SiteRefusals({ sql: ctx.store.sql, audit: ctx.audit ?? null });
  }

  async migrate(): Promise<void> {
    await this.ledger.migrate();
    await this.siteRefusals.migrate();
  }

  async user(q: RabbitQuery): Promise<boolean> {
    const { username, password } = q;
    if (!username || !password) return this.refuse(q, 'no credentials');
    if (username === this.ctx.hubUsername) return this.isHubPassword(password) || this.refuse(q, 'bad hub secret');
    const device = await this.ctx.store.getDevice(username);
    if (!device) return this.refuse(q, 'unknown device');
    if (device.status !== 'active') return this.refuse(q, `device is ${device.status}`);
    const tokenAt = brokerTokenSignedAt(username, password, publicKeyFromRaw(device.publicKey, 'ed25519'));
    if (tokenAt === null) return this.refuse(q, 'bad token');
    const siteRefusal = await this.siteRefusals.check(device, 'rabbitmq');
    if (siteRefusal) return this.refuse(q, siteRefusal.message, siteRefusal.code);
    const now = this.ctx.now();
    if (Math.abs(now - tokenAt) > BROKER_TOKEN_VALIDITY_MS) return this.refuse(q, 'token dated outside the window');
    return (await this.ledger.claim(username, tokenAt, now)) || this.refuse(q, 'token already used');
  }

  vhost(q: RabbitQuery): boolean {
    return q.vhost === this.ctx.vhost || this.refuse(q, 'other vhost');
  }

  async resource(q: RabbitQuery): Promise<boolean> {
    if (q.vhost !== this.ctx.vhost) return this.refuse(q, 'other vhost');
    if (q.username === this.ctx.hubUsername) return true;
    const device = q.username ?? '';
    let allowed: boolean;
    if (q.resource === 'exchange') allowed = (q.name === this.ctx.exchange && (q.permission === 'write' || q.permission === 'read')) || this.refuse(q, 'exchange refused');
    else if (q.resource === 'queue') allowed = q.name === `mqtt-subscription-${device}qos0` || q.name === `mqtt-subscription-${device}qos1` || this.refuse(q, 'queue refused');
    else allowed = this.refuse(q, 'resource refused');
    return allowed && this.inService(q);
  }

  async topic(q: RabbitQuery): Promise<boolean> {
    if (q.vhost !== this.ctx.vhost || q.name !== this.ctx.exchange) return this.refuse(q, 'other vhost or exchange');
    if (q.username === this.ctx.hubUsername) return true;
    const topic = (q.routing_key ?? '').replaceAll('.', '/');
    const device = q.username ?? '';
    let allowed: boolean;
    if (q.permission === 'write') allowed = deviceMayPublish(device, topic) || this.refuse(q, 'publish refused by ACL');
    else if (q.permission === 'read') allowed = deviceMaySubscribe(device, topic) || this.refuse(q, 'subscribe refused by ACL');
    else allowed = this.refuse(q, 'permission refused');
    return allowed && this.inService(q);
  }

  /**
   * A device connected to a node before its site was retired (or it was revoked) stays connected
   * there, so its resource and topic checks ask again: active, at a site in service. A node asks
   * these a dozen times per login and per new topic, so the answer is kept per device for
   * IN_SERVICE_CACHE_MS; a retirement takes effect within that. (RabbitMQ caches allowed topics
   * per connection itself: a topic already used on a connection may not be asked about again.)
   */
  private async inService(q: RabbitQuery): Promise<boolean> {
    const deviceId = q.username ?? '';
    const now = this.ctx.now();
    const cached = this.inServiceCache.get(deviceId);
    let refusal: AlprError | null;
    if (cached && now >= cached.at && now - cached.at < IN_SERVICE_CACHE_MS) refusal = cached.refusal;
    else {
      refusal = await deviceServed(this.ctx.store.sql, await this.ctx.store.getDevice(deviceId));
      if (this.inServiceCache.size >= IN_SERVICE_CACHE_MAX) this.inServiceCache.clear();
      this.inServiceCache.set(deviceId, { at: now, refusal });
    }
    return refusal === null || this.refuse(q, refusal.message, refusal.code);
  }

  private isHubPassword(given: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(this.ctx.hubPassword);
    return this.ctx.hubPassword.length > 0 && a.length === b.length && timingSafeEqual(a, b);
  }

  /** RabbitMQ's answer is a bare deny; the log says why, with the code of a typed refusal. */
  private refuse(q: RabbitQuery, why: string, code?: ErrorCode): false {
    this.ctx.logger.warn({ username: q.username, resource: q.resource, name: q.name, permission: q.permission, routingKey: q.routing_key, why, code }, 'broker cluster request refused');
    return false;
  }
}
