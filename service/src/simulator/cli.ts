import { parseArgs } from 'node:util';
import { startSimulator } from './index.ts';

const USAGE = `usage: simulator [--seed N] [--scale tiny|demo|large] [--port P] [--host H] [--page-size N]
                 [--clock manual|realtime] [--speed X] [--no-rate-limit]`;

function fail(message: string): never {
  console.error(`simulator: ${message}\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    fail(`--${name} must be a whole number between 0 and ${max}, got '${value}'`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string' },
        scale: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'page-size': { type: 'string' },
        clock: { type: 'string' },
        speed: { type: 'string' },
        'no-rate-limit': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const scale = values.scale ?? 'demo';
  if (scale !== 'tiny' && scale !== 'demo' && scale !== 'large')
    fail(`--scale must be 'tiny', 'demo' or 'large', got '${scale}'`);
  const pageSize = wholeNumber('page-size', values['page-size'], 200, 1000);
  if (pageSize < 1) fail('--page-size must be at least 1');
  const clock = values.clock ?? 'realtime';
  if (clock !== 'manual' && clock !== 'realtime')
    fail(`--clock must be 'manual' or 'realtime', got '${clock}'`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0)) fail(`--speed must be a positive number, got '${values.speed ?? ''}'`);
  const simulator = await startSimulator({
    seed: wholeNumber('seed', values.seed, 1, 0xffffffff),
    scale,
    port: wholeNumber('port', values.port, 0, 65535),
    host: values.host ?? '127.0.0.1',
    pageSize,
    clock: { mode: clock, speed },
    rateLimit: { enabled: values['no-rate-limit'] !== true },
  });
  const state = simulator.state() as { counts: Record<string, number> };
  console.log(
    `Azure DevOps simulator listening (${scale}, seed ${values.seed ?? '1'}, clock ${clock}${clock === 'realtime' ? ` ×${speed}` : ''})`,
  );
  console.log(`organization URL: ${simulator.organizationUrl}`);
  console.log(`PAT: ${simulator.pat}`);
  console.log(`project: ${simulator.project}  team: ${simulator.team}`);
  console.log(`control: ${simulator.origin}/_simulator/state`);
  console.log(
    `data: ${Object.entries(state.counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ')}`,
  );
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
