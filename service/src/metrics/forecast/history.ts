/** The throughput history forecasts sample: the last N days' completions up to the basis day, zeros kept. */
import { dailyThroughput } from '../flow/throughput.ts';
import type { FlowSnapshot } from '../flow/snapshot.ts';

/** Daily throughput of the `historyDays` days ending on `basisDay` (the snapshot taken at its end). */
export function throughputHistory(snapshot: FlowSnapshot, basisDay: number, historyDays: number): Int32Array {
  return dailyThroughput(snapshot, basisDay - historyDays + 1, basisDay);
}
