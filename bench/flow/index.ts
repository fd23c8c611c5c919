/** All flow benchmarks, for `npm run bench` to aggregate. Run alone: node --import tsx bench/flow/index.ts */
import { pathToFileURL } from 'node:url';
import { benchAllMetrics } from './allMetrics.ts';
import { benchForecast } from './forecast.ts';
import type { BenchRow } from './measure.ts';
import { printRows } from './measure.ts';
import { benchScaling } from './scaling.ts';

export type { BenchRow } from './measure.ts';

export async function runFlowBenchmarks(): Promise<BenchRow[]> {
  return [...benchAllMetrics(), ...benchForecast(), ...benchScaling()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(await runFlowBenchmarks());
