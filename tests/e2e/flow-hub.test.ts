import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  flowSummaryResponseSchema,
  howManyResponseSchema,
  whenResponseSchema,
  type FlowSummaryResponse,
} from '../../service/src/contract/index.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import {
  replay,
  openFlowHub,
  screenshot,
  screenshots,
  seriousViolations,
  showView,
} from './flow-hub-harness.ts';

/**
 * Every Flow view in light, dark and Japanese against the demo organization: the figures on screen equal
 * the API's answer to the hub's own request, axe finds nothing serious or critical, and each view leaves a
 * screenshot in test-results/flow-hub-<view>-<variant>.png.
 */

const directory = temporaryDirectory('e2e-flow');
const variants = [
  { name: 'light-en', theme: 'light', lang: 'en-US' },
  { name: 'dark-en', theme: 'dark', lang: 'en-US' },
  { name: 'light-ja', theme: 'light', lang: 'ja-JP' },
] as const;

let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
const axeCounts: Record<string, number> = {};
const chartTimes: Record<string, string | null> = {};

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 });
});

afterAll(async () => {
  writeFileSync(
    resolve(screenshots, 'flow-hub-axe.json'),
    JSON.stringify({ axeCounts, chartTimes }, null, 2),
  );
  await browser?.close();
  await demo?.close();
  directory.remove();
});

async function dataValue(frame: Frame, testId: string): Promise<string | null> {
  return frame.getByTestId(testId).first().getAttribute('data-value');
}

async function expectAccessible(frame: Frame, key: string): Promise<void> {
  const violations = await seriousViolations(frame);
  axeCounts[key] = violations.length;
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

async function renderTime(frame: Frame, testId: string): Promise<string | null> {
  const chart = frame.getByTestId(testId);
  await chart.locator('canvas').waitFor();
  return chart.getAttribute('data-render-ms');
}

function groupCount(summary: FlowSummaryResponse): number {
  return new Set(summary.cycleTime.items.map((item) => `${item.completedOn}|${item.cycleTimeDays}`)).size;
}

describe.each(variants)('Flow hub, $name', ({ name, theme, lang }) => {
  let frame: Frame;
  let summary: FlowSummaryResponse;

  it('opens on the Overview with the figures the API answered', async () => {
    const howManyRequest = page.waitForRequest(/\/flow\/forecast\/how-many\?/);
    const opened = await openFlowHub(page, demo, { theme, lang });
    frame = opened.frame;
    summary = flowSummaryResponseSchema.parse(await replay(opened.summary));
    const forecast = howManyResponseSchema.parse(await replay(await howManyRequest));
    await frame.getByTestId('overview').waitFor();
    expect(await frame.getByTestId('flow-title').getAttribute('data-team')).toBe(summary.team);
    expect(await frame.getByTestId('flow-title').textContent()).toContain(
      lang === 'ja-JP' ? 'フロー' : 'Flow',
    );

    expect(await dataValue(frame, 'tile-wip')).toBe(String(summary.wip.daily.at(-1)?.count));
    const last28 = summary.throughput.daily.slice(-28).reduce((sum, day) => sum + day.count, 0);
    expect(await dataValue(frame, 'tile-throughput')).toBe(String(last28));
    const p85 = summary.cycleTime.percentiles.find((line) => line.percentile === 85)?.days;
    expect(await dataValue(frame, 'tile-cycle-time')).toBe(String(p85));
    const sle = summary.serviceLevels.serviceLevels.find((level) => level.percentile === 85)?.days;
    expect(await dataValue(frame, 'tile-sle')).toBe(String(sle));
    const aging85 = summary.aging.percentiles.find((line) => line.percentile === 85)?.days ?? 0;
    const past85 = summary.aging.items.filter((item) => item.ageDays > aging85);
    expect(await dataValue(frame, 'tile-aging')).toBe(String(past85.length));
    for (const item of past85) {
      expect(await frame.locator(`[data-item-id="${item.id}"] a`).getAttribute('href')).toBe(item.url);
    }
    const at85 = forecast.confidences.find((entry) => entry.confidence === 85)?.items;
    await expect.poll(() => dataValue(frame, 'tile-forecast')).toBe(String(at85));
    expect(await frame.getByTestId('range-days').getAttribute('data-to')).toBe(summary.to);
    await expectAccessible(frame, `overview-${name}`);
    await screenshot(page, frame, `overview-${name}`);
  });

  it('Aging WIP: one dot per item in progress, zones and SLE from the lookback window', async () => {
    await showView(frame, 'aging');
    chartTimes[`aging-${name}`] = await renderTime(frame, 'aging-chart');
    expect(await frame.getByTestId('aging-chart').getAttribute('data-point-count')).toBe(
      String(summary.aging.items.length),
    );
    await frame.getByTestId('aging-chart').locator('[role="application"]').focus();
    await page.keyboard.press('End');
    const card = frame.getByTestId('chart-card');
    const oldest = summary.aging.items.reduce((a, b) => (a.ageDays >= b.ageDays ? a : b));
    expect(await card.textContent()).toMatch(new RegExp(`${summary.aging.items.length > 0 ? '#' : ''}\\d+`));
    await expectAccessible(frame, `aging-${name}`);
    await screenshot(page, frame, `aging-${name}`);
    await page.keyboard.press('Escape');
    await frame
      .getByTestId('aging-card')
      .getByRole('button', { name: /table|表/ })
      .click();
    expect(await frame.getByTestId('aging-table').getAttribute('data-row-count')).toBe(
      String(summary.aging.items.length),
    );
    expect(await frame.getByTestId('aging-table').textContent()).toContain(oldest.title);
    await frame
      .getByTestId('aging-card')
      .getByRole('button', { name: /chart|チャート/i })
      .click();
  });

  it('Aging WIP by board column: one column per board column with the board’s WIP limits', async () => {
    const board = summary.aging.board;
    expect(board, 'the demo team has a board').toBeTruthy();
    if (!board) return;
    await frame.getByTestId('aging-card').getByRole('combobox').first().selectOption('column');
    const list = frame.getByTestId('aging-columns');
    await list.waitFor();
    // Expected from the API: in-progress columns in board order (others only when holding an item),
    // then columns off the board, then the unknown ones.
    const held = (name: string) => summary.aging.items.filter((item) => item.boardColumn === name).length;
    const expected = board.columns
      .filter((column) => column.columnType === 'inProgress' || held(column.name) > 0)
      .map((column) => ({
        name: column.name,
        count: String(held(column.name)),
        limit: column.itemLimit > 0 ? String(column.itemLimit) : '',
        over: String(column.itemLimit > 0 && held(column.name) > column.itemLimit),
      }));
    const onBoard = new Set(board.columns.map((column) => column.name));
    const offBoard = summary.aging.items.filter(
      (item) => item.boardColumn === null || !onBoard.has(item.boardColumn ?? ''),
    );
    const shown = await list.locator('li').evaluateAll((items) =>
      items.map((item) => ({
        name: item.getAttribute('data-column') ?? '',
        count: item.getAttribute('data-count') ?? '',
        limit: item.getAttribute('data-limit') ?? '',
        over: item.getAttribute('data-over') ?? '',
      })),
    );
    expect(shown.slice(0, expected.length)).toEqual(expected);
    expect(shown.slice(expected.length).reduce((sum, column) => sum + Number(column.count), 0)).toBe(
      offBoard.length,
    );
    expect(
      board.columns.some((column) => column.itemLimit > 0),
      'the demo board sets WIP limits',
    ).toBe(true);
    for (const column of expected.filter((entry) => entry.over === 'true')) {
      expect(await list.locator(`[data-column="${column.name}"]`).textContent()).toMatch(
        lang === 'ja-JP' ? /超過/ : /over the limit/,
      );
    }
    expect(await frame.getByTestId('aging-chart').getAttribute('data-point-count')).toBe(
      String(summary.aging.items.length),
    );
    expect(
      await frame.getByTestId('aging-chart').locator('[role="application"]').getAttribute('aria-label'),
    ).toMatch(lang === 'ja-JP' ? /ボードの列/ : /board column/);
    await expectAccessible(frame, `aging-columns-${name}`);
    await screenshot(page, frame, `aging-columns-${name}`);
    // The stand-up view at 1024 px: the same columns (screenshot to check it stays readable).
    await page.setViewportSize({ width: 1024, height: 1200 });
    await expect.poll(() => list.locator('li').count()).toBe(shown.length);
    await screenshot(page, frame, `aging-columns-1024-${name}`);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await frame.getByTestId('aging-card').getByRole('combobox').first().selectOption('state');
  });

  it('Cycle time: grouped dots coloured by type, percentile lines, histogram from the API', async () => {
    await showView(frame, 'cycleTime');
    chartTimes[`scatter-${name}`] = await renderTime(frame, 'scatter-chart');
    expect(await frame.getByTestId('scatter-chart').getAttribute('data-point-count')).toBe(
      String(groupCount(summary)),
    );
    const subtitle = (await frame.getByTestId('scatter-card').textContent()) ?? '';
    for (const line of summary.cycleTime.percentiles) {
      expect(subtitle).toContain(
        lang === 'ja-JP'
          ? `${line.percentile}% の項目が ${line.days} 日以内`
          : `${line.percentile}% of items finished within ${line.days} days`,
      );
    }
    const bins = summary.cycleTimeHistogram.bins.length;
    expect(await frame.getByTestId('histogram-chart').getAttribute('data-point-count')).toBe(String(bins));
    await expectAccessible(frame, `cycleTime-${name}`);
    await screenshot(page, frame, `cycleTime-${name}`);
    // The legend filters: hiding the first type leaves the other types' dots.
    const firstType = [...new Set(summary.cycleTime.items.map((item) => item.workItemType))].sort()[0] ?? '';
    const legend = frame.getByTestId('scatter-card').locator('.seika-legend-button').first();
    await legend.click();
    expect(await legend.getAttribute('aria-pressed')).toBe('false');
    const others = {
      ...summary,
      cycleTime: {
        ...summary.cycleTime,
        items: summary.cycleTime.items.filter((item) => item.workItemType !== firstType),
      },
    };
    await expect
      .poll(() => frame.getByTestId('scatter-chart').getAttribute('data-point-count'))
      .toBe(String(groupCount(others)));
    await legend.click();
  });

  it('Throughput and WIP: bars per week, WIP run chart, totals from the API', async () => {
    await showView(frame, 'throughput');
    chartTimes[`throughput-${name}`] = await renderTime(frame, 'throughput-chart');
    expect(await frame.getByTestId('throughput-chart').getAttribute('data-point-count')).toBe(
      String(summary.throughput.weekly.length),
    );
    expect(await frame.getByTestId('throughput-card').textContent()).toContain(
      String(summary.throughput.total),
    );
    expect(await frame.getByTestId('wip-chart').getAttribute('data-point-count')).toBe(
      String(summary.wip.daily.length),
    );
    await expectAccessible(frame, `throughput-${name}`);
    await screenshot(page, frame, `throughput-${name}`);
    await frame.getByTestId('throughput-card').getByRole('combobox').selectOption('day');
    await expect
      .poll(() => frame.getByTestId('throughput-chart').getAttribute('data-point-count'))
      .toBe(String(summary.throughput.daily.length));
    await frame.getByTestId('throughput-card').getByRole('combobox').selectOption('sprint');
    await expect
      .poll(() => frame.getByTestId('throughput-chart').getAttribute('data-point-count'))
      .toBe(String(summary.throughput.sprints.length));
    await frame.getByTestId('throughput-card').getByRole('combobox').selectOption('week');
  });

  it('Cumulative flow and flow efficiency', async () => {
    await showView(frame, 'cumulativeFlow');
    chartTimes[`cfd-${name}`] = await renderTime(frame, 'cfd-chart');
    expect(await frame.getByTestId('cfd-chart').getAttribute('data-point-count')).toBe(
      String(summary.cumulativeFlow.byCategory.days.length),
    );
    expect(await frame.getByTestId('efficiency-value').getAttribute('data-value')).toBe(
      String(summary.flowEfficiency.efficiency ?? ''),
    );
    await expectAccessible(frame, `cumulativeFlow-${name}`);
    await screenshot(page, frame, `cumulativeFlow-${name}`);
  });

  it('Forecasts: answers at each confidence equal the API’s', async () => {
    const howManyRequest = page.waitForRequest(/\/flow\/forecast\/how-many\?.*history=/);
    const whenRequest = page.waitForRequest(/\/flow\/forecast\/when\?/);
    await showView(frame, 'forecast');
    const howMany = howManyResponseSchema.parse(await replay(await howManyRequest));
    const when = whenResponseSchema.parse(await replay(await whenRequest));
    await frame.getByTestId('how-many-answers').waitFor();
    await frame.getByTestId('when-answers').waitFor();
    for (const entry of howMany.confidences) {
      expect(
        await frame
          .locator(`[data-testid="how-many-answers"] [data-confidence="${entry.confidence}"]`)
          .getAttribute('data-items'),
      ).toBe(String(entry.items));
    }
    for (const entry of when.confidences) {
      expect(
        await frame
          .locator(`[data-testid="when-answers"] [data-confidence="${entry.confidence}"]`)
          .getAttribute('data-date'),
      ).toBe(entry.date ?? '');
    }
    expect(await frame.getByTestId('forecast-history').getAttribute('data-total')).toBe(
      String(howMany.history.total),
    );
    await expectAccessible(frame, `forecast-${name}`);
    await screenshot(page, frame, `forecast-${name}`);
  });

  it('Data quality: counts and flagged items linked', async () => {
    await showView(frame, 'quality');
    for (const [flag, count] of Object.entries(summary.dataQuality.counts)) {
      expect(await frame.locator(`[data-flag="${flag}"]`).getAttribute('data-count')).toBe(String(count));
    }
    expect(await frame.getByTestId('quality-table').getAttribute('data-row-count')).toBe(
      String(summary.dataQuality.items.length),
    );
    await expectAccessible(frame, `quality-${name}`);
    await screenshot(page, frame, `quality-${name}`);
  });

  it('Team settings: the preview shows the cycle-time lines of the entered percentiles', async () => {
    await showView(frame, 'settings');
    const preview = frame.getByTestId('settings-preview');
    await expect
      .poll(() => preview.locator('[data-percentile="85"]').getAttribute('data-days'))
      .toBe(String(summary.cycleTime.percentiles.find((line) => line.percentile === 85)?.days));
    await frame.locator('input[name="percentiles"]').fill('60, 90');
    await preview.locator('[data-percentile="90"]').waitFor();
    expect(await preview.locator('[data-percentile]').count()).toBe(2);
    await expectAccessible(frame, `settings-${name}`);
    await screenshot(page, frame, `settings-${name}`);
  });
});
