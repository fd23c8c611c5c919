/**
 * `npm run bench`: runs every area's benchmarks in turn and prints one table per area.
 * `npm run bench -- flow delivery` runs only the named areas.
 */
import { formatTable, type BenchRow } from './benchRow.ts';

const AREAS: Record<string, () => Promise<readonly BenchRow[]>> = {
  flow: async () => (await import('./flow/index.ts')).runFlowBenchmarks(),
  delivery: async () => (await import('./delivery/index.ts')).runDeliveryBenchmarks(),
  simulator: async () => (await import('./simulator/index.ts')).runSimulatorBenchmarks(),
  sync: async () => (await import('./sync/index.ts')).runSyncBenchmarks(),
  api: async () => (await import('./api/index.ts')).runApiBenchmarks(),
  targets: async () => (await import('./targets/index.ts')).benchTargets(),
  'first-answer': async () => (await import('./firstAnswer/index.ts')).runFirstAnswerBenchmarks(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in AREAS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark areas: ${unknown.join(', ')}. Known: ${Object.keys(AREAS).join(', ')}`);
  process.exit(2);
}
for (const [area, run] of Object.entries(AREAS)) {
  if (requested.length > 0 && !requested.includes(area)) continue;
  const started = performance.now();
  const rows = await run();
  console.log(formatTable(`${area} (${((performance.now() - started) / 1000).toFixed(1)} s)`, rows));
}
