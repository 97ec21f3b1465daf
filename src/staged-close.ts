import type { Server, Socket } from 'node:net';

/** How long a closing connection keeps reading what the client still sends. */
const LINGER_MS = 2000;

/**
 * Closes connections in stages, as RFC 9112 §9.6 advises. Node closes a connection at once after an
 * answer with `Connection: close`; when that answer came before the request body was read (a 413, or a
 * 401 to a large upload), the client is still sending, the close resets the connection, and the client
 * may lose the answer (EPIPE instead of 413). Instead: send FIN after the answer, keep reading (the
 * HTTP parser discards the rest of the body), and close when the client closes its side or after
 * LINGER_MS. Node's http server ends such connections through socket.destroySoon(), so each socket
 * gets this staged version of it.
 */
export function closeInStages(server: Server): void {
  server.on('connection', (socket: Socket) => {
    socket.destroySoon = () => {
      socket.end();
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
      socket.once('end', () => socket.destroy());
    };
  });
}
