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
 * connect_timeout still applies. The one connection PostgreSQL closes without a word is the one that carries a
 * cancel request (a query cancelled for a client that left): that hang-up is its answer.
 */
export function hangUpFails({ host, port }: { host: string[]; port: number[] }): Socket {
  const socket = connect(port[0]!, host[0]!);
  let answered = false;
  let cancelling = false;
  const write = socket.write.bind(socket);
  // Only looks at what postgres.js writes first; the overloads of write are passed through as they are.
  socket.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!cancelling && isCancelRequest(chunk)) cancelling = true;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as Socket['write'];
  socket.once('data', () => (answered = true));
  socket.once('end', () => answered || cancelling || socket.destroy(hungUp(host[0]!, port[0]!)));
  return socket;
}

/** The CancelRequest message (PostgreSQL protocol, "Message Formats"): length 16, then the code 80877102. */
const CANCEL_REQUEST_CODE = 80877102;
function isCancelRequest(chunk: unknown): boolean {
  return chunk instanceof Uint8Array && chunk.byteLength === 16 && new DataView(chunk.buffer, chunk.byteOffset, 16).getInt32(4) === CANCEL_REQUEST_CODE;
}
