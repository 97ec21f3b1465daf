import { connect, type Socket } from 'node:net';

/** Raised when the other end hung up before the database said anything: a TCP proxy whose database is down. */
const hungUp = (host: string, port: number) =>
  Object.assign(new Error(`${host}:${port} closed the connection before the database answered`), { code: 'CONNECT_CLOSED' });

/**
 * postgres.js `socket` option for Node (a DATABASE_URL names one TCP host). A proxy in front of a database that is down (HAProxy,
 * a cloud SQL proxy) accepts the connection and then hangs up without a word; postgres.js takes that for a
 * dropped connection and reconnects at once, forever, while the query waits. Here such a hang-up is an
 * error, which fails the query instead. PostgreSQL itself always answers (an error at worst) before closing.
 * postgres.js writes the startup message at once; the socket holds it until it is connected, and
 * connect_timeout still applies.
 */
export function hangUpFails({ host, port }: { host: string[]; port: number[] }): Socket {
  const socket = connect(port[0]!, host[0]!);
  let answered = false;
  socket.once('data', () => (answered = true));
  socket.once('end', () => answered || socket.destroy(hungUp(host[0]!, port[0]!)));
  return socket;
}
