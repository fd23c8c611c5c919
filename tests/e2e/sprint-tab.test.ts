import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { sprintReviewResponseSchema } from '../../service/src/contract/targets/review.ts';
import {
  sprintOutlookResponseSchema,
  teamSprintsResponseSchema,
} from '../../service/src/contract/targets/sprintTargets.ts';
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
    if (lang === 'ja-JP') {
      const first = answer.targets[0];
      if (first?.probability !== null && first !== undefined && answer.phase !== 'ended') {
        expect(await frame.locator('.sprint-target-probability').first().textContent()).toBe(
          `達成の見込み ${Math.round(first.probability * 100)}%`,
        );
      }
    }
    await expectAccessible(frame);
    await shoot(frame, `targets-${name}`);
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
