import { parseArgs } from 'node:util';
import { startSimulator } from './index.ts';

const USAGE = 'usage: simulator [--seed N] [--scale tiny|demo] [--port P] [--host H] [--page-size N]';

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
  if (scale === 'large') fail("--scale large is not yet supported (use 'tiny' or 'demo')");
  if (scale !== 'tiny' && scale !== 'demo') fail(`--scale must be 'tiny' or 'demo', got '${scale}'`);
  const pageSize = wholeNumber('page-size', values['page-size'], 200, 1000);
  if (pageSize < 1) fail('--page-size must be at least 1');
  const simulator = await startSimulator({
    seed: wholeNumber('seed', values.seed, 1, 0xffffffff),
    scale,
    port: wholeNumber('port', values.port, 0, 65535),
    host: values.host ?? '127.0.0.1',
    pageSize,
  });
  console.log(`Azure DevOps simulator listening`);
  console.log(`organization URL: ${simulator.organizationUrl}`);
  console.log(`project: ${simulator.project}  team: ${simulator.team}`);
  console.log(`PAT: ${simulator.pat}`);
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
