import type { Server } from 'node:http';
import type { Express } from 'express';

/** Starts listening and resolves once the port is bound (rejects if it cannot be). */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolvePromise(server));
    server.once('error', reject);
  });
}

export function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The server is not listening on a TCP port');
  return address.port;
}
