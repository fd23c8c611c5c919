import { REFERENCE_SOURCE, type DoraBand, type ReferenceBand } from './model.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function band(value: DoraBand): ReferenceBand {
  return { band: value, source: REFERENCE_SOURCE };
}

/** ≥ 5 deployment days per week: elite; ≥ 1 per week: high; ≥ 1 per month: medium; less: low. */
export function deploymentFrequencyBand(
  medianDaysPerWeek: number,
  medianDaysPerMonth: number,
): ReferenceBand {
  if (medianDaysPerWeek >= 5) return band('elite');
  if (medianDaysPerWeek >= 1) return band('high');
  if (medianDaysPerMonth >= 1) return band('medium');
  return band('low');
}

/** < 1 day: elite; < 1 week: high; < 1 month (30 days, as DevLake): medium; otherwise low. */
export function leadTimeBand(medianMs: number): ReferenceBand {
  if (medianMs < DAY_MS) return band('elite');
  if (medianMs < 7 * DAY_MS) return band('high');
  if (medianMs < 30 * DAY_MS) return band('medium');
  return band('low');
}

/** ≤ 5%: elite; ≤ 10%: high; ≤ 15%: medium; > 15%: low. `rate` is a fraction (0.05 = 5%). */
export function changeFailureRateBand(rate: number): ReferenceBand {
  // Round away binary noise: 3/20 · 100 is 15.000000000000002 in floating point.
  const percent = Math.round(rate * 100 * 1e9) / 1e9;
  if (percent <= 5) return band('elite');
  if (percent <= 10) return band('high');
  if (percent <= 15) return band('medium');
  return band('low');
}

/** < 1 hour: elite; < 1 day: high; < 1 week: medium; otherwise low. */
export function recoveryTimeBand(medianMs: number): ReferenceBand {
  if (medianMs < HOUR_MS) return band('elite');
  if (medianMs < DAY_MS) return band('high');
  if (medianMs < 7 * DAY_MS) return band('medium');
  return band('low');
}
