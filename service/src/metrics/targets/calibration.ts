/**
 * Seika's own calibration: of the targets it gave about an 85% chance, how many were met. Predictions are
 * grouped in bands of ten points; a well-calibrated band's share met is close to its mean prediction.
 */

export interface Prediction {
  /** The probability Seika gave, 0–1 (e.g. on the sprint's first working day). */
  probability: number;
  met: boolean;
}

export interface CalibrationBand {
  /** Lower bound of the band, in percent: 0, 10, …, 90 (90 holds 90–100). */
  fromPercent: number;
  predictions: number;
  meanPredicted: number;
  shareMet: number;
}

export function calibrationBands(predictions: readonly Prediction[]): CalibrationBand[] {
  const bands: { sum: number; met: number; count: number }[] = Array.from({ length: 10 }, () => ({
    sum: 0,
    met: 0,
    count: 0,
  }));
  for (const prediction of predictions) {
    const index = Math.min(9, Math.max(0, Math.floor(prediction.probability * 10)));
    const band = bands[index];
    if (band === undefined) continue;
    band.sum += prediction.probability;
    band.count += 1;
    if (prediction.met) band.met += 1;
  }
  return bands.flatMap((band, index) =>
    band.count === 0
      ? []
      : [
          {
            fromPercent: index * 10,
            predictions: band.count,
            meanPredicted: band.sum / band.count,
            shareMet: band.met / band.count,
          },
        ],
  );
}

/** "Of the targets given from `fromPercent`% up to `toPercent`% (100 included), how many were met". */
export function metAmongPredicted(
  predictions: readonly Prediction[],
  fromPercent: number,
  toPercent = fromPercent + 10,
) {
  const upper = toPercent >= 100 ? Number.POSITIVE_INFINITY : toPercent;
  const inRange = predictions.filter(
    (prediction) => prediction.probability * 100 >= fromPercent && prediction.probability * 100 < upper,
  );
  return { predictions: inRange.length, met: inRange.filter((prediction) => prediction.met).length };
}
