import { parseTopic } from '../../sync/index.js';

/**
 * Whether a message a hub client received is a device's batch or alert replayed from the
 * broker's retained store rather than sent now. A broker sets the retain flag on a delivery only
 * when it hands a stored message to a new subscription; as a device sends one, it reaches the
 * subscribers without the flag. The appliance never publishes a batch or alert retained, so one
 * in the store was left there on purpose (a stolen device token: RabbitMQ's topic authorisation
 * never sees the flag, and Mosquitto keeps what it is given), and it would come again at every
 * subscription of every hub client: an alert raised again, a batch opened and stored again
 * (reads the purge may have deleted since). What the device sent live came live, and a batch the
 * hub never acked is sent again by the appliance, so nothing is lost by ignoring these. A status
 * is retained by design (the hub learns the fleet's state from it when it subscribes): not this.
 */
export function replayedFromStore(packet: { topic: string; retain?: boolean }): boolean {
  if (!packet.retain) return false;
  const kind = parseTopic(packet.topic)?.kind;
  return kind === 'reads' || kind === 'alerts';
}
