import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { sprintReviewResponseSchema } from '../../service/src/contract/targets/review.ts';
import {
  sprintOutlookResponseSchema,
  teamSprintsResponseSchema,
  type SprintOutlookResponse,
} from '../../service/src/contract/targets/sprintTargets.ts';
import { SCOPE_ORIGINS } from '../../service/src/contract/targets/scope.ts';
import { targetSuggestionsResponseSchema } from '../../service/src/contract/targets/suggestions.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { replay, screenshots, seriousViolations } from './flow-hub-harness.ts';

/**
 * Boards › Sprints › Outcomes against the demo organization, as a lead would use it: set a goal and
 * targets, see each target's standing and odds equal to the API's answer, in light, dark and Japanese;
 * axe finds nothing serious or critical; screenshots land in test-results/sprint-tab-*.png.
 */

const directory = temporaryDirectory('e2e-sprint');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1300 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

function sprintFrame(): Frame {
  const frame = page.frame({ url: /\/hubs\/sprint\/sprint\.html/ });
  if (!frame) throw new Error('The Sprints tab frame is not loaded.');
  return frame;
}

/** Opens the tab; resolves with the frame and the first sprints and outlook requests it sent. */
async function openTab(
  theme: 'light' | 'dark',
  lang: string,
): Promise<{ frame: Frame; sprints: Request; outlook: Request }> {
  const sprintsRequest = page.waitForRequest(/\/sprints(\?|$)/);
  const outlookRequest = page.waitForRequest(/\/sprints\/[^/]+\/outlook/);
  await page.goto(`${demo.url}?hub=sprint-outcomes-tab&theme=${theme}&lang=${lang}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  return { frame: sprintFrame(), sprints: await sprintsRequest, outlook: await outlookRequest };
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `sprint-tab-${name}.png`), fullPage: true });
}

/** The scope section shows the outlook's own counts and lists exactly its removed items, linked. */
async function expectScopeShown(frame: Frame, outlook: SprintOutlookResponse): Promise<void> {
  await frame.locator('#sprint-scope-heading').waitFor();
  const { scope } = outlook;
  expect(scope, 'the demo organization syncs iteration paths').not.toBeNull();
  if (scope === null) return;
  for (const origin of [...SCOPE_ORIGINS, 'removed', 'total'] as const) {
    expect(await frame.locator(`.sprint-scope-count[data-origin="${origin}"] dd`).textContent()).toBe(
      String(scope.counts[origin]),
    );
  }
  const removed = scope.items.filter((item) => item.removed);
  expect(await frame.locator('.sprint-scope-removed li').count()).toBe(removed.length);
  for (const item of removed) {
    expect(
      await frame.locator(`.sprint-scope-removed li[data-item="${item.itemId}"] a`).getAttribute('href'),
    ).toBe(item.url);
  }
  expect(await frame.locator('.sprint-too-few').count()).toBe(scope.tooFewToJudge ? 1 : 0);
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

describe('Sprints › Outcomes tab', () => {
  it('opens on the team’s current sprint with no targets, and offers the lead the editor', async () => {
    const { frame, sprints } = await openTab('light', 'en-US');
    const answer = teamSprintsResponseSchema.parse(await replay(sprints));
    const current = answer.sprints.find((sprint) => sprint.current) ?? answer.sprints.at(-1);
    expect(current).toBeDefined();
    await frame.getByRole('heading', { level: 1 }).waitFor();
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Outcome targets · ${current?.name ?? ''}`,
    );
    await frame.getByText('No outcome targets set for this sprint.').waitFor();
    await expectAccessible(frame);
    await shoot(frame, 'empty-light-en');
  });

  it('lets the lead set a goal and targets, then shows each target’s standing and odds as the API answers them', async () => {
    const frame = sprintFrame();
    await frame.getByRole('button', { name: 'Edit targets' }).click();
    await frame.getByLabel('Sprint goal (in the team’s words)').fill('Checkout works on mobile');
    await frame.locator('.sprint-editor-add select').selectOption('itemsFinished');
    await frame.getByRole('button', { name: 'Add a target' }).click();
    await frame.getByLabel('At least').fill('4');
    await frame.locator('.sprint-editor-add select').selectOption('noItemOlderThan');
    await frame.getByRole('button', { name: 'Add a target' }).click();
    await frame.getByLabel('Days', { exact: true }).fill('20');
    const outlookAfterSave = page.waitForRequest(/\/sprints\/[^/]+\/outlook/);
    await frame.getByRole('button', { name: 'Save targets' }).click();
    const outlook = sprintOutlookResponseSchema.parse(await replay(await outlookAfterSave));
    expect(outlook.targets.map((target) => target.target)).toEqual([
      { kind: 'itemsFinished', atLeast: 4 },
      { kind: 'noItemOlderThan', days: 20 },
    ]);
    await frame.locator('.sprint-target').nth(1).waitFor();
    await frame.getByText('Checkout works on mobile').waitFor();
    for (const target of outlook.targets) {
      const card = frame.locator(`[data-target-index="${target.targetIndex}"]`);
      if (target.probability !== null && outlook.phase !== 'ended') {
        expect(
          Number(await card.locator('.sprint-target-probability').getAttribute('data-probability')),
        ).toBe(target.probability);
        expect(await card.locator('.sprint-target-probability').textContent()).toBe(
          `${Math.round(target.probability * 100)}% chance`,
        );
      }
      expect(await card.textContent()).toContain(target.metNow ? 'Met' : 'Not met yet');
    }
    expect(outlook.scopeSource).toBe('iterationMembership');
    await expectScopeShown(frame, outlook);
    await expectAccessible(frame);
    await shoot(frame, 'targets-light-en');
  });

  it('refuses a target that cannot be saved with a message the lead can act on', async () => {
    const frame = sprintFrame();
    await frame.getByRole('button', { name: 'Edit targets' }).click();
    await frame.getByLabel('At least').fill('');
    await frame.getByRole('button', { name: 'Save targets' }).click();
    await expect.poll(() => frame.getByRole('alert').textContent()).toBe('Check the form: At least');
    await frame.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows each suggested value beside its field with its hit rate, and "use" puts it in', async () => {
    // A fresh page: the suggestions the editor asked for earlier are cached by the data layer.
    const { frame } = await openTab('light', 'en-US');
    const suggestionsRequest = page.waitForRequest(/\/targets\/suggestions/);
    await frame.getByRole('button', { name: 'Edit targets' }).click();
    const answer = targetSuggestionsResponseSchema.parse(await replay(await suggestionsRequest));
    expect(answer.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of answer.suggestions) {
      const line = frame.locator(`.sprint-suggestion[data-kind="${suggestion.kind}"]`);
      await line.waitFor();
      expect(await line.locator('.sprint-suggestion-rate').textContent()).toBe(
        `met in ${suggestion.metIn} of the last ${suggestion.of} ${suggestion.of === 1 ? 'sprint' : 'sprints'}`,
      );
      expect(await line.locator('.sprint-too-few').count()).toBe(suggestion.tooFewToJudge ? 1 : 0);
    }
    // itemsFinished is set already: its suggestion sits beside the field; "Use" fills the field in.
    const finished = answer.suggestions.find((suggestion) => suggestion.kind === 'itemsFinished');
    if (finished?.target.kind !== 'itemsFinished') throw new Error('no items-finished suggestion');
    await frame.getByRole('button', { name: 'Use the suggested value for “Items finished”' }).click();
    expect(await frame.getByLabel('At least').inputValue()).toBe(String(finished.target.atLeast));
    // Kinds not set yet are offered with their suggested values.
    const notSet = answer.suggestions.filter(
      (suggestion) => suggestion.kind !== 'itemsFinished' && suggestion.kind !== 'noItemOlderThan',
    );
    expect(await frame.locator('.sprint-suggestions li').count()).toBe(notSet.length);
    await expectAccessible(frame);
    await shoot(frame, 'suggestions-light-en');
    await frame.getByRole('button', { name: 'Cancel' }).click();
  });

  it.each([
    ['dark', 'en-US', 'dark-en', 'Outcome targets'],
    ['light', 'ja-JP', 'light-ja', '成果目標'],
  ] as const)('renders in %s / %s', async (theme, lang, name, heading) => {
    const { frame, outlook } = await openTab(theme, lang);
    const answer = sprintOutlookResponseSchema.parse(await replay(outlook));
    await frame
      .locator('.sprint-target')
      .nth(answer.targets.length - 1)
      .waitFor();
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toContain(heading);
    await expectScopeShown(frame, answer);
    if (lang === 'ja-JP') {
      expect(await frame.locator('#sprint-scope-heading').textContent()).toBe('スプリントのスコープ');
      const first = answer.targets[0];
      if (first?.probability !== null && first !== undefined && answer.phase !== 'ended') {
        expect(await frame.locator('.sprint-target-probability').first().textContent()).toBe(
          `達成の見込み ${Math.round(first.probability * 100)}%`,
        );
      }
    }
    await expectAccessible(frame);
    await shoot(frame, `targets-${name}`);
    if (lang === 'ja-JP') {
      const suggestionsRequest = page.waitForRequest(/\/targets\/suggestions/);
      await frame.getByRole('button', { name: '目標を編集' }).click();
      const suggested = targetSuggestionsResponseSchema.parse(await replay(await suggestionsRequest));
      const first = suggested.suggestions[0];
      if (first !== undefined) {
        await expect
          .poll(() =>
            frame
              .locator(`.sprint-suggestion[data-kind="${first.kind}"] .sprint-suggestion-rate`)
              .first()
              .textContent(),
          )
          .toBe(`直近 ${first.of} スプリント中 ${first.metIn} 回達成`);
      }
      await expectAccessible(frame);
      await shoot(frame, 'suggestions-light-ja');
    }
  });
  it('opens the built-in help on the targets topic, in Japanese, and closes it with Escape', async () => {
    const frame = sprintFrame();
    await frame.locator('.seika-help-button').first().click();
    const panel = frame.getByRole('dialog', { name: 'Seika ヘルプ' });
    await panel.waitFor();
    expect(await panel.locator('article').getAttribute('data-topic')).toBe('targets');
    expect(await panel.locator('article h3').first().textContent()).toBe('スプリントの成果目標');
    await panel.getByRole('button', { name: '確率の求め方' }).click();
    expect(await panel.locator('article').getAttribute('data-topic')).toBe('probabilities');
    await expectAccessible(frame);
    await shoot(frame, 'help-light-ja');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('reviews an ended sprint: verdicts as the API judges them, reasons and Keep / Problem / Try', async () => {
    const { frame, sprints } = await openTab('light', 'en-US');
    const answer = teamSprintsResponseSchema.parse(await replay(sprints));
    const currentIndex = answer.sprints.findIndex((sprint) => sprint.current);
    const ended = answer.sprints[(currentIndex < 0 ? answer.sprints.length : currentIndex) - 1];
    if (ended === undefined) throw new Error('the demo team has no ended sprint');
    const outlookOfEnded = page.waitForRequest((request) =>
      request.url().includes(`/sprints/${ended.id}/outlook`),
    );
    await frame.locator('.sprint-header select').selectOption(ended.id);
    await outlookOfEnded;
    await frame.getByRole('button', { name: 'Edit targets' }).click();
    await frame.locator('.sprint-editor-add select').selectOption('itemsFinished');
    await frame.getByRole('button', { name: 'Add a target' }).click();
    await frame.getByLabel('At least').fill('1000');
    await frame.locator('.sprint-editor-add select').selectOption('noItemOlderThan');
    await frame.getByRole('button', { name: 'Add a target' }).click();
    await frame.getByLabel('Days', { exact: true }).fill('365');
    const review = page.waitForRequest((request) => request.url().includes(`/sprints/${ended.id}/review`));
    await frame.getByRole('button', { name: 'Save targets' }).click();
    const judged = sprintReviewResponseSchema.parse(await replay(await review));
    expect(judged.verdicts.map((verdict) => verdict.verdict)).toEqual(['missed', 'met']);
    await frame.getByRole('heading', { name: 'Sprint review' }).waitFor();
    expect(await frame.locator('.sprint-verdict').allTextContents()).toEqual([
      expect.stringContaining('Missed · At least 1000 items finished'),
      expect.stringContaining('Met · No item in progress older than 365 days at the end'),
    ]);
    await frame.getByLabel('Why it was missed').fill('The target was set far above the team’s throughput.');
    await frame.getByRole('button', { name: 'Save the review' }).click();
    await frame.getByRole('status').waitFor();
    await expectAccessible(frame);
    await shoot(frame, 'review-light-en');
  });
});
