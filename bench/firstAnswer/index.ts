/**
 * Time to the first flow answer (issue 13): from connecting an organization (a process that never talked
 * to it: no discovered routes) to the first team's Flow summary computed from what the sync stored
 * (measure.ts). The simulator answers every request 150 ms late, under its default budget (200 TSTUs per
 * five minutes). A Flow answer reads the team metadata and the revisions: the sync runs them first, the
 * links after the revisions and the delivery streams after every work-item stream; an organization with
 * several projects is backfilled one project after another, so the first project's teams get their answer
 * after its share. The answer and the end of the revisions stream are compared with their floors: the
 * least time their revisions requests (their TSTUs as the simulator charged them, in order, 150 ms each)
 * take without the usage in any five minutes passing 200 TSTUs.
 * Rows: the demo organization, then a share of the large one of about BENCH_FIRST_ANSWER_ITEMS work items
 * (10,000; 0 leaves it out).
 * Run alone: node --import tsx bench/firstAnswer/index.ts
 */
import { pathToFileURL } from 'node:url';
import { formatTable, type BenchRow } from '../benchRow.ts';
import { BUDGET_TSTUS } from './floor.ts';
import { measureFirstAnswer, type FirstAnswer } from './measure.ts';

/** Work items the sync stores per unit of the large organization's factor (measured: 7,809 at 0.054). */
const LARGE_ITEMS = 144_600;

const ratio = (seconds: number, floor: number) => (floor > 0 ? seconds / floor : 0);
/** The floor aim applies where the limit sets the pace: past the first window's 200 TSTUs. */
const floorTarget = (tstus: number) => (tstus > BUDGET_TSTUS ? '≤ 1.1 ×' : '(latency-bound)');

function rows(label: string, result: FirstAnswer): BenchRow[] {
  const row = (name: string, value: number, unit: string, target?: string): BenchRow => ({
    name: `${label}: ${name}`,
    value,
    unit,
    ...(target === undefined ? {} : { target }),
  });
  return [
    row('work items', result.items, 'items'),
    row('projects', result.projects, 'projects'),
    row('connect → first Flow summary', result.answerSeconds, 's', '< 120 s'),
    row("the answer's project: work items", result.answerProjectItems, 'items'),
    row('requests until then (every stream)', result.requests, 'requests'),
    row('TSTUs charged until then (every stream)', result.tstuCharged, 'TSTU'),
    row('revisions TSTUs until then', result.answerRevisionTstus, 'TSTU'),
    row('their floor under the limit', result.answerFloorSeconds, 's'),
    row(
      'first answer ÷ that floor',
      ratio(result.answerSeconds, result.answerFloorSeconds),
      '×',
      floorTarget(result.answerRevisionTstus),
    ),
    row('connect → every project’s revisions stored', result.revisionsSeconds, 's'),
    row('revisions stream: requests', result.revisionRequests, 'requests'),
    row('revisions stream: TSTUs', result.revisionTstus, 'TSTU'),
    row('revisions stream: its floor under the limit', result.revisionFloorSeconds, 's'),
    row(
      'every project’s revisions ÷ that floor',
      ratio(result.revisionsSeconds, result.revisionFloorSeconds),
      '×',
      floorTarget(result.revisionTstus),
    ),
    row("the answer's throughput (items finished)", result.throughputItems, 'items'),
  ];
}

export async function runFirstAnswerBenchmarks(): Promise<BenchRow[]> {
  const results = rows('demo (seed 7)', await measureFirstAnswer({ seed: 7, scale: 'demo' }));
  const wanted = Number(process.env['BENCH_FIRST_ANSWER_ITEMS'] ?? '10000');
  if (wanted <= 0) return results;
  const factor = wanted / LARGE_ITEMS;
  const large = await measureFirstAnswer({ seed: 7, scale: 'large', largeFactor: factor });
  return [...results, ...rows(`large×${factor.toFixed(3)}`, large)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatTable('first answer', await runFirstAnswerBenchmarks()));
}
