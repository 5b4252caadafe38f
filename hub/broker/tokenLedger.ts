import type { SqlDb } from '../db/sql.js';

/**
 * Broker tokens already used to log in. A token is a signature over (device, time) with the
 * device's Ed25519 key, which signs deterministically, so (device, time) names the token. Kept in
 * the hub database, so a restart of the hub does not make a used token good again; rows older
 * than twice the tokens' validity window cannot match a live token and are deleted as we go.
 */
export class TokenLedger {
  constructor(private readonly sql: SqlDb, private readonly validityMs: number) {}

  async migrate(): Promise<void> {
    await this.sql.run(`CREATE TABLE IF NOT EXISTS broker_token_uses (
      device_id TEXT NOT NULL, token_at BIGINT NOT NULL, used_at BIGINT NOT NULL, PRIMARY KEY (device_id, token_at))`);
  }

  /** True the first time a (device, token time) is offered; false ever after. */
  async claim(deviceId: string, tokenAt: number, now: number): Promise<boolean> {
    return this.sql.tx(async (db) => {
      await db.run('DELETE FROM broker_token_uses WHERE device_id = ? AND token_at < ?', [deviceId, now - 2 * this.validityMs]);
      const { changes } = await db.run('INSERT INTO broker_token_uses (device_id, token_at, used_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [deviceId, tokenAt, now]);
      return changes === 1;
    });
  }
}
