import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AlprError, ERROR_CODES, type ErrorCode } from '../core/index.js';

export interface InstallerSite {
  siteId: string;
  name: string;
  approvalRef: string;
  latitude: number;
  longitude: number;
  cameras: string[];
}

export interface HubPublicIdentity {
  sealPublicKeyPem: string;
  sealKeyId: string;
  signPublicKeyPem: string;
}

export interface EnrollResult {
  deviceId: string;
  siteId: string;
  siteName: string;
  brokerUrl: string;
  hub: HubPublicIdentity;
}

/**
 * The hub's provisioning API as the CLI uses it. Errors the hub returns keep their code (an
 * expired token stays ALPR_ERR_ENROLLMENT_TOKEN); an unreachable hub is ALPR_ERR_SYNC_BROKER's
 * HTTP cousin, reported with the URL tried. Over https:// the hub's certificate must chain to
 * `tls.ca` when given (the agency CA, from --hub-ca or the appliance's sync.ca_file), else to
 * the system CAs. `tls.cert`/`tls.key` present an agency client certificate, which a hub run
 * with --client-ca wants for every call made with an admin session.
 */
export class HubClient {
  constructor(private readonly hubUrl: string, private readonly auth: { session?: string; enrollmentToken?: string } = {}, private readonly tls: { ca?: Buffer | null; cert?: Buffer; key?: Buffer } = {}) {
    try {
      const url = new URL(hubUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    } catch (cause) {
      throw new AlprError('ALPR_ERR_USAGE', `--hub ${hubUrl}: an http:// or https:// URL of the hub API`, { cause });
    }
  }

  sites(): Promise<InstallerSite[]> {
    return this.call('GET', '/api/v1/provisioning/sites');
  }

  enroll(body: { token: string; deviceId: string; publicKey: string }): Promise<EnrollResult> {
    return this.call('POST', '/api/v1/provisioning/enroll', body);
  }

  deviceRequest(deviceId: string, action: string, body: { at: number; signature: string; fields: Record<string, string>; proof?: string }): Promise<{ deviceId: string; siteId: string; status: string }> {
    return this.call('POST', `/api/v1/provisioning/devices/${encodeURIComponent(deviceId)}/${action}`, body);
  }

  issueToken(siteId: string, ttlHours: number): Promise<{ token: string; siteId: string; expiresAt: number }> {
    return this.call('POST', '/api/v1/enrollment-tokens', { siteId, ttlHours });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.hubUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let response: { status: number; text: string };
    try {
      response = await new Promise((resolve, reject) => {
        const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
          method,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(this.auth.session ? { authorization: `Bearer ${this.auth.session}` } : {}),
            ...(this.auth.enrollmentToken ? { 'x-enrollment-token': this.auth.enrollmentToken } : {}),
          },
          ...(this.tls.ca ? { ca: this.tls.ca } : {}),
          ...(this.tls.cert && this.tls.key ? { cert: this.tls.cert, key: this.tls.key } : {}),
          timeout: 15_000,
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        request.on('timeout', () => request.destroy(new Error('no answer within 15 s')));
        request.on('error', reject);
        request.end(payload);
      });
    } catch (cause) {
      throw new AlprError('ALPR_ERR_SYNC_BROKER', `the hub at ${this.hubUrl} cannot be reached (${(cause as Error).message})`, { cause });
    }
    let json: unknown;
    try {
      json = response.text ? JSON.parse(response.text) : null;
    } catch {
      json = null;
    }
    if (response.status < 200 || response.status >= 300) {
      const err = json as { code?: string; message?: string } | null;
      const code = err?.code && err.code in ERROR_CODES ? (err.code as ErrorCode) : 'ALPR_ERR_INTERNAL';
      throw new AlprError(code, `hub refused (${response.status}): ${err?.message ?? response.text.slice(0, 200)}`);
    }
    return json as T;
  }
}
