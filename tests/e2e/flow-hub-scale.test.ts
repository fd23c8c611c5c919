import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  flowSummaryResponseSchema,
  type CompletedItem,
  type FlowSummaryResponse,
} from '../../service/src/contract/index.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { flowFrame, openFlowHub, replay, screenshot, screenshots } from './flow-hub-harness.ts';

/**
 * A team with 10,000 completed items (the demo's answer grown by copies spread over the range): how long
 * the scatterplot takes to appear after navigation and what a pointer move costs. Benchmarks, recorded in
 * test-results/flow-hub-scale.json; the test only checks that every item is plotted.
 */

const directory = temporaryDirectory('e2e-flow-scale');
const itemCount = 10_000;
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
let big: FlowSummaryResponse;

function grow(summary: FlowSummaryResponse): FlowSummaryResponse {
  const days = summary.throughput.daily.map((day) => day.day);
  const items: CompletedItem[] = Array.from({ length: itemCount }, (_, index) => {
    const template = summary.cycleTime.items[index % summary.cycleTime.items.length];
    if (!template) throw new Error('The demo team completed nothing.');
    return {
      ...template,
      id: 100_000 + index,
      // Every copy on its own (day, cycle time) pair: 10,000 separate dots, the worst case for drawing.
      completedOn: days[Math.floor(index / 120) % days.length] ?? template.completedOn,
      cycleTimeDays: 1 + (index % 120),
    };
  });
  return { ...summary, cycleTime: { ...summary.cycleTime, items } };
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  const { summary } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
  big = grow(flowSummaryResponseSchema.parse(await replay(summary)));
  await page.route('**/flow/summary?*', (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(big) }),
  );
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('Flow hub with 10,000 completed items', () => {
  it('plots every item and records navigation-to-chart and hover times', async () => {
    const frameUrl = new URL(flowFrame(page).url());
    frameUrl.searchParams.set('view', 'cycleTime');
    const started = Date.now();
    await flowFrame(page).goto(frameUrl.href);
    const frame = flowFrame(page);
    const chart = frame.locator('[data-testid="scatter-chart"][data-render-ms]');
    await chart.waitFor({ timeout: 30_000 });
    const navigationToChartMs = Date.now() - started;
    const groups = new Set(big.cycleTime.items.map((item) => `${item.completedOn}|${item.cycleTimeDays}`))
      .size;
    expect(await chart.getAttribute('data-point-count')).toBe(String(groups));
    const subtitle = (await frame.getByTestId('scatter-card').textContent()) ?? '';
    expect(subtitle).toContain(`${itemCount} of ${itemCount} items shown`);

    const hover = await frame.evaluate(() => {
      const over = document.querySelector('[data-testid="scatter-chart"] .u-over');
      if (!(over instanceof HTMLElement)) throw new Error('no chart overlay');
      const box = over.getBoundingClientRect();
      const times: number[] = [];
      for (let step = 0; step < 200; step++) {
        const event = new MouseEvent('mousemove', {
          clientX: box.left + ((step * 37) % box.width),
          clientY: box.top + ((step * 53) % box.height),
          bubbles: true,
        });
        const before = performance.now();
        over.dispatchEvent(event);
        times.push(performance.now() - before);
      }
      times.sort((a, b) => a - b);
      return { median: times[100] ?? 0, p95: times[190] ?? 0, max: times.at(-1) ?? 0 };
    });
    const result = {
      items: itemCount,
      dots: groups,
      navigationToChartMs,
      chartRenderMs: Number(await chart.getAttribute('data-render-ms')),
      hoverMs: hover,
    };
    writeFileSync(resolve(screenshots, 'flow-hub-scale.json'), JSON.stringify(result, null, 2));
    await screenshot(page, frame, 'scale-10k');
  });
});
