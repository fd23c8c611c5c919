import type { ServerResponse } from 'node:http';
import { serialize } from '../http.ts';
import type { Answer } from '../server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes an answer, applying its fault: `reset` destroys the connection before any byte, `truncate`
 * promises the full Content-Length and stops halfway, `slow` trickles the body at a byte rate.
 */
export async function writeAnswer(response: ServerResponse, answer: Answer): Promise<void> {
  const { payload, contentType } = serialize(answer.result);
  const fault = answer.fault;
  if (fault?.kind === 'reset') {
    response.socket?.destroy();
    return;
  }
  response.writeHead(answer.result.status, {
    'Content-Type': contentType,
    'Content-Length': payload.byteLength,
    ...answer.result.headers,
    ...answer.headers,
  });
  if (fault?.kind === 'truncate') {
    response.write(payload.subarray(0, Math.floor(payload.byteLength / 2)));
    await sleep(5);
    response.socket?.destroy();
    return;
  }
  if (fault?.kind === 'slow') {
    const chunk = Math.max(1, Math.floor(fault.bytesPerSecond / 20));
    for (let at = 0; at < payload.byteLength; at += chunk) {
      if (response.destroyed) return;
      response.write(payload.subarray(at, at + chunk));
      await sleep(50);
    }
    response.end();
    return;
  }
  response.end(payload);
}
