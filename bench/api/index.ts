/**
 * API benchmarks over a synthetic store the size of the large organization (see store.ts), with the
 * server in a child process: one team's hub view cold and warm (500 of 40,000 items; 20,000 items),
 * answer sizes with and without compression (10,000 items), and 50 clients for 30 s over a mix of flow
 * endpoints and the delivery summary, first with cold caches, then warm.
 * Knobs: BENCH_API_SECONDS (30), BENCH_API_CLIENTS (50), BENCH_API_STORE (reuse a built store file).
 * Run alone: node --import tsx bench/api/index.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from '../benchRow.ts';
import { benchToken, createClient, startServer, type Client } from './client.ts';
import { runLoad } from './load.ts';
import { BENCH_ORGANIZATION, BIG, buildBenchStore, TEAMS, type BenchTeam } from './store.ts';

const RANGE = 'from=2026-06-01&to=2026-11-30';
/** What the Flow hub asks for one view: the summary, the charts' endpoints and a forecast. */
const VIEW = [
  `flow/summary?${RANGE}`,
  `flow/cycle-time?${RANGE}`,
  `flow/lead-time?${RANGE}`,
  `flow/throughput?${RANGE}`,
  `flow/wip?${RANGE}`,
  `flow/aging?${RANGE}`,
  `flow/cumulative-flow?${RANGE}`,
  'flow/forecast/how-many?by=2026-12-31',
] as const;
export const DELIVERY_SUMMARY = `/organizations/${BENCH_ORGANIZATION}/projects/${BIG}/delivery/summary?from=2025-12-01&to=2026-11-30`;
const ENCODINGS = { identity: 'identity', gzip: 'gzip', br: 'br' } as const;

export const teamPath = (team: BenchTeam, endpoint: string) =>
  `/organizations/${BENCH_ORGANIZATION}/projects/${BIG}/teams/${team}/${endpoint}`;

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Every endpoint of the view at once, as the hub does; the view's time is the slowest answer. */
async function view(client: Client, team: BenchTeam, etags?: Map<string, string>): Promise<number> {
  const started = performance.now();
  const answers = await Promise.all(
    VIEW.map((endpoint) => {
      const path = teamPath(team, endpoint);
      const tag = etags?.get(path);
      return client
        .get(path, { 'accept-encoding': 'gzip, br', ...(tag === undefined ? {} : { 'if-none-match': tag }) })
        .then((answer) => ({ path, answer }));
    }),
  );
  for (const { path, answer } of answers) {
    if (answer.status !== 200 && answer.status !== 304) throw new Error(`${path} answered ${answer.status}`);
    if (etags !== undefined && answer.etag !== undefined && !etags.has(path)) etags.set(path, answer.etag);
  }
  return performance.now() - started;
}

async function teamView(client: Client, team: BenchTeam): Promise<BenchRow[]> {
  const etags = new Map<string, string>();
  const cold = await view(client, team, etags);
  const warm = median(await sequence(5, () => view(client, team)));
  const revalidated = median(await sequence(5, () => view(client, team, etags)));
  const label =
    team === 'Small' ? 'team of 500 in a project of 40,000' : `team of ${TEAMS[team].toLocaleString('en')}`;
  return [
    { name: `view (${VIEW.length} endpoints), ${label}: cold`, value: round(cold), unit: 'ms' },
    { name: `view, ${label}: warm (median of 5)`, value: round(warm), unit: 'ms' },
    { name: `view, ${label}: all 304 (median of 5)`, value: round(revalidated), unit: 'ms' },
  ];
}

async function sequence(count: number, work: () => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let n = 0; n < count; n++) results.push(await work());
  return results;
}

async function oneRevalidation(client: Client): Promise<BenchRow> {
  const path = teamPath('Small', `flow/throughput?${RANGE}`);
  const first = await client.get(path);
  const tag = first.etag ?? '';
  const times = await sequence(20, async () => (await client.get(path, { 'if-none-match': tag })).ms);
  return { name: 'one 304 (ETag revalidation), median of 20', value: round(median(times)), unit: 'ms' };
}

async function sizes(client: Client): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, encoding] of Object.entries(ENCODINGS)) {
    let total = 0;
    for (const endpoint of VIEW) {
      const answer = await client.get(teamPath('Medium', endpoint), { 'accept-encoding': encoding });
      total += answer.bytes;
    }
    rows.push({ name: `view bytes, team of 10,000 (${name})`, value: Math.round(total / 1024), unit: 'KiB' });
  }
  return rows;
}

export async function runApiBenchmarks(): Promise<BenchRow[]> {
  const seconds = Number(process.env['BENCH_API_SECONDS'] ?? 30);
  const clients = Number(process.env['BENCH_API_CLIENTS'] ?? 50);
  const given = process.env['BENCH_API_STORE'];
  const directory = given === undefined ? mkdtempSync(join(tmpdir(), 'seika-bench-api-')) : undefined;
  const storePath = given ?? join(directory ?? tmpdir(), 'bench.sqlite');
  const rows: BenchRow[] = [];
  try {
    if (!existsSync(storePath)) {
      const started = performance.now();
      const store = await buildBenchStore(storePath);
      rows.push(
        { name: 'store: work items (synthetic, large organization)', value: store.workItems, unit: 'items' },
        { name: 'store: state transitions', value: store.transitions, unit: 'rows' },
        { name: 'store: raw pages', value: store.rawPages, unit: 'pages' },
        { name: 'store: build time', value: round((performance.now() - started) / 1000), unit: 's' },
      );
    }
    const token = await benchToken();
    let server = await startServer(storePath);
    let client = createClient(server.port, token);
    // "Cold" is a running service that has not answered this team yet: one answer for another team and
    // range first, so the process's own start-up (module loading, JIT) is not counted in the view.
    await client.get(teamPath('Medium', 'flow/throughput?from=2025-01-01&to=2025-03-31'));
    rows.push(...(await teamView(client, 'Small')), ...(await teamView(client, 'Large')));
    rows.push(await oneRevalidation(client), ...(await sizes(client)));
    client.close();
    await server.stop();

    server = await startServer(storePath);
    client = createClient(server.port, token);
    const paths = [
      ...(['Small', 'Medium', 'Large'] as const).flatMap((team) =>
        VIEW.map((endpoint) => teamPath(team, endpoint)),
      ),
      DELIVERY_SUMMARY,
    ];
    for (const phase of ['cold', 'warm'] as const) {
      const result = await runLoad(client, paths, { clients, seconds, deliveryPath: DELIVERY_SUMMARY });
      const aim = phase === 'cold' ? '< 300 ms' : '< 50 ms';
      rows.push(
        {
          name: `load ${clients}×${seconds}s (${phase} start): requests`,
          value: result.requests,
          unit: 'req',
        },
        { name: `load (${phase}): throughput`, value: round(result.throughput), unit: 'req/s' },
        { name: `load (${phase}): p50`, value: round(result.p50), unit: 'ms' },
        { name: `load (${phase}): p95`, value: round(result.p95), unit: 'ms', target: aim },
        { name: `load (${phase}): p99`, value: round(result.p99), unit: 'ms' },
        { name: `load (${phase}): errors and timeouts`, value: result.errors, unit: 'req', target: '0' },
      );
    }
    client.close();
    await server.stop();
  } finally {
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runApiBenchmarks();
  console.table(rows.map((row) => ({ ...row, target: row.target ?? '' })));
}
