import { describe, expect, it } from 'vitest';
import type { InsightsResponse } from '../../../../service/src/contract/insights/insights.ts';
import { createLogger } from '../../../../service/src/logger.ts';
import { createSecretBox } from '../../../../service/src/security/secretBox.ts';
import { sendWeeklyDigests } from '../../../../service/src/services/insights/digest.ts';
import { digestMessage } from '../../../../service/src/services/insights/digestMessage.ts';
import { digestUrlProblem, maskDigestUrl } from '../../../../service/src/services/insights/digestUrl.ts';
import type { InsightStore } from '../../../../service/src/storage/insights.ts';

describe('digest URLs', () => {
  const table: [string, 'teams' | 'slack', string, boolean][] = [
    ['Slack', 'slack', 'https://hooks.slack.com/services/T1/B2/abc', true],
    ['Teams (webhook.office.com)', 'teams', 'https://acme.webhook.office.com/webhookb2/abc', true],
    ['Teams (outlook.office.com)', 'teams', 'https://outlook.office.com/webhook/abc', true],
    ['Slack host as Teams', 'teams', 'https://hooks.slack.com/services/T1/B2/abc', false],
    ['a look-alike host', 'teams', 'https://webhook.office.com.evil.example/abc', false],
    ['http', 'slack', 'http://hooks.slack.com/services/T1/B2/abc', false],
    ['another port', 'slack', 'https://hooks.slack.com:8443/services/T1/B2/abc', false],
    ['no path', 'slack', 'https://hooks.slack.com/', false],
    ['credentials', 'slack', 'https://a:b@hooks.slack.com/services/x', false],
    ['not a URL', 'slack', 'hooks.slack.com/services', false],
    ['loopback, not allowed', 'slack', 'http://127.0.0.1:9/hook', false],
  ];
  it.each(table)('%s', (_, kind, url, accepted) => {
    expect(digestUrlProblem(kind, url) === undefined).toBe(accepted);
  });
  it('accepts an allowed test origin and masks all but the last four characters', () => {
    expect(digestUrlProblem('slack', 'http://127.0.0.1:9/hook', ['http://127.0.0.1:9'])).toBeUndefined();
    expect(maskDigestUrl('https://hooks.slack.com/services/T1/B2/abcdef')).toBe(
      'https://hooks.slack.com/…cdef',
    );
  });
});

const week = (ruleIds: InsightsResponse['findings'][number]['ruleId'][]): InsightsResponse => ({
  organization: 'o',
  project: 'p',
  team: 'Web Team',
  weekStart: '2026-12-07',
  digest: null,
  rules: [],
  findings: ruleIds.map((ruleId) => ({
    ruleId,
    expectedEffect: 1,
    itemIds: [12],
    itemUrls: ['u'],
    figures: {},
    action: null,
  })),
});

describe('digest messages', () => {
  it('lists at most three findings in the team’s language, addressed to the team', () => {
    const message = digestMessage({
      kind: 'slack',
      language: 'ja',
      team: 'Web Team',
      insights: week(['AGE-1', 'WIP-1', 'CFD-1', 'DQ-1']),
    });
    expect(message.text.split('\n').filter((line) => /^\d\. /.test(line))).toEqual([
      '1. 85 パーセンタイルを超えて古くなっているアイテム',
      '2. スループットが変わらないまま WIP が増えている',
      '3. 完了より着手が多い状態が続いている',
    ]);
    expect(message.text).toContain('チーム Web Team');
    expect(message.body).toEqual({ text: message.text });
  });
  it('answers Teams with a message card and says when nothing stands out', () => {
    const message = digestMessage({ kind: 'teams', language: 'en', team: 'Web Team', insights: week([]) });
    expect(message.body).toMatchObject({
      '@type': 'MessageCard',
      title: expect.stringContaining('Web Team'),
    });
    expect(message.text).toContain('Nothing stands out this week.');
  });
});

describe('sending digests', () => {
  type DigestStore = Pick<
    InsightStore,
    'digestTeams' | 'digestSent' | 'claimDigestWeek' | 'releaseDigestWeek'
  >;
  function memoryStore(): { store: DigestStore; sent: Set<string> } {
    const sent = new Set<string>();
    const box = createSecretBox(Buffer.alloc(32, 7));
    const store: DigestStore = {
      digestTeams: () =>
        Promise.resolve([
          {
            organization: 'o',
            project: 'p',
            team: 'Web Team',
            digest: {
              kind: 'slack' as const,
              language: 'en' as const,
              sealedUrl: box.seal('https://hooks.slack.com/s/x'),
              maskedUrl: '',
            },
          },
        ]),
      digestSent: (_o: string, _p: string, _t: string, weekStart: string) =>
        Promise.resolve(sent.has(weekStart)),
      claimDigestWeek: (_o: string, _p: string, _t: string, weekStart: string) => {
        if (sent.has(weekStart)) return Promise.resolve(false);
        sent.add(weekStart);
        return Promise.resolve(true);
      },
      releaseDigestWeek: (_o: string, _p: string, _t: string, weekStart: string) => {
        sent.delete(weekStart);
        return Promise.resolve();
      },
    };
    return { store, sent };
  }

  it('gives the week back when the webhook fails, so the next round sends it once', async () => {
    const { store, sent } = memoryStore();
    const answers = [500, 200, 200];
    const posted: string[] = [];
    const fakeFetch = (url: string | URL | Request) => {
      posted.push(String(url));
      return Promise.resolve(new Response('', { status: answers.shift() ?? 200 }));
    };
    const round = () =>
      sendWeeklyDigests({
        store,
        secrets: createSecretBox(Buffer.alloc(32, 7)),
        weekly: () => Promise.resolve(week(['AGE-1'])),
        logger: createLogger({ level: 'error', write: () => undefined }),
        fetch: fakeFetch as typeof fetch,
      });
    expect(await round()).toEqual({ sent: 0, failed: 1 });
    expect(sent.size).toBe(0);
    expect(await round()).toEqual({ sent: 1, failed: 0 });
    expect(await round()).toEqual({ sent: 0, failed: 0 });
    expect(posted).toEqual(['https://hooks.slack.com/s/x', 'https://hooks.slack.com/s/x']);
  });
});
