/**
 * Closed-loop load: `clients` loops, each sending its next request as soon as the last one answered,
 * for `seconds`. Requests pick a flow endpoint of one of the teams (nine in ten) or the delivery summary,
 * from a seeded sequence, with `Accept-Encoding: gzip, br` as a browser sends it.
 */
import { createRandom } from '../../service/src/metrics/forecast/random.ts';
import type { Client } from './client.ts';

export interface LoadResult {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function runLoad(
  client: Client,
  flowPaths: readonly string[],
  options: { clients: number; seconds: number; deliveryPath: string },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const loop = async (seed: number) => {
    const random = createRandom(seed);
    while (performance.now() < deadline) {
      const path =
        random() < 0.1
          ? options.deliveryPath
          : (flowPaths[Math.floor(random() * flowPaths.length)] ?? options.deliveryPath);
      const answer = await client.get(path, { 'accept-encoding': 'gzip, br' });
      if (answer.status === 200) latencies.push(answer.ms);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => loop(n + 1)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
