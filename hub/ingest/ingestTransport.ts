/**
 * How batches reach ingest and acks leave it: MQTT (the embedded broker, Mosquitto, EMQX) or AMQP
 * (a RabbitMQ cluster's quorum queue). The transport acknowledges a message to the broker only
 * once the promise `onMessage` returned resolves, so a batch is never let go before it is
 * committed; a rejected one stays with the broker for this or another hub process.
 */
export interface IngestTransport {
  start(onMessage: (topic: string, payload: Buffer) => Promise<void>): Promise<void>;
  /** Queues a message to a device (acks, config pushes); its loss costs a resend, never a read. */
  publish(topic: string, payload: Buffer, options: { retain: boolean }): void;
  /** Whether the broker connection is up (readiness). */
  readonly connected: boolean;
  /** Takes no new message, lets those in hand settle, then disconnects. */
  stop(): Promise<void>;
}
