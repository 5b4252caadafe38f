import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import t from 'tap';
import { eventually, makeRead } from '../helpers/index.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

/** A broker "node": a TCP relay to the hub's broker that can die with its connections. */
async function brokerNode(target: string): Promise<{ url: string; kill(): void; connections: () => number }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    kill() {
      server.close();
      for (const s of sockets) s.destroy();
    },
    connections: () => accepted,
  };
}

t.test('when its broker node dies the uplink moves to the next node and every read arrives once', async (t) => {
  const hub = await startHub(t);
  const a = await brokerNode(hub.brokerUrl);
  const b = await brokerNode(hub.brokerUrl);
  t.teardown(() => { a.kill(); b.kill(); });
  const device = await makeDevice(t, hub, { brokerUrl: a.url, fallbackBrokerUrls: [b.url], maxReads: 20 });
  const reads = Array.from({ length: 200 }, () => makeRead({ siteId: 'site-1', deviceId: device.deviceId, capturedAt: Date.now() }));
  for (const r of reads.slice(0, 100)) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) >= 40, 30_000);
  a.kill();
  for (const r of reads.slice(100)) await device.buffer.append(r);
  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000);
  t.ok(b.connections() >= 1, 'the uplink reconnected through the second node');
  t.equal(await hub.store.countReads(), 200, 'every read is stored');
  t.same((await hub.store.allReadIds()).sort(), reads.map((r) => r.id).sort(), 'each read once, none lost, none doubled');
});
