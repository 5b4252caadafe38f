import type { MqttClient } from 'mqtt';
import { AlprError, type Logger } from '../../core/index.js';
import { endClient, topics } from '../../sync/index.js';
import type { IngestTransport } from './ingestTransport.js';
import { connectHubClient, type HubBrokerLogin } from '../broker/hubBrokerClient.js';

export interface MqttIngestOptions extends HubBrokerLogin {
  logger: Logger;
}

/**
 * Ingest over MQTT: a persistent session subscribed to every device's reads (through the shared
 * group when one is set) and status. The PUBACK of a batch is held until it is handled, so a hub
 * that dies mid-batch gets it again.
 */
export class MqttIngestTransport implements IngestTransport {
  private client: MqttClient | null = null;

  constructor(private readonly ctx: MqttIngestOptions) {}

  async start(onMessage: (topic: string, payload: Buffer) => Promise<void>): Promise<void> {
    const client = await connectHubClient(this.ctx, 'persistent');
    // Ack the broker only once the message is handled (stored and acked, or refused for good).
    client.handleMessage = (packet, done) => {
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      onMessage(packet.topic, payload).then(() => done(), (err: Error) => done(err));
    };
    client.on('error', (err) => this.ctx.logger.warn({ err: err.message }, 'ingest broker connection error'));
    // In place before the first message, which a persistent session may deliver at once.
    this.client = client;
    const subscription = this.ctx.sharedGroup ? `$share/${this.ctx.sharedGroup}/${topics.allReads}` : topics.allReads;
    // A hub that cannot start leaves no client trying in the background.
    const fail = (err: AlprError) => {
      this.client = null;
      client.end(true);
      return err;
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(fail(new AlprError('ALPR_ERR_SYNC_BROKER', `broker ${this.ctx.brokerUrl} did not accept the hub within 10 s`))), 10_000);
      client.once('connect', () => {
        // Status is retained and small: every hub process takes all of it (no shared group).
        client.subscribe([subscription, topics.allStatus], { qos: 1 }, (err) => {
          clearTimeout(timer);
          if (err) reject(fail(new AlprError('ALPR_ERR_SYNC_BROKER', `subscription to ${subscription} refused`, { cause: err })));
          else resolve();
        });
      });
    });
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /**
   * QoS 1 (MQTT.js resends it until the broker has it). Not awaited: the broker's PUBACK for it
   * arrives behind the message being handled, which holds the stream.
   */
  publish(topic: string, payload: Buffer, options: { retain: boolean }): void {
    this.client?.publish(topic, payload, { qos: 1, retain: options.retain }, (err) => {
      if (err) this.ctx.logger.warn({ topic, err: err.message }, 'publish to a device failed');
    });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await endClient(client);
  }
}
