import { afterEach, describe, expect, it } from 'vitest';
import { openRawDatabase } from '../../support/rawDatabase.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const directory = temporaryDirectory('insight-store');
let opened: TestRepository | undefined;

afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

const action = (weekStart: string, ruleId: string, kind: string) => ({
  weekStart,
  ruleId,
  action: kind,
  note: '',
  iterationId: null,
  at: '2026-06-01T00:00:00Z',
});

describe.each(BACKENDS)('insight store on %s', (backend) => {
  it('lists experiments oldest first, across weeks, and nothing else', async () => {
    opened = await openTestRepository(backend, directory.path, 'insights');
    const store = opened.storage.insights;
    await store.saveAction('o', 'P', 'Web Team', action('2026-06-08', 'WIP-1', 'experiment'));
    await store.saveAction('o', 'P', 'Web Team', action('2026-06-01', 'AGE-1', 'experiment'));
    await store.saveAction('o', 'P', 'Web Team', action('2026-06-01', 'DQ-1', 'dismissed'));
    await store.saveAction('o', 'P', 'Other', action('2026-06-01', 'SLE-1', 'experiment'));
    const experiments = await store.experiments('o', 'P', 'web team');
    expect(experiments.map((entry) => [entry.weekStart, entry.ruleId])).toEqual([
      ['2026-06-01', 'AGE-1'],
      ['2026-06-08', 'WIP-1'],
    ]);
  });

  it('keeps one digest per team, claims each week once, and gives a claim back', async () => {
    opened = await openTestRepository(backend, directory.path, 'insights');
    const store = opened.storage.insights;
    const digest = {
      kind: 'teams' as const,
      language: 'ja' as const,
      sealedUrl: 'v1.sealed',
      maskedUrl: 'm',
    };
    await store.saveDigest('o', 'P', 'Web Team', digest);
    await store.saveDigest('o', 'P', 'Web Team', { ...digest, kind: 'slack' });
    expect(await store.digest('o', 'P', 'web team')).toEqual({ ...digest, kind: 'slack' });
    expect(await store.digestTeams()).toEqual([
      { organization: 'o', project: 'P', team: 'Web Team', digest: { ...digest, kind: 'slack' } },
    ]);
    const claim = { at: '2026-06-01T00:00:00Z', findings: 2 };
    expect(await store.claimDigestWeek('o', 'P', 'Web Team', '2026-06-01', claim)).toBe(true);
    expect(await store.claimDigestWeek('o', 'P', 'web team', '2026-06-01', claim)).toBe(false);
    expect(await store.digestSent('o', 'P', 'Web Team', '2026-06-01')).toBe(true);
    await store.releaseDigestWeek('o', 'P', 'Web Team', '2026-06-01');
    expect(await store.digestSent('o', 'P', 'Web Team', '2026-06-01')).toBe(false);
    expect(await store.claimDigestWeek('o', 'P', 'Web Team', '2026-06-01', claim)).toBe(true);
    await store.saveDigest('o', 'P', 'Web Team', null);
    expect(await store.digest('o', 'P', 'Web Team')).toBeUndefined();
    expect(await store.digestTeams()).toEqual([]);
  });

  it('reads when the last service-hook delivery arrived', async () => {
    opened = await openTestRepository(backend, directory.path, 'insights');
    const store = opened.storage.insights;
    expect(await store.lastHookDelivery('o')).toBeUndefined();
    const raw = await openRawDatabase(opened.target);
    try {
      await raw.run(
        'INSERT INTO hook_deliveries_seen (organization, event_id, received_at) VALUES (?, ?, ?), (?, ?, ?)',
        ['o', 'e1', 1_780_000_000_000, 'o', 'e2', 1_780_000_500_000],
      );
    } finally {
      await raw.close();
    }
    expect(await store.lastHookDelivery('o')).toBe(1_780_000_500_000);
    expect(await store.syncedTeams('o')).toEqual([]);
  });
});
