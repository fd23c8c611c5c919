import { describe, expect, it } from 'vitest';
import type { SyncHealthResponse, SyncState } from '../../../../../service/src/contract/index.ts';
import { freshnessLine } from '../../../../../extension/src/hubs/flow/state/freshnessLine.ts';
import { flowEn } from '../../../../../extension/src/hubs/flow/strings/en.ts';
import { flowJa } from '../../../../../extension/src/hubs/flow/strings/ja.ts';

const asOf = '2026-12-07T01:00:00.000Z';

function health(flowState: SyncState, overrides: Partial<SyncHealthResponse> = {}): SyncHealthResponse {
  return {
    organization: 'seika-demo',
    state: flowState,
    flowState,
    flowDataAsOf: asOf,
    resumesAt: null,
    nextRunAt: null,
    problem: null,
    streams: [],
    ...overrides,
  };
}

function flowStream(state: SyncState, progress: number | null): SyncHealthResponse['streams'][number] {
  return {
    stream: 'wit.reporting.revisions',
    feature: 'flow',
    state,
    progress,
    estimatedSecondsLeft: null,
    resumesAt: null,
    pacedSeconds: 0,
    lastSucceededAt: null,
    nextTryAt: null,
    problem: null,
    quarantined: 0,
  };
}

/** Instants shown as their ISO text, so each row reads what was formatted where. */
const formatInstant = (iso: string): string => `<${iso}>`;

describe('freshnessLine', () => {
  const cases: {
    name: string;
    health: SyncHealthResponse | undefined;
    syncedAt: string | null | undefined;
    en: string;
    ja: string;
    state: SyncState | null;
  }[] = [
    { name: 'nothing known yet', health: undefined, syncedAt: undefined, en: '', ja: '', state: null },
    {
      name: 'health unreadable, summary never synced',
      health: undefined,
      syncedAt: null,
      en: 'Not synchronised yet',
      ja: 'まだ同期されていません',
      state: null,
    },
    {
      name: 'health unreadable, summary time',
      health: undefined,
      syncedAt: asOf,
      en: `Data as of <${asOf}>`,
      ja: `<${asOf}> 時点のデータ`,
      state: null,
    },
    {
      name: 'fresh',
      health: health('fresh'),
      syncedAt: undefined,
      en: `Data as of <${asOf}>`,
      ja: `<${asOf}> 時点のデータ`,
      state: 'fresh',
    },
    {
      name: 'first sync, least progress of the flow streams',
      health: health('first_sync', {
        flowDataAsOf: null,
        streams: [flowStream('first_sync', 0.42), flowStream('first_sync', 0.9), flowStream('fresh', 1)],
      }),
      syncedAt: null,
      en: 'First synchronisation in progress (42%)',
      ja: '初回同期の実行中 (42%)',
      state: 'first_sync',
    },
    {
      name: 'first sync without an estimate',
      health: health('first_sync', { flowDataAsOf: null }),
      syncedAt: undefined,
      en: 'First synchronisation in progress',
      ja: '初回同期の実行中',
      state: 'first_sync',
    },
    {
      name: 'paced, with when it resumes',
      health: health('paced', { resumesAt: '2026-12-07T01:05:00.000Z' }),
      syncedAt: undefined,
      en: `Data as of <${asOf}> · waiting for Azure DevOps's rate limit until <2026-12-07T01:05:00.000Z>`,
      ja: `<${asOf}> 時点のデータ · Azure DevOps のレート制限により <2026-12-07T01:05:00.000Z> まで待機中`,
      state: 'paced',
    },
    {
      name: 'paced, resume time unknown',
      health: health('paced'),
      syncedAt: undefined,
      en: `Data as of <${asOf}>`,
      ja: `<${asOf}> 時点のデータ`,
      state: 'paced',
    },
    {
      name: 'stale',
      health: health('stale'),
      syncedAt: undefined,
      en: `Out of date: last synchronised <${asOf}>`,
      ja: `データが古くなっています: 最終同期 <${asOf}>`,
      state: 'stale',
    },
    {
      name: 'failed, with the next try',
      health: health('failed', { nextRunAt: '2026-12-07T01:30:00.000Z' }),
      syncedAt: undefined,
      en: `Data as of <${asOf}> · the last synchronisation failed; next try <2026-12-07T01:30:00.000Z>`,
      ja: `<${asOf}> 時点のデータ · 前回の同期に失敗しました。次回 <2026-12-07T01:30:00.000Z> に再試行します`,
      state: 'failed',
    },
    {
      name: 'credentials refused',
      health: health('needs_credentials'),
      syncedAt: undefined,
      en: `Data as of <${asOf}> · synchronisation stopped: an administrator must renew Seika's access token`,
      ja: `<${asOf}> 時点のデータ · 同期が止まっています: 管理者が Seika のアクセス トークンを更新する必要があります`,
      state: 'needs_credentials',
    },
    {
      name: 'no flow data time from the sync: falls back to the summary',
      health: health('syncing', { flowDataAsOf: null }),
      syncedAt: '2026-12-06T00:00:00.000Z',
      en: 'Data as of <2026-12-06T00:00:00.000Z>',
      ja: '<2026-12-06T00:00:00.000Z> 時点のデータ',
      state: 'syncing',
    },
    {
      name: 'no time anywhere and not a first sync',
      health: health('queued', { flowDataAsOf: null }),
      syncedAt: null,
      en: 'Not synchronised yet',
      ja: 'まだ同期されていません',
      state: 'queued',
    },
  ];

  it.each(cases)('$name', ({ health: input, syncedAt, en, ja, state }) => {
    const english = freshnessLine({ health: input, syncedAt, strings: flowEn.states, formatInstant });
    const japanese = freshnessLine({ health: input, syncedAt, strings: flowJa.states, formatInstant });
    expect(english).toEqual({ text: en, state });
    expect(japanese).toEqual({ text: ja, state });
  });
});
