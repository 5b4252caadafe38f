import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SiteRegistry } from '../sites/siteRegistry.js';
import type { Device, HubStore } from '../store/index.js';

const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Binds appliances to approved sites (ARCHITECTURE: device identity). Ingest refuses batches
 * from devices that are unknown, revoked or whose reads name another site.
 */
export class DeviceRegistry {
  constructor(private readonly ctx: { store: HubStore; sites: SiteRegistry; audit: AuditLog; clock: Clock }) {}

  async enroll(input: { deviceId: string; publicKey: Buffer; siteId: string }, actor: string): Promise<Device> {
    if (!DEVICE_ID.test(String(input.deviceId))) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'deviceId: 1-64 letters, digits, _ or -');
    if (!Buffer.isBuffer(input.publicKey) || input.publicKey.length !== 32) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'publicKey: a raw 32-byte Ed25519 public key');
    await this.ctx.sites.requireApproved(input.siteId);
    const existing = await this.ctx.store.getDevice(input.deviceId);
    if (existing && existing.status === 'active' && !existing.publicKey.equals(input.publicKey)) {
      throw new AlprError('ALPR_ERR_CONFLICT', `device ${input.deviceId} is enrolled with another key; revoke it first`);
    }
    const device: Device = { deviceId: input.deviceId, publicKey: input.publicKey, siteId: input.siteId, status: 'active', enrolledAt: this.ctx.clock.now() };
    await this.ctx.store.upsertDevice(device);
    await this.ctx.audit.append({ actor, action: 'device.enroll', detail: { deviceId: device.deviceId, siteId: device.siteId, publicKey: input.publicKey.toString('base64') } });
    return device;
  }

  async revoke(deviceId: string, actor: string, reason: string): Promise<void> {
    if (!(await this.ctx.store.getDevice(deviceId))) throw new AlprError('ALPR_ERR_NOT_FOUND', `no device ${deviceId}`);
    await this.ctx.store.setDeviceStatus(deviceId, 'revoked');
    await this.ctx.audit.append({ actor, action: 'device.revoke', detail: { deviceId, reason: String(reason ?? '').slice(0, 500) } });
  }
}
