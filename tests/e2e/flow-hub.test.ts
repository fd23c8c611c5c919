import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { cycleTimeResponseSchema, type CycleTimeResponse } from '../../service/src/contract/index.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, readScatterCanvas, type TestBrowser } from './browser.ts';

/**
 * The whole walking skeleton in a browser: simulated organization → sync → API → preview host →
 * SDK handshake → Flow hub → chart. Screenshots land in test-results/flow-hub-*.png.
 */

const repositoryRoot = resolve(import.meta.dirname, '../..');
const screenshots = resolve(repositoryRoot, 'test-results');
const directory = temporaryDirectory('e2e-flow');

let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
/** What the API answered to the hub's own first request, fetched again by the test. */
let api: CycleTimeResponse;

function hubFrame(): Frame {
  const frame = page.frame({ url: /\/hubs\/flow\/flow\.html/ });
  if (!frame) {
    throw new Error('The Flow hub frame is not loaded.');
  }
  return frame;
}

async function waitForHub(): Promise<Frame> {
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  return hubFrame();
}

async function screenshot(name: string): Promise<void> {
  // Icon fonts load on first use; wait so the picture shows glyphs, not empty boxes.
  await hubFrame().evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `flow-hub-${name}.png`) });
}

async function fetchAsHub(url: string): Promise<CycleTimeResponse> {
  const tokenResponse = await fetch(new URL('preview/app-token', demo.url));
  const { token } = (await tokenResponse.json()) as { token: string };
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return cycleTimeResponseSchema.parse(await response.json());
}

async function canvasBox(frame: Frame): Promise<{ x: number; y: number }> {
  const box = await frame.locator('.seika-scatter canvas').boundingBox();
  if (!box) {
    throw new Error('The scatterplot canvas is not visible.');
  }
  return box;
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('preview host routes', () => {
  it('answers unknown extension files with a JSON 404, not the host page', async () => {
    const response = await fetch(new URL('extension/hubs/nope/nope.html', demo.url));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('hands out a JWT app token, while the API refuses callers without one', async () => {
    const response = await fetch(new URL('preview/app-token', demo.url));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    const unauthenticated = await fetch(`${demo.apiUrl}/organizations/x/projects/y/teams/z/flow/cycle-time`);
    expect(unauthenticated.status).toBe(401);
    expect(token.split('.')).toHaveLength(3);
  });
});

describe('Flow hub in the preview host', () => {
  it('completes the SDK handshake and plots the team’s completed items', async () => {
    const hubRequest = page.waitForRequest(/\/flow\/cycle-time\?/);
    await page.goto(demo.url);
    const request = await hubRequest;
    expect(request.headers()['authorization']).toMatch(/^Bearer \S+/);
    const frame = await waitForHub();
    await frame.locator('.seika-scatter canvas').waitFor();

    api = await fetchAsHub(request.url());
    expect(api.items.length).toBeGreaterThan(0);
    const count = frame.getByTestId('item-count');
    await expect.poll(() => count.getAttribute('data-count')).toBe(String(api.items.length));
    expect(await count.textContent()).toContain(api.items.length.toLocaleString('en-US'));

    const sentences = await frame.getByTestId('percentile-sentences').locator('li').allTextContents();
    const expected = api.percentiles.flatMap(({ percentile, days }) =>
      days === null ? [] : [`${percentile}% of items finished within ${days} day`],
    );
    expect(sentences.length).toBe(expected.length);
    expected.forEach((sentence, index) => expect(sentences[index]).toContain(sentence));

    const canvas = await readScatterCanvas(frame);
    expect(canvas.pointPixels).toBeGreaterThan(api.items.length * 4);
    expect(await frame.locator('[data-point-count]').getAttribute('data-point-count')).toBe(
      String(api.items.length),
    );
    await screenshot('light-en');
  });

  it('shows a work item card on hover and pins it on click so its link can be followed', async () => {
    const frame = hubFrame();
    const { pointCentre } = await readScatterCanvas(frame);
    expect(pointCentre).not.toBeNull();
    const box = await canvasBox(frame);
    const x = box.x + (pointCentre?.x ?? 0);
    const y = box.y + (pointCentre?.y ?? 0);

    await page.mouse.move(x, y);
    const tooltip = frame.getByTestId('scatter-tooltip');
    await tooltip.waitFor();
    const id = Number(await tooltip.getAttribute('data-item-id'));
    const item = api.items.find((candidate) => candidate.id === id);
    expect(item, `tooltip shows item ${id}, which the API did not return`).toBeDefined();
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain(String(id));
    expect(text).toContain(item?.title ?? '');
    expect(text).toContain(`Cycle time: ${item?.cycleTimeDays ?? ''} day`);
    expect(text).toContain(`Completed: ${item?.completedOn ?? ''}`);
    const link = tooltip.getByRole('link', { name: 'Open work item' });
    expect(await link.getAttribute('href')).toBe(item?.url);
    await screenshot('hover');

    await page.mouse.click(x, y);
    await expect.poll(() => tooltip.getAttribute('class')).toContain('pinned');
    const popup = browser.context.waitForEvent('page');
    await link.click();
    const opened = await popup;
    expect(opened.url()).toBe(item?.url);
    await opened.close();
    expect(await tooltip.getAttribute('data-item-id')).toBe(String(id));
  });

  it('shows the server’s message when the API fails', async () => {
    await page.route('**/flow/cycle-time?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'sync_pending', message: 'Team data is still synchronising.' },
        }),
      }),
    );
    const frame = hubFrame();
    await frame.getByRole('button', { name: 'Last 30 days' }).click();
    const error = frame.getByTestId('flow-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Team data is still synchronising.');
    await screenshot('error');
    await page.unroute('**/flow/cycle-time?*');
  });

  it('shows an empty state when nothing was completed', async () => {
    await page.route('**/flow/cycle-time?*', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ...api,
          items: [],
          completedWithoutStart: [],
          percentiles: api.percentiles.map((line) => ({ ...line, days: null })),
        }),
      }),
    );
    const frame = hubFrame();
    await frame.getByRole('button', { name: 'Last 180 days' }).click();
    await frame.getByText('No completed work in this period').waitFor();
    expect(await frame.locator('.seika-scatter canvas').count()).toBe(0);
    await screenshot('empty');
    await page.unroute('**/flow/cycle-time?*');
    await frame.getByRole('button', { name: 'Last 90 days' }).click();
    await frame.locator('.seika-scatter canvas').waitFor();
  });

  it('follows the host’s switch to the dark theme', async () => {
    const frame = hubFrame();
    const background = (): Promise<string> =>
      frame.evaluate(
        () => getComputedStyle(document.getElementById('root') ?? document.body).backgroundColor,
      );
    const lightBackground = await background();
    const light = await readScatterCanvas(frame);

    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="dark"]');
    await expect.poll(background).not.toBe(lightBackground);
    const [red = 255, green = 255, blue = 255] = (await background()).match(/\d+/g)?.map(Number) ?? [];
    expect(red + green + blue).toBeLessThan(3 * 80);
    await expect.poll(async () => (await readScatterCanvas(frame)).pointColour).not.toBe(light.pointColour);
    expect((await readScatterCanvas(frame)).pointPixels).toBeGreaterThan(api.items.length * 4);
    await screenshot('dark-en');
  });

  it('speaks Japanese when the host culture is Japanese', async () => {
    await page.selectOption('#language-select', 'ja-JP');
    await page.waitForFunction(() => document.body.dataset.hubState === 'loading');
    const frame = await waitForHub();
    await frame.getByRole('heading', { name: 'フロー' }).waitFor();
    await frame.locator('.seika-scatter canvas').waitFor();
    const count = frame.getByTestId('item-count');
    expect(await count.textContent()).toContain(`${api.items.length.toLocaleString('ja-JP')} 件`);
    expect(await frame.getByRole('button', { name: '過去 90 日' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot('dark-ja');

    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="light"]');
    await expect
      .poll(() =>
        frame.evaluate(
          () => getComputedStyle(document.getElementById('root') ?? document.body).backgroundColor,
        ),
      )
      .toBe('rgb(255, 255, 255)');
    await screenshot('light-ja');
  });
});
