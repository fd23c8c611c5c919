/**
 * Child process of the simulator benchmark: generates the large organization (timed, with the peak
 * resident memory of this process), serves it on 127.0.0.1 and prints one JSON line, then waits to be
 * stopped. Kept separate so the figures are not mixed with the benchmark's own memory.
 */
import { startSimulator } from '../../service/src/simulator/index.ts';

const started = performance.now();
const simulator = await startSimulator({
  seed: 1,
  scale: 'large',
  now: new Date('2026-06-01T00:00:00Z'),
  rateLimit: { enabled: false },
});
const seconds = (performance.now() - started) / 1000;
const state = simulator.state() as { counts: Record<string, number> };
console.log(
  JSON.stringify({
    url: simulator.organizationUrl,
    pat: simulator.pat,
    seconds,
    cpuSeconds: process.cpuUsage().user / 1e6,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    counts: state.counts,
  }),
);
const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.stdin.once('end', stop);
process.stdin.resume();
