import { describe, expect, it } from 'vitest';
import type { SprintReviewResponse } from '../../../../../service/src/contract/targets/review.ts';
import { reviewMarkdown } from '../../../../../extension/src/hubs/sprint/state/reviewMarkdown.ts';
import {
  draftOf,
  newDraft,
  parseItemIds,
  TARGET_KINDS,
  targetOf,
} from '../../../../../extension/src/hubs/sprint/state/targetDrafts.ts';
import { sprintEn } from '../../../../../extension/src/targets/strings/en.ts';
import { sprintJa } from '../../../../../extension/src/targets/strings/ja.ts';

const percent = (value: number) => `${Math.round(value * 100)}%`;

const REVIEW: SprintReviewResponse = {
  organization: 'org',
  project: 'P',
  team: 'Web',
  iterationId: 'sprint-7',
  sprint: { name: 'Sprint 7', startDay: '2026-06-01', finishDay: '2026-06-12' },
  phase: 'ended',
  goal: 'Checkout works on mobile',
  verdicts: [
    {
      targetIndex: 0,
      target: { kind: 'itemsFinished', atLeast: 8 },
      verdict: 'met',
      current: 9,
      tooFewToJudge: false,
      firstDayProbability: 0.85,
      reason: null,
    },
    {
      targetIndex: 1,
      target: { kind: 'noItemOlderThan', days: 14 },
      verdict: 'missed',
      current: 17,
      tooFewToJudge: false,
      firstDayProbability: 0.4,
      reason: 'Blocked by the payment team',
    },
  ],
  outline: {
    keep: [{ key: 'targetMet', parameters: { target: 'itemsFinished', current: 9 } }],
    problem: [{ key: 'targetMissed', parameters: { target: 'noItemOlderThan', current: 17 } }],
    try: [{ key: 'tryFinishOldest', parameters: { items: 1 } }],
  },
  notes: { keep: ['Pairing on reviews'], problem: [], try: [] },
  scope: null,
  membersMayAddMissReasons: true,
  updatedAt: null,
};

describe('targets in the editor', () => {
  it.each(TARGET_KINDS)('%s survives a round trip through the editor', (kind) => {
    const target = targetOf(newDraft(kind));
    expect(target.kind).toBe(kind);
    expect(targetOf(draftOf(target))).toEqual(target);
  });

  it('an emptied number becomes NaN, which the service refuses by field name', () => {
    const draft = newDraft('serviceLevel');
    expect(targetOf({ ...draft, parameters: { percent: 85 } })).toEqual({
      kind: 'serviceLevel',
      percent: 85,
      withinDays: Number.NaN,
    });
  });

  it.each([
    ['12, 34', [12, 34]],
    ['#12 #12 56', [12, 56]],
    ['none', []],
    ['0, -3, 7', [3, 7]],
  ])('reads goal item ids from "%s"', (text, ids) => {
    expect(parseItemIds(text)).toEqual(ids);
  });
});

describe('the review as Markdown', () => {
  it('writes verdicts, reasons, Keep/Problem/Try and the team’s notes in English', () => {
    expect(reviewMarkdown(REVIEW, sprintEn, percent)).toBe(
      [
        '# Sprint review: Sprint 7',
        '',
        '2026-06-01 – 2026-06-12',
        '',
        '## Sprint goal',
        '',
        'Checkout works on mobile',
        '',
        '## Targets and their odds',
        '',
        '- **Met** · At least 8 items finished — Odds on day one: 85%',
        '- **Missed** · No item in progress older than 14 days at the end — Odds on day one: 40%',
        '  - Why it was missed: Blocked by the payment team',
        '',
        '## Keep',
        '',
        '- Target met: Items finished (9) (From the data)',
        '- Pairing on reviews',
        '',
        '## Problem',
        '',
        '- Target missed: No item older than (17) (From the data)',
        '',
        '## Try',
        '',
        '- Swarm on the oldest items at the daily meeting (From the data)',
        '',
      ].join('\n'),
    );
  });

  it('writes it in Japanese for a Japanese user', () => {
    const markdown = reviewMarkdown(REVIEW, sprintJa, percent);
    expect(markdown).toContain('# スプリントレビュー: Sprint 7');
    expect(markdown).toContain(
      '- **未達** · 終了時に 14 日より古い進行中アイテムを残さない — 初日の見込み：40%',
    );
    expect(markdown).toContain('  - 未達の理由: Blocked by the payment team');
  });
});

describe('the review outline’s English entries', () => {
  const kindName = (kind: string) => kind;
  it.each([
    ['scopeAdded', { items: 1, total: 20 }, '1 item was added after the sprint started (of 20)'],
    ['scopeAdded', { items: 3, total: 20 }, '3 items were added after the sprint started (of 20)'],
    ['carriedOverTwice', { items: 1 }, '1 item was carried over twice'],
    ['carriedOverTwice', { items: 0 }, '0 items were carried over twice'],
    ['itemsRemoved', { items: 2 }, '2 items were taken out of the sprint'],
  ])('%s with %o reads “%s”', (key, parameters, expected) => {
    expect(sprintEn.review.entry(key, parameters, kindName)).toBe(expected);
  });
});
