/** One 10,000-trial Monte Carlo forecast of each kind. Run: node --import tsx bench/flow/forecast.ts */
import { pathToFileURL } from 'node:url';
import { forecastHowMany } from '../../service/src/metrics/forecast/howMany.ts';
import { forecastWhenDone } from '../../service/src/metrics/forecast/whenDone.ts';
import type { BenchRow } from './measure.ts';
import { medianMs, printRows } from './measure.ts';

/** 30 days of a team finishing about 2 items a day, zero days included. */
const HISTORY = [0, 3, 1, 0, 2, 4, 0, 0, 2, 1, 5, 2, 0, 1, 3, 0, 0, 2, 2, 6, 1, 0, 0, 3, 2, 1, 4, 0, 2, 1];

export function benchForecast(): BenchRow[] {
  return [
    {
      name: 'forecast: how many in 30 days, 10,000 trials',
      value: medianMs(() => forecastHowMany({ history: HISTORY, days: 30 }), 9, 3),
      unit: 'ms',
      target: '< 50 ms',
    },
    {
      name: 'forecast: when will 100 items be done, 10,000 trials',
      value: medianMs(() => forecastWhenDone({ history: HISTORY, items: 100, startDay: '2026-04-01' }), 9, 3),
      unit: 'ms',
      target: '< 50 ms',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(benchForecast());
