import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { HELP_TOPIC_FOR_CHART, type ChartId } from '../../extension/src/help/chartTopics.ts';
import { helpContent } from '../../extension/src/help/index.ts';
import { teamSprintsResponseSchema } from '../../service/src/contract/targets/sprintTargets.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { openFlowHub, replay, screenshots, seriousViolations, showView } from './flow-hub-harness.ts';

/**
 * Help from each chart's title (issue 17): the "?" beside a chart's title names the chart, opens the help
 * panel on that chart's topic, takes focus into the panel and gives it back to the "?" on close; in the
 * Flow hub, the Delivery hub and the Outcomes tab, in English and Japanese. Screenshots land in
 * test-results/chart-help-*.png.
 */

const directory = temporaryDirectory('e2e-chart-help');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1100 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

/** Where focus is inside the frame: the "?" of a chart, inside the help panel, or elsewhere. */
function focusIn(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) return 'nothing';
    if (active.closest('.seika-help') !== null) return 'panel';
    return active.dataset.chart === undefined ? active.tagName : `chart:${active.dataset.chart}`;
  });
}

/** Opens a chart's help from its title, checks topic and focus, runs axe, closes it with its button. */
async function openChartHelp(
  frame: Frame,
  chart: ChartId,
  label: string,
  language: 'en' | 'ja',
  screenshot: string,
): Promise<void> {
  const button = frame.locator(`button[data-chart="${chart}"]`);
  expect(await button.getAttribute('aria-label')).toBe(label);
  await button.click();
  const title = language === 'en' ? 'Seika help' : 'Seika ヘルプ';
  const panel = frame.getByRole('dialog', { name: title });
  await panel.waitFor();
  const topic = HELP_TOPIC_FOR_CHART[chart];
  expect(await panel.locator('article').getAttribute('data-topic')).toBe(topic);
  expect(await panel.locator('article h3').first().textContent()).toBe(helpContent(language)[topic].title);
  expect(await focusIn(frame)).toBe('panel');
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `chart-help-${screenshot}.png`), fullPage: true });
  await panel.getByRole('button', { name: language === 'en' ? 'Close help' : 'ヘルプを閉じる' }).click();
  await expect.poll(() => panel.count()).toBe(0);
  expect(await focusIn(frame)).toBe(`chart:${chart}`);
}

describe('help from each chart’s title', () => {
  it('opens the Flow hub’s throughput and WIP topics from their chart titles', async () => {
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await showView(frame, 'throughput');
    await frame.locator('[data-chart="throughput"] h2').waitFor();
    await openChartHelp(frame, 'throughput', 'Seika help: Throughput', 'en', 'flow-throughput-light-en');
    const wipTitle = (await frame.locator('section[data-chart="wip"] h2').textContent()) ?? '';
    await openChartHelp(frame, 'wip', `Seika help: ${wipTitle}`, 'en', 'flow-wip-light-en');
    // Escape closes it too, and focus still comes back to the "?".
    await frame.locator('button[data-chart="throughput"]').click();
    await frame.getByRole('dialog', { name: 'Seika help' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.getByRole('dialog').count()).toBe(0);
    expect(await focusIn(frame)).toBe('chart:throughput');
  });

  it('names every chart of the cycle time view in Japanese and opens each one’s topic', async () => {
    const { frame } = await openFlowHub(page, demo, { theme: 'dark', lang: 'ja-JP' });
    await showView(frame, 'cycleTime');
    for (const chart of ['cycleTimeScatter', 'cycleTimeHistogram'] as const) {
      const card = frame.locator(`section[data-chart="${chart}"]`);
      await card.waitFor();
      const title = (await card.locator('h2').textContent()) ?? '';
      await openChartHelp(frame, chart, `Seika ヘルプ: ${title}`, 'ja', `flow-${chart}-dark-ja`);
    }
  });

  it('opens how the odds are computed from a target’s odds chart in the Outcomes tab', async () => {
    const sprintsRequest = page.waitForRequest(/\/teams\/[^/]+\/sprints$/);
    await page.goto(`${demo.url}?hub=sprint-outcomes-tab&theme=light&lang=en-US`);
    const request = await sprintsRequest;
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(
        ([name]) => name === 'authorization' || name.startsWith('x-seika'),
      ),
    );
    const sprints = teamSprintsResponseSchema.parse(await replay(request));
    const current = sprints.sprints.find((sprint) => sprint.current);
    if (current === undefined) throw new Error('The demo team has no current sprint.');
    const saved = await fetch(request.url().replace(/\/sprints$/, `/sprints/${current.id}/targets`), {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ targets: [{ kind: 'itemsFinished', atLeast: 3 }] }),
    });
    expect(saved.status).toBe(200);
    await page.goto(`${demo.url}?hub=sprint-outcomes-tab&theme=light&lang=en-US`);
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
    const frame = page.frame({ url: /\/hubs\/sprint\/sprint\.html/ });
    if (!frame) throw new Error('The Outcomes tab frame is not loaded.');
    await frame.locator('.sprint-target').first().waitFor();
    await openChartHelp(
      frame,
      'targetOdds',
      'Seika help: Daily odds of “Items finished” during the sprint',
      'en',
      'outcomes-odds-light-en',
    );
  });

  it('opens the Delivery hub trend’s topic for the figure it draws', async () => {
    await page.goto(`${demo.url}?hub=delivery-hub&theme=light&lang=en-US`);
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 60_000 }).catch(async () => {
      throw new Error(`The Delivery hub did not load: ${await page.locator('#hub-status').innerText()}`);
    });
    const frame = page.frame({ url: /\/hubs\/delivery\/delivery\.html/ });
    if (!frame) throw new Error('The Delivery hub frame is not loaded.');
    const card = frame.locator('[data-testid="trend-card"]');
    await card.waitFor({ timeout: 30_000 });
    const chart = (await card.getAttribute('data-chart')) as ChartId;
    expect(chart).toBe('deliveryTrend.deploymentFrequency');
    const title = (await card.locator('h2').textContent()) ?? '';
    await openChartHelp(frame, chart, `Seika help: ${title}`, 'en', 'delivery-trend-light-en');
  });
});
