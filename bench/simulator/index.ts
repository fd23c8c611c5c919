/**
 * Simulator benchmark: generating the large organization (seconds, peak memory, size) and serving one
 * page of 200 reporting revisions to 1 and to 16 concurrent clients (p50/p99). Bounded loops on
 * 127.0.0.1 only. Run alone: node --import tsx bench/simulator/index.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandom } from '../../service/src/simulator/model/random.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

interface ServerReport {
  url: string;
  pat: string;
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  counts: Record<string, number>;
}

const PAGE = 200;
const WARMUP = 20;
const SINGLE_REQUESTS = 300;
const CONCURRENT_CLIENTS = 16;
const REQUESTS_PER_CLIENT = 60;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function startServer(): Promise<{ report: ServerReport; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line !== undefined && output.includes('\n', output.indexOf(line)))
        resolve({
          report: JSON.parse(line) as ServerReport,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    void exited.then(() => reject(new Error(`simulator child exited: ${output}`)));
  });
}

async function timedPage(report: ServerReport, watermark: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(
    `${report.url}/_apis/wit/reporting/workitemrevisions?continuationToken=${watermark}&$maxPageSize=${PAGE}`,
    {
      headers: { Authorization: `Basic ${Buffer.from(`:${report.pat}`).toString('base64')}` },
    },
  );
  const body = (await response.json()) as { values: unknown[] };
  if (response.status !== 200 || body.values.length !== PAGE)
    throw new Error(`unexpected page: ${response.status}`);
  return performance.now() - started;
}

export async function runSimulatorBenchmarks(): Promise<BenchRow[]> {
  const { report, stop } = await startServer();
  try {
    const revisions = report.counts.revisions ?? 0;
    const random = createRandom(42);
    const watermark = (): number => random.int(0, Math.max(0, revisions - PAGE - 1));
    for (let n = 0; n < WARMUP; n += 1) await timedPage(report, watermark());
    const single: number[] = [];
    for (let n = 0; n < SINGLE_REQUESTS; n += 1) single.push(await timedPage(report, watermark()));
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async () => {
        for (let n = 0; n < REQUESTS_PER_CLIENT; n += 1)
          concurrent.push(await timedPage(report, watermark()));
      }),
    );
    single.sort((a, b) => a - b);
    concurrent.sort((a, b) => a - b);
    const ms = (value: number): number => Math.round(value * 100) / 100;
    return [
      {
        name: 'large: generate (wall)',
        value: Math.round(report.seconds * 10) / 10,
        unit: 's',
        target: '< 60 s',
      },
      { name: 'large: generate (CPU)', value: Math.round(report.cpuSeconds * 10) / 10, unit: 's' },
      {
        name: 'large: peak resident memory',
        value: Math.round(report.maxRssMiB),
        unit: 'MiB',
        target: '< 2048 MiB',
      },
      { name: 'large: work items', value: report.counts.workItems ?? 0, unit: 'items', target: '≥ 100,000' },
      { name: 'large: revisions', value: revisions, unit: 'revisions', target: '≥ 1,000,000' },
      { name: 'large: builds', value: report.counts.builds ?? 0, unit: 'builds', target: '≥ 200,000' },
      { name: 'page of 200 revisions, 1 client p50', value: ms(percentile(single, 50)), unit: 'ms' },
      { name: 'page of 200 revisions, 1 client p99', value: ms(percentile(single, 99)), unit: 'ms' },
      {
        name: `page of 200 revisions, ${CONCURRENT_CLIENTS} clients p50`,
        value: ms(percentile(concurrent, 50)),
        unit: 'ms',
      },
      {
        name: `page of 200 revisions, ${CONCURRENT_CLIENTS} clients p99`,
        value: ms(percentile(concurrent, 99)),
        unit: 'ms',
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await runSimulatorBenchmarks())
    console.log(
      `${row.name.padEnd(44)} ${String(row.value).padStart(12)} ${row.unit.padEnd(10)} ${row.target ?? ''}`,
    );
}
