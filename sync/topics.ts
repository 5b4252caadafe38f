/** MQTT topics, v1 (../shared/ARCHITECTURE.md). A device may use only its own <deviceId>. */
export const topics = {
  reads: (deviceId: string) => `alpr/v1/${deviceId}/reads`,
  acks: (deviceId: string) => `alpr/v1/${deviceId}/acks`,
  status: (deviceId: string) => `alpr/v1/${deviceId}/status`,
  config: (deviceId: string) => `alpr/v1/${deviceId}/config`,
  hotlist: (deviceId: string) => `alpr/v1/${deviceId}/hotlist`,
  alerts: (deviceId: string) => `alpr/v1/${deviceId}/alerts`,
  alertAcks: (deviceId: string) => `alpr/v1/${deviceId}/alert-acks`,
  allReads: 'alpr/v1/+/reads',
  allStatus: 'alpr/v1/+/status',
  allAlerts: 'alpr/v1/+/alerts',
};

type TopicKind = 'reads' | 'acks' | 'status' | 'config' | 'hotlist' | 'alerts' | 'alert-acks';

const TOPIC = /^alpr\/v1\/([a-z0-9][a-z0-9-]{2,62})\/(reads|acks|status|config|hotlist|alerts|alert-acks)$/;

export function parseTopic(topic: string): { deviceId: string; kind: TopicKind } | null {
  const m = TOPIC.exec(topic);
  return m ? { deviceId: m[1]!, kind: m[2] as TopicKind } : null;
}

/** What a device may do: publish its reads, alerts and status; subscribe to its acks, config and hot list. */
export function deviceMayPublish(deviceId: string, topic: string): boolean {
  const t = parseTopic(topic);
  return t !== null && t.deviceId === deviceId && (t.kind === 'reads' || t.kind === 'status' || t.kind === 'alerts');
}

export function deviceMaySubscribe(deviceId: string, topic: string): boolean {
  const t = parseTopic(topic);
  return t !== null && t.deviceId === deviceId && (t.kind === 'acks' || t.kind === 'config' || t.kind === 'hotlist' || t.kind === 'alert-acks');
}
