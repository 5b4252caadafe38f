import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode, Logger } from '../../core/index.js';
import { BROKER_TOKEN_VALIDITY_MS, brokerTokenSignedAt, deviceMayPublish, deviceMaySubscribe, publicKeyFromRaw } from '../../sync/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { HubStore } from '../store/index.js';
import { SiteRefusals } from './siteRefusals.js';
import { TokenLedger } from './tokenLedger.js';

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
 *   until it reconnects (nothing here can close it), but the hub pushes it nothing.
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

  resource(q: RabbitQuery): boolean {
    if (q.vhost !== this.ctx.vhost) return this.refuse(q, 'other vhost');
    if (q.username === this.ctx.hubUsername) return true;
    const device = q.username ?? '';
    if (q.resource === 'exchange') return (q.name === this.ctx.exchange && (q.permission === 'write' || q.permission === 'read')) || this.refuse(q, 'exchange refused');
    if (q.resource === 'queue') return q.name === `mqtt-subscription-${device}qos0` || q.name === `mqtt-subscription-${device}qos1` || this.refuse(q, 'queue refused');
    return this.refuse(q, 'resource refused');
  }

  topic(q: RabbitQuery): boolean {
    if (q.vhost !== this.ctx.vhost || q.name !== this.ctx.exchange) return this.refuse(q, 'other vhost or exchange');
    if (q.username === this.ctx.hubUsername) return true;
    const topic = (q.routing_key ?? '').replaceAll('.', '/');
    const device = q.username ?? '';
    if (q.permission === 'write') return deviceMayPublish(device, topic) || this.refuse(q, 'publish refused by ACL');
    if (q.permission === 'read') return deviceMaySubscribe(device, topic) || this.refuse(q, 'subscribe refused by ACL');
    return this.refuse(q, 'permission refused');
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
