import type { AlprError } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { siteInService } from '../sites/siteRegistry.js';
import type { Device } from '../store/index.js';

/**
 * The site part of a device's broker login, the same on the embedded broker and on RabbitMQ's
 * auth endpoint: a device whose site is not approved and in service (siteInService: retired, or
 * not in the registry) is refused with ALPR_ERR_SITE_NOT_APPROVED, however sound its token.
 *
 * The first refusal of each device at a site is audited (`device.loginRefused`, refused); the rest
 * are only logged by the broker. A pole left powered after its site was retired tries again after
 * every backoff, for years: a record per attempt, or per hour as for offline/online changes, would
 * grow the chain without limit. Which devices were audited is kept in the hub database, so a
 * restart or another hub process (each RabbitMQ node asks any of them) does not audit one again,
 * and the insert is the one statement two processes racing on one device cannot both win. A device
 * already recorded is found by a plain read first: its refusals open no write transaction.
 */
export class SiteRefusals {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog | null }) {}

  async migrate(): Promise<void> {
    await this.ctx.sql.run(`CREATE TABLE IF NOT EXISTS broker_site_refusals (
      device_id TEXT NOT NULL, site_id TEXT NOT NULL, refused_at BIGINT NOT NULL, PRIMARY KEY (device_id, site_id))`);
  }

  /** Null when the device's site is in service; otherwise the refusal, audited if it is the device's first at that site. */
  async check(device: Device, broker: 'embedded' | 'rabbitmq'): Promise<AlprError | null> {
    const { refusal } = await siteInService(this.ctx.sql, device.siteId);
    const audit = this.ctx.audit;
    if (!refusal || !audit) return refusal;
    // Already audited (the usual case for a pole retrying after every backoff): a plain read, so a
    // login hammered with one leaked token takes no write lock (on SQLite, BEGIN IMMEDIATE) from ingest.
    if (await this.audited(device)) return refusal;
    await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run('INSERT INTO broker_site_refusals (device_id, site_id, refused_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        [device.deviceId, device.siteId, audit.clock.now()]);
      if (changes === 0) return;
      await audit.append({
        actor: `device:${device.deviceId}`, action: 'device.loginRefused', outcome: 'refused',
        detail: { deviceId: device.deviceId, siteId: device.siteId, broker, code: refusal.code, reason: refusal.message, note: 'its further logins while the site is out of service are refused and logged, not audited again' },
      }, db);
    });
    return refusal;
  }

  private async audited(device: Device): Promise<boolean> {
    return (await this.ctx.sql.get('SELECT 1 AS one FROM broker_site_refusals WHERE device_id = ? AND site_id = ?', [device.deviceId, device.siteId])) !== null;
  }
}
