/**
 * Judging an experiment with a process behaviour chart (XmR, Wheeler), not by comparing two averages:
 * natural process limits come from the baseline (mean ± 2.66 × mean moving range); the experiment's
 * values signal a change when one falls outside the limits, or eight in a row sit on one side of the
 * baseline's mean, or three of four sit closer to a limit than to the mean, on the same side.
 */

export interface ProcessLimits {
  mean: number;
  lower: number;
  upper: number;
}

export type ChangeSignal = 'outsideLimits' | 'runOfEight' | 'threeOfFour';
export type ExperimentVerdict = 'improved' | 'worsened' | 'noSignal' | 'tooFewPoints';

export function processLimits(baseline: readonly number[]): ProcessLimits | undefined {
  if (baseline.length < 2) return undefined;
  const mean = baseline.reduce((total, value) => total + value, 0) / baseline.length;
  let movingRange = 0;
  for (let index = 1; index < baseline.length; index++) {
    movingRange += Math.abs((baseline[index] ?? 0) - (baseline[index - 1] ?? 0));
  }
  const spread = 2.66 * (movingRange / (baseline.length - 1));
  return { mean, lower: mean - spread, upper: mean + spread };
}

/** Signals in `values` against `limits`, each with its side: +1 above the mean, −1 below. */
export function changeSignals(
  limits: ProcessLimits,
  values: readonly number[],
): { signal: ChangeSignal; side: 1 | -1 }[] {
  const found: { signal: ChangeSignal; side: 1 | -1 }[] = [];
  const sideOf = (value: number): 1 | -1 | 0 => (value > limits.mean ? 1 : value < limits.mean ? -1 : 0);
  for (const value of values) {
    if (value > limits.upper) found.push({ signal: 'outsideLimits', side: 1 });
    if (value < limits.lower) found.push({ signal: 'outsideLimits', side: -1 });
  }
  for (let end = 8; end <= values.length; end++) {
    const sides = values.slice(end - 8, end).map(sideOf);
    const first = sides[0] ?? 0;
    if (first !== 0 && sides.every((side) => side === first)) {
      found.push({ signal: 'runOfEight', side: first });
      break;
    }
  }
  const upperZone = limits.mean + (limits.upper - limits.mean) / 2;
  const lowerZone = limits.mean - (limits.mean - limits.lower) / 2;
  for (let end = 4; end <= values.length; end++) {
    const window = values.slice(end - 4, end);
    if (window.filter((value) => value > upperZone).length >= 3) {
      found.push({ signal: 'threeOfFour', side: 1 });
      break;
    }
    if (window.filter((value) => value < lowerZone).length >= 3) {
      found.push({ signal: 'threeOfFour', side: -1 });
      break;
    }
  }
  return found;
}

/** Whether the experiment moved the measure the desired way (`better`: which side is an improvement). */
export function judgeExperiment(
  baseline: readonly number[],
  during: readonly number[],
  better: 'higher' | 'lower',
): { verdict: ExperimentVerdict; signals: ChangeSignal[]; limits: ProcessLimits | undefined } {
  const limits = processLimits(baseline);
  if (limits === undefined || during.length < 4) return { verdict: 'tooFewPoints', signals: [], limits };
  const signals = changeSignals(limits, during);
  const wanted = better === 'higher' ? 1 : -1;
  const improving = signals.filter((signal) => signal.side === wanted);
  const worsening = signals.filter((signal) => signal.side !== wanted);
  const verdict: ExperimentVerdict =
    improving.length > 0 && worsening.length === 0
      ? 'improved'
      : worsening.length > 0 && improving.length === 0
        ? 'worsened'
        : 'noSignal';
  return { verdict, signals: signals.map((signal) => signal.signal), limits };
}
