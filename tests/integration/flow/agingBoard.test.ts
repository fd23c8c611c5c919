/**
 * Aging WIP by board column: each item's column at the end of the basis day (replayed from the stored
 * column moves, also for a past day), the team's board with the WIP limits it was synced with, and the
 * ETag following a change of limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardColumnRecord } from '../../../service/src/domain/records.ts';
import { agingResponseSchema, flowSummaryResponseSchema } from '../../../service/src/contract/index.ts';
import { endOfDay } from '../../../service/src/metrics/calendar.ts';
import { startFlowApi, type FlowApiHarness } from './server.ts';

const RANGE = 'from=2026-03-01&to=2026-05-31';
const PAST = '2026-04-15';
let api: FlowApiHarness;
let moves: Map<number, { at: number; column: string }[]>;

const board = (limits: Record<string, number>): BoardColumnRecord[] =>
  ['New', 'Active', 'Resolved', 'Closed'].map((name, position) => ({
    board: 'Stories',
    position,
    id: `column-${position}`,
    name,
    columnType: position === 0 ? 'incoming' : position === 3 ? 'outgoing' : 'inProgress',
    itemLimit: limits[name] ?? 0,
    stateMappings: { 'User Story': name, Bug: name },
  }));

/** The column after the item's last stored move up to the end of the day in Tokyo (independent replay). */
function columnAtEndOf(id: number, day: string): string | null {
  const end = endOfDay(day, 'Asia/Tokyo');
  const before = (moves.get(id) ?? []).filter((move) => move.at <= end).sort((a, b) => a.at - b.at);
  return before.at(-1)?.column ?? null;
}

async function aging(query: string) {
  const { status, body, headers } = await api.json(api.flowUrl('aging', query));
  expect(status, JSON.stringify(body)).toBe(200);
  return { body: agingResponseSchema.parse(body), etag: headers.get('etag') };
}

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
  await api.replaceBoard('Stories', board({ Active: 4, Resolved: 2 }));
  moves = await api.storage.repository.getBoardColumnHistory(api.organization, api.simulator.project);
});

afterAll(async () => {
  await api?.close();
});

describe('aging by board column', () => {
  it('names the team’s board with its columns in board order, WIP limits and types', async () => {
    const { body } = await aging(RANGE);
    expect(body.board).toEqual({
      name: 'Stories',
      columns: [
        { name: 'New', itemLimit: 0, columnType: 'incoming' },
        { name: 'Active', itemLimit: 4, columnType: 'inProgress' },
        { name: 'Resolved', itemLimit: 2, columnType: 'inProgress' },
        { name: 'Closed', itemLimit: 0, columnType: 'outgoing' },
      ],
    });
  });

  it.each([
    { label: 'today', query: RANGE, day: '2026-05-31' },
    { label: 'a replayed past day', query: `${RANGE}&basis=${PAST}`, day: PAST },
  ])('gives each item its column at the end of the basis day ($label)', async ({ query, day }) => {
    const { body } = await aging(query);
    expect(body.basis).toBe(day);
    expect(body.items.length).toBeGreaterThan(3);
    const fromHistory = body.items.filter((item) => item.boardColumnSource === 'columnHistory');
    expect(fromHistory.length).toBeGreaterThan(body.items.length / 2);
    for (const item of body.items) {
      const recorded = columnAtEndOf(item.id, day);
      if (recorded === null) {
        // No move stored: the state's one column, said so.
        expect(item.boardColumnSource, String(item.id)).not.toBe('columnHistory');
        if (item.boardColumnSource === 'stateMapping') expect(item.boardColumn).toBe(item.state);
      } else {
        expect({ id: item.id, column: item.boardColumn, source: item.boardColumnSource }).toEqual({
          id: item.id,
          column: recorded,
          source: 'columnHistory',
        });
      }
    }
  });

  it('replays an item that moved columns: its column on the past day, not today’s', async () => {
    const past = (await aging(`${RANGE}&basis=${PAST}`)).body;
    const moved = past.items.find((item) => {
      const later = columnAtEndOf(item.id, '2026-05-31');
      return item.boardColumn !== null && later !== null && later !== item.boardColumn;
    });
    expect(moved, 'an item in progress on the past day that changed column since').toBeDefined();
    if (!moved) return;
    expect(moved.boardColumn).toBe(columnAtEndOf(moved.id, PAST));
    // Its moves up to the past day include more than one column (it moved before, too, or since).
    const history = (moves.get(moved.id) ?? []).map((move) => move.column);
    expect(new Set(history).size).toBeGreaterThan(1);
  });

  it('answers the summary’s aging section from the same computation', async () => {
    const { status, body } = await api.json(api.flowUrl('summary', RANGE));
    expect(status).toBe(200);
    const summary = flowSummaryResponseSchema.parse(body);
    const alone = (await aging(RANGE)).body;
    expect(summary.aging.items).toEqual(alone.items);
    expect(summary.aging.board).toEqual(alone.board);
  });

  it('follows a change of WIP limits with a new ETag and the new limits', async () => {
    const before = await aging(RANGE);
    await api.replaceBoard('Stories', board({ Active: 3, Resolved: 1 }));
    const after = await aging(RANGE);
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.board?.columns.map((column) => column.itemLimit)).toEqual([0, 3, 1, 0]);
    expect(after.body.items).toEqual(before.body.items);
  });
});
