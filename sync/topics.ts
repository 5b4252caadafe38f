/** MQTT topics, v1 (../shared/ARCHITECTURE.md). A device may use only its own <deviceId>. */
export const topics = {
  reads: (deviceId: string) => `alpr/v1/${deviceId}/reads`,
  acks: (deviceId: string) => `alpr/v1/${deviceId}/acks`,
  status: (deviceId: string) => `alpr/v1/${deviceId}/status`,
  config: (deviceId: string) => `alpr/v1/${deviceId}/config`,
  allReads: 'alpr/v1/+/reads',
  allStatus: 'alpr/v1/+/status',
};

const TOPIC = /^alpr\/v1\/([a-z0-9][a-z0-9-]{2,62})\/(reads|acks|status|config)$/;

export function parseTopic(topic: string): { deviceId: string; kind: 'reads' | 'acks' | 'status' | 'config' } | null {
  const m = TOPIC.exec(topic);
  return m ? { deviceId: m[1]!, kind: m[2] as 'reads' } : null;
}

/** What a device may do: publish its reads and status, subscribe to its acks and config. */
export function deviceMayPublish(deviceId: string, topic: string): boolean {
  const t = parseTopic(topic);
  return t !== null && t.deviceId === deviceId && (t.kind === 'reads' || t.kind === 'status');
}

export function deviceMaySubscribe(deviceId: string, topic: string): boolean {
  const t = parseTopic(topic);
  return t !== null && t.deviceId === deviceId && (t.kind === 'acks' || t.kind === 'config');
}
