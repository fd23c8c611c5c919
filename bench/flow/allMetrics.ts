/** All flow metrics for one team of 20,000 items (~200,000 transitions). Run: node --import tsx bench/flow/allMetrics.ts */
import { pathToFileURL } from 'node:url';
import type { TeamScope } from '../../service/src/domain/records.ts';
import { parseTeamFlowConfig } from '../../service/src/metrics/flow/config.ts';
import { computeFlowMetrics } from '../../service/src/metrics/flow/flowMetrics.ts';
import type { BenchRow } from './measure.ts';
import { medianMs, printRows } from './measure.ts';
import { SYNTHETIC_TEAM_AREA, syntheticFlowItems, syntheticWorkflow, transitionCount } from './synthetic.ts';

const scope: TeamScope = {
  field: 'System.AreaPath',
  values: [{ value: SYNTHETIC_TEAM_AREA, includeChildren: true }],
  backlogWorkItemTypes: ['User Story', 'Bug'],
};

export function benchAllMetrics(): BenchRow[] {
  const items = syntheticFlowItems(20_000);
  const config = parseTeamFlowConfig({ timeZone: 'Asia/Tokyo', waitingStates: ['Blocked', 'Ready'] });
  const run = (fromDay: string) => () =>
    computeFlowMetrics({ items, workflow: syntheticWorkflow, scope, config, fromDay, toDay: '2026-03-31' });
  return [
    { name: 'flow: input transitions (20k items)', value: transitionCount(items), unit: 'transitions' },
    {
      name: 'flow: all metrics, 20k items, 90-day range',
      value: medianMs(run('2026-01-01'), 9, 5),
      unit: 'ms',
      target: '< 200 ms',
    },
    {
      name: 'flow: all metrics, 20k items, 365-day range',
      value: medianMs(run('2025-04-01'), 9, 5),
      unit: 'ms',
      target: '< 200 ms',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(benchAllMetrics());
