import type { SqlDb } from '../db/sql.js';

/** Which client certificate each session token was issued on (by the token's SHA-256, as in `sessions`). */
export class CertBindings {
  constructor(private readonly sql: SqlDb) {}

  async migrate(): Promise<void> {
    await this.sql.run(`CREATE TABLE IF NOT EXISTS session_client_certs (
      token_hash TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, subject TEXT NOT NULL, bound_at BIGINT NOT NULL)`);
  }

  async bind(tokenHash: string, cert: { fingerprint: string; subject: string }, now: number): Promise<void> {
    await this.sql.run('INSERT INTO session_client_certs (token_hash, fingerprint, subject, bound_at) VALUES (?, ?, ?, ?)', [tokenHash, cert.fingerprint, cert.subject, now]);
  }

  async boundTo(tokenHash: string): Promise<{ fingerprint: string; subject: string } | null> {
    return this.sql.get<{ fingerprint: string; subject: string }>('SELECT fingerprint, subject FROM session_client_certs WHERE token_hash = ?', [tokenHash]);
  }

  /** The account a token belongs to, for the audit record of a refused use (null if the token is unknown). */
  async sessionUser(tokenHash: string): Promise<string | null> {
    return (await this.sql.get<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = ?', [tokenHash]))?.user_id ?? null;
  }
}
