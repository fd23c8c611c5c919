/**
 * A small HTTP client for the API benchmarks: keep-alive connections through node:http, bodies counted
 * but never decompressed (so the load generator spends little of the machine's two cores).
 */
import { Agent, request } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { BENCH_SECRET } from './store.ts';
import { SEEDED_CALLER } from '../../tests/support/access.ts';

export interface Answer {
  status: number;
  bytes: number;
  ms: number;
  etag: string | undefined;
  encoding: string | undefined;
}

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  close(): void;
}

export async function benchToken(): Promise<string> {
  return new SignJWT({ nameid: SEEDED_CALLER.userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(BENCH_SECRET));
}

export function createClient(port: number, token: string, timeoutMs = 60_000): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return {
    async get(path, headers = {}) {
      const started = performance.now();
      const first = await attempt(path, headers, started);
      // A keep-alive connection the server closed while idle fails at once: send again, as browsers do.
      return first.status === 0 && first.ms < timeoutMs ? attempt(path, headers, started) : first;
    },
    close: () => agent.destroy(),
  };

  function attempt(path: string, headers: Record<string, string>, started: number): Promise<Answer> {
    return new Promise((resolve) => {
      const sent = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1${path}`,
          agent,
          timeout: timeoutMs,
          headers: {
            authorization: `Bearer ${token}`,
            'x-seika-user-token': SEEDED_CALLER.userToken,
            ...headers,
          },
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              bytes,
              ms: performance.now() - started,
              etag: response.headers.etag,
              encoding: response.headers['content-encoding'],
            }),
          );
        },
      );
      sent.on('timeout', () => sent.destroy(new Error('timeout')));
      sent.on('error', () =>
        resolve({
          status: 0,
          bytes: 0,
          ms: performance.now() - started,
          etag: undefined,
          encoding: undefined,
        }),
      );
      sent.end();
    });
  }
}

export interface ServerProcess {
  port: number;
  stop(): Promise<void>;
}

/** Starts bench/api/server.ts over `storePath` in a child process (cold caches every time). */
export async function startServer(storePath: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname, storePath],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const stdout = child.stdout;
  if (stdout === null) throw new Error('no stdout');
  const lines = createInterface({ input: stdout });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${String(code)}`)));
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
