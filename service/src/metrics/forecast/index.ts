/** Monte Carlo forecasts over sampled daily throughput. */
export * from './howMany.ts';
export * from './random.ts';
export * from './whenDone.ts';
export * from './history.ts';
