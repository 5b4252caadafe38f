import { AlprError, loggableError, systemClock, type Logger } from '../../core/index.js';
import { topics } from '../../sync/index.js';
import type { IngestTransport } from './ingestTransport.js';
import { connectHubClient, type HubBrokerConnection, type HubBrokerLogin } from '../broker/hubBrokerClient.js';
import { replayedFromStore } from '../broker/retainedReplay.js';

export interface MqttIngestOptions extends HubBrokerLogin {
  logger: Logger;
}

/**
 * Ingest over MQTT: a persistent session subscribed to every device's reads (through the shared
 * group when one is set) and status. The PUBACK of a batch is held until it is handled, so a hub
 * that dies mid-batch gets it again.
 */
export class MqttIngestTransport implements IngestTransport {
  private broker: HubBrokerConnection | null = null;

  constructor(private readonly ctx: MqttIngestOptions) {}

  async start(onMessage: (topic: string, payload: Buffer) => Promise<void>): Promise<void> {
    // Ingest keeps no clock of its own (it is given `now` for timestamps): the deadline runs on the system's.
    const broker = await connectHubClient(this.ctx, 'persistent', { clock: systemClock, logger: this.ctx.logger });
    const { client } = broker;
    // Ack the broker only once the message is handled (stored and acked, or refused for good).
    client.handleMessage = (packet, done) => {
      if (replayedFromStore(packet)) {
        this.ctx.logger.warn({ topic: packet.topic }, 'ignored a batch replayed from the broker\'s retained store');
        return done();
      }
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      onMessage(packet.topic, payload).then(() => done(), (err: Error) => done(err));
    };
    client.on('error', (err) => this.ctx.logger.warn({ err: err.message }, 'ingest broker connection error'));
    // In place before the first message, which a persistent session may deliver at once.
    this.broker = broker;
    const subscription = this.ctx.sharedGroup ? `$share/${this.ctx.sharedGroup}/${topics.allReads}` : topics.allReads;
    // A hub that cannot start leaves no client trying in the background.
    const fail = (err: AlprError) => {
      this.broker = null;
      void broker.end();
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
    return this.broker?.client.connected ?? false;
  }

  /**
   * QoS 1 under the PUBACK deadline. Not awaited: the broker's PUBACK for it arrives behind the
   * message being handled, which holds the stream. One a silent broker never acknowledged fails
   * and is logged; the device resends its batch and gets the ack again.
   */
  publish(topic: string, payload: Buffer, options: { retain: boolean }): void {
    this.broker?.publish(topic, payload, { retain: options.retain }).catch((err: unknown) => {
      this.ctx.logger.warn({ topic, err: loggableError(err) }, 'publish to a device failed');
    });
  }

  async stop(): Promise<void> {
    const broker = this.broker;
    this.broker = null;
    await broker?.end();
  }
}
