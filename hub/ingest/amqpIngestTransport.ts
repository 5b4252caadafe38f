import type { Duplex } from 'node:stream';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AlprError, errorMessage, loggableError, systemClock, type Logger } from '../../core/index.js';
import { DEFAULT_PUBACK_TIMEOUT_MS } from '../../sync/index.js';
import { ConfirmDeadline } from './confirmDeadline.js';
import type { IngestTransport } from './ingestTransport.js';

/** The quorum queue every hub process consumes (one for the whole fleet). */
export const DEFAULT_INGEST_QUEUE = 'alpr.hub.reads';
/** The quorum queue of device status messages; one consumer at a time takes them, in order. */
export const DEFAULT_STATUS_QUEUE = 'alpr.hub.status';
/** RabbitMQ's MQTT plugin publishes alpr/v1/<id>/reads to amq.topic as alpr.v1.<id>.reads. */
const EXCHANGE = 'amq.topic';
const READS_KEY = 'alpr.v1.*.reads';
const STATUS_KEY = 'alpr.v1.*.status';
/** A batch whose handling failed goes back to the queue after this, not at once (no hot loop while the store is down). */
const REQUEUE_DELAY_MS = 1_000;
const RECONNECT_MIN_MS = 250;
const CONNECT_TIMEOUT_MS = 10_000;
const RECONNECT_MAX_MS = 5_000;

export interface AmqpIngestOptions {
  /** The cluster's nodes (`amqp://host:port`, no credentials); on a lost connection the next one is tried. */
  urls: readonly string[];
  username: string;
  password: string;
  /** Default DEFAULT_INGEST_QUEUE. */
  queue?: string;
  /** Default DEFAULT_STATUS_QUEUE. */
  statusQueue?: string;
  /** Batches one hub process holds unacknowledged at a time (default 32). */
  prefetch?: number;
  /**
   * A publish (ack, config push) the node has not confirmed within this, while no other confirm
   * came either, fails with ALPR_ERR_SYNC_BROKER_SILENT and the connection is cut, to the next
   * node (the hub's --puback-timeout-ms; default DEFAULT_PUBACK_TIMEOUT_MS, 30 s).
   */
  confirmTimeoutMs?: number;
  logger: Logger;
}

/**
 * Ingest from a RabbitMQ cluster over AMQP 0-9-1: the hub processes are competing consumers of one
 * durable quorum queue bound to amq.topic with alpr.v1.*.reads, replicated on the cluster's nodes
 * (RabbitMQ 3.10's MQTT plugin has no shared subscriptions). A batch is acknowledged only after
 * it is committed, so the batches a killed hub process held go back to the queue for another
 * process, whose store drops the reads it already has. When the node this process is connected to
 * dies, it connects to the next URL and consumes again. Device status comes through a second
 * quorum queue with a single active consumer: each status is handled by one hub process, in the
 * order the devices sent them (competing consumers could record an older status over a newer
 * one), and another process takes over when that one goes. Acks and config pushes are published
 * to amq.topic, where the devices' MQTT subscriptions are bound, each awaiting the node's confirm
 * under the PUBACK deadline (ConfirmDeadline).
 */
export class AmqpIngestTransport implements IngestTransport {
  private connection: ChannelModel | null = null;
  private channel: ConfirmChannel | null = null;
  private deadline: ConfirmDeadline | null = null;
  private onMessage: ((topic: string, payload: Buffer) => Promise<void>) | null = null;
  private stopping = false;
  private next = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly ctx: AmqpIngestOptions) {
    if (ctx.urls.length === 0) throw new AlprError('ALPR_ERR_USAGE', 'AMQP ingest needs at least one node URL');
  }

  async start(onMessage: (topic: string, payload: Buffer) => Promise<void>): Promise<void> {
    this.onMessage = onMessage;
    this.stopping = false;
    // Ingest keeps no clock of its own (it is given `now` for timestamps): the deadline runs on the system's.
    this.deadline = new ConfirmDeadline({
      timeoutMs: this.ctx.confirmTimeoutMs ?? DEFAULT_PUBACK_TIMEOUT_MS, clock: systemClock, logger: this.ctx.logger,
      cut: (error) => this.cut(error),
    });
    this.deadline.start();
    const errors: string[] = [];
    // One pass over the nodes: the first that takes the hub wins.
    for (let i = 0; i < this.ctx.urls.length; i++) {
      try {
        await this.connect();
        return;
      } catch (err) {
        errors.push(errorMessage(err));
      }
    }
    this.deadline.stop();
    throw new AlprError('ALPR_ERR_SYNC_BROKER', `no AMQP node took the hub: ${errors.join('; ')}`);
  }

  get connected(): boolean {
    return this.channel !== null;
  }

  /**
   * Under publisher confirms and their deadline. Not awaited, as over MQTT: one the node never
   * confirms fails and is logged; the device resends its batch and gets the ack again.
   */
  publish(topic: string, payload: Buffer, options: { retain: boolean }): void {
    const channel = this.channel;
    const deadline = this.deadline;
    if (!channel || !deadline) {
      this.ctx.logger.warn({ topic }, 'not connected to the broker: message to the device dropped (it resends its batch)');
      return;
    }
    // AMQP has no retained messages: a config push reaches the devices connected now.
    if (options.retain) this.ctx.logger.debug({ topic }, 'retained publish over AMQP is sent unretained');
    // An ack (or a time push) goes transient and at QoS 0 (the MQTT plugin reads the QoS from
    // this header; without it, QoS 1): no disk write on every node that mirrors the device's
    // queue and no PUBACK back. One lost with a dying node or connection costs a resend the
    // store drops by read id (the uplink resends what was in flight when it reconnects). A push
    // that should stick (a new sealing key) stays persistent and QoS 1.
    const properties = options.retain ? { deliveryMode: 2 } : { deliveryMode: 1, headers: { 'x-mqtt-publish-qos': { '!': 'byte', value: 0 } } };
    deadline.publish((confirmed) => channel.publish(EXCHANGE, topic.replaceAll('/', '.'), payload, properties, confirmed)).catch((err: unknown) => {
      this.ctx.logger.warn({ topic, err: loggableError(err) }, 'publish to a device failed');
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.deadline?.stop();
    const connection = this.connection;
    // No new deliveries; those in hand are acknowledged (or left to the broker) before the close.
    await Promise.allSettled([...this.pending]);
    this.channel = null;
    this.connection = null;
    await connection?.close().catch(() => undefined);
  }

  /** Connects to the next node in turn and starts consuming; rejects if that node does not take the hub. */
  private async connect(): Promise<void> {
    const url = new URL(this.ctx.urls[this.next % this.ctx.urls.length]!);
    this.next++;
    const amqp = await import('amqplib');
    const connection = await amqp.connect({
      protocol: 'amqp', hostname: url.hostname, port: Number(url.port || 5672), username: this.ctx.username, password: this.ctx.password,
      // A dead node is noticed within two missed heartbeats; one that does not answer at all, after the timeout.
      vhost: '/', heartbeat: 5,
    }, { timeout: CONNECT_TIMEOUT_MS });
    connection.on('error', (err: Error) => this.ctx.logger.warn({ url: url.host, err: err.message }, 'ingest AMQP connection error'));
    try {
      // Confirms: the deadline on acks needs the node to answer each publish.
      const channel = await connection.createConfirmChannel();
      const queue = this.ctx.queue ?? DEFAULT_INGEST_QUEUE;
      // Quorum: replicated on the cluster's nodes, so a node's death loses no batch.
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await channel.bindQueue(queue, EXCHANGE, READS_KEY);
      const statusQueue = this.ctx.statusQueue ?? DEFAULT_STATUS_QUEUE;
      await channel.assertQueue(statusQueue, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-single-active-consumer': true } });
      await channel.bindQueue(statusQueue, EXCHANGE, STATUS_KEY);
      await channel.prefetch(this.ctx.prefetch ?? 32);
      // In place before the first delivery, which may come at once (a backlog in the queue).
      this.connection = connection;
      this.channel = channel;
      this.deadline?.connected();
      connection.on('close', () => this.lost(connection, url.host));
      for (const name of [statusQueue, queue]) {
        await channel.consume(name, (msg) => {
          if (msg) this.deliver(channel, msg);
          // The broker cancelled the consumer (the queue was deleted): start over on another node.
          else void connection.close().catch(() => undefined);
        }, { noAck: false });
      }
      this.ctx.logger.info({ url: url.host, queue }, 'ingest consuming from the broker cluster');
    } catch (err) {
      if (this.connection === connection) {
        this.connection = null;
        this.channel = null;
      }
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  private deliver(channel: Channel, msg: ConsumeMessage): void {
    const handled = this.onMessage!(msg.fields.routingKey.replaceAll('.', '/'), msg.content).then(
      () => {
        if (this.channel === channel) settle(() => channel.ack(msg));
      },
      () => {
        // Stopping or disconnected: the channel's close hands the batch back by itself.
        if (this.stopping) return;
        setTimeout(() => {
          if (this.channel === channel) settle(() => channel.nack(msg, false, true));
        }, REQUEUE_DELAY_MS);
      },
    );
    this.pending.add(handled);
    void handled.finally(() => this.pending.delete(handled));
  }

  /**
   * Drops the connection without the broker's close-ok, which a node that confirms nothing may
   * never send either; 'close' follows, and with it the next node. amqplib has no public call for
   * this: its socket is destroyed.
   */
  private cut(error: AlprError): void {
    const connection = this.connection;
    if (connection) (connection.connection as unknown as { stream: Duplex }).stream.destroy(error);
  }

  /** The node went away (or closed the connection): its unacknowledged batches go back to the queue; consume from another node. */
  private lost(connection: ChannelModel, host: string): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.channel = null;
    if (this.stopping) return;
    this.ctx.logger.warn({ url: host }, 'ingest lost its broker node; trying the next');
    this.reconnect(RECONNECT_MIN_MS);
  }

  private reconnect(delayMs: number): void {
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopping) return;
      this.connect().catch((err: unknown) => {
        this.ctx.logger.warn({ err: errorMessage(err), retryInMs: delayMs }, 'ingest could not reach a broker node');
        this.reconnect(Math.min(delayMs * 2, RECONNECT_MAX_MS));
      });
    }, delayMs);
  }
}

/** An ack or nack on a channel that closed meanwhile throws; the broker has requeued the batch already. */
function settle(send: () => void): void {
  try {
    send();
  } catch {
    // the channel closed: nothing left to settle
  }
}
