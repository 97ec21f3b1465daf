import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface TcpProxy {
  /** `url` with its host and port replaced by the proxy's. */
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the database at `url`, like HAProxy or a cloud SQL proxy. When the database
 * cannot be reached it either hangs up on the client ('hang-up') or keeps the client's connection open
 * without a word ('hold').
 */
export async function startTcpProxy(url: string, whenUnreachable: 'hang-up' | 'hold'): Promise<TcpProxy> {
  const target = new URL(url);
  const clients = new Set<Socket>();
  const server = createServer((client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    const upstream = connect(Number(target.port), target.hostname);
    upstream.on('error', () => (whenUnreachable === 'hang-up' ? client.end() : undefined));
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(url);
  proxied.port = String((server.address() as AddressInfo).port);
  return {
    url: proxied.toString(),
    async close() {
      clients.forEach((c) => c.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
