/**
 * Scaling of all flow metrics from 100k to 1M transitions (10 per item), with peak memory.
 * Run: node --import tsx bench/flow/scaling.ts
 */
import { pathToFileURL } from 'node:url';
import { parseTeamFlowConfig } from '../../service/src/metrics/flow/config.ts';
import { computeFlowMetrics } from '../../service/src/metrics/flow/flowMetrics.ts';
import type { BenchRow } from './measure.ts';
import { medianMs, printRows } from './measure.ts';
import { syntheticFlowItems, syntheticWorkflow, transitionCount } from './synthetic.ts';

const SIZES = [10_000, 25_000, 50_000, 100_000];

export function benchScaling(): BenchRow[] {
  const config = parseTeamFlowConfig({ timeZone: 'Asia/Tokyo', waitingStates: ['Blocked'] });
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const items = syntheticFlowItems(size, 10, 1460);
    const revisions = transitionCount(items);
    const ms = medianMs(
      () =>
        computeFlowMetrics({
          items,
          workflow: syntheticWorkflow,
          config,
          fromDay: '2025-04-01',
          toDay: '2026-03-31',
        }),
      3,
      1,
    );
    const label = `${Math.round(revisions / 1000)}k`;
    rows.push({
      name: `flow scaling: ${label} transitions`,
      value: ms,
      unit: 'ms',
      target: size === 100_000 ? '< 3000 ms' : undefined,
    });
    rows.push({
      name: `flow scaling: ${label} transitions, µs per transition`,
      value: Math.round((ms * 1000 * 100) / revisions) / 100,
      unit: 'µs',
    });
  }
  rows.push({
    name: 'flow scaling: peak RSS of the process',
    value: Math.round(process.resourceUsage().maxRSS / 1024),
    unit: 'MiB',
    target: '< 1024 MiB',
  });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(benchScaling());
