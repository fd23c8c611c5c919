import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  flowSummaryResponseSchema,
  syncHealthResponseSchema,
  type FlowSummaryResponse,
  type SyncHealthResponse,
} from '../../service/src/contract/index.ts';
import { formatInstant } from '../../extension/src/format/calendar.ts';
import { SeikaApiError } from '../../extension/src/api/seikaClient.ts';
import { apiErrorText } from '../../extension/src/i18n/apiErrors.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { chromiumExecutable } from './browser.ts';
import {
  openFlowHub,
  replay,
  screenshot,
  screenshots,
  seriousViolations,
  showView,
  waitForFlowHub,
  flowFrame,
} from './flow-hub-harness.ts';

/**
 * Scope and states: filters survive a reload through the URL; viewers in time zones a day apart see the
 * same days and figures (the team's zone decides); every designed state (first sync, no data, too few
 * items, stale data, error) in English and Japanese.
 */

const directory = temporaryDirectory('e2e-flow-scope');
let demo: RunningDemo;
let browser: Browser;
let api: FlowSummaryResponse;

async function newPage(timezoneId = 'UTC'): Promise<Page> {
  const context = await browser.newContext({
    timezoneId,
    locale: 'en-US',
    viewport: { width: 1280, height: 1100 },
  });
  return context.newPage();
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--headless'],
  });
  demo = await startDemo({ dataDirectory: directory.path });
  const page = await newPage();
  const { summary } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
  api = flowSummaryResponseSchema.parse(await replay(summary));
  await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('filters in the URL', () => {
  it('reproduces view, dates and filters from the frame URL after a reload', async () => {
    const page = await newPage();
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await frame.getByRole('button', { name: 'Last 30 days' }).click();
    await frame.getByRole('checkbox', { name: 'Bug' }).check();
    await showView(frame, 'cycleTime');
    await frame.getByLabel('Tags (comma-separated)').fill('checkout, web');
    const filtered = page.waitForRequest(/\/flow\/summary\?.*tags=/);
    await frame.getByRole('button', { name: 'Apply' }).click();
    const url = new URL(frame.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cycleTime',
      range: '30',
      types: 'Bug',
      tags: 'checkout,web',
    });
    const request = new URL((await filtered).url());
    expect(request.searchParams.get('workItemTypes')).toBe('Bug');
    expect(request.searchParams.get('tags')).toBe('checkout,web');

    const reloaded = page.waitForRequest(/\/flow\/summary\?/);
    await frame.goto(url.href);
    const again = flowFrame(page);
    await again.locator('[data-view="cycleTime"][aria-current="page"]').waitFor();
    expect(new URL((await reloaded).url()).search).toBe(request.search);
    expect(await again.getByRole('checkbox', { name: 'Bug' }).isChecked()).toBe(true);
    expect(await again.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await again.getByLabel('Tags (comma-separated)').inputValue()).toBe('checkout, web');
    await page.context().close();
  });
});

describe('requests, drill-down and CSV', () => {
  it('makes the first view in two round trips: settings, then the summary with the overview’s forecast', async () => {
    const page = await newPage();
    const events: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/api/v1/')) events.push(`start ${path.split('/flow/')[1] ?? path}`);
    });
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/api/v1/')) events.push(`end ${path.split('/flow/')[1] ?? path}`);
    });
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await frame.locator('[data-testid="tile-forecast"]:not([data-value=""])').waitFor();
    const flowEvents = events.filter((event) => /settings|summary|forecast/.test(event));
    expect(flowEvents.slice(0, 2)).toEqual(['start settings', 'end settings']);
    expect(flowEvents.slice(2, 4).sort()).toEqual(['start forecast/how-many', 'start summary']);
    expect(flowEvents.filter((event) => event.startsWith('start'))).toHaveLength(3);
    await page.context().close();
  });

  it('lists the items behind a dot (keyboard: End, Enter) with links, and downloads them as CSV', async () => {
    const page = await newPage();
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await showView(frame, 'cycleTime');
    await frame.getByTestId('scatter-chart').locator('[role="application"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const panel = frame.getByTestId('drill-panel');
    await panel.waitFor();
    const last = [...api.cycleTime.items]
      .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.cycleTimeDays - b.cycleTimeDays)
      .at(-1);
    const behind = api.cycleTime.items.filter(
      (item) => item.completedOn === last?.completedOn && item.cycleTimeDays === last.cycleTimeDays,
    );
    expect(await frame.getByTestId('drill-table').getAttribute('data-row-count')).toBe(String(behind.length));
    for (const item of behind) {
      expect(await panel.getByRole('link', { name: String(item.id), exact: true }).getAttribute('href')).toBe(
        item.url,
      );
    }
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(behind.length + 1);

    const scatterCsv = page.waitForEvent('download');
    await frame.getByTestId('scatter-card').getByRole('button', { name: 'Download CSV' }).click();
    const rows = readFileSync((await (await scatterCsv).path()) ?? '', 'utf8')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(api.cycleTime.items.length + 1);
    await screenshot(page, frame, 'drill-down');
    await page.context().close();
  });

  it('keeps the stand-up view readable at 1024 px', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1024, height: 1100 });
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await showView(frame, 'aging');
    const canvas = frame.getByTestId('aging-chart').locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(600);
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot(page, frame, 'aging-1024');
    await page.context().close();
  });
});

describe('team', () => {
  it('names its team, switches to another by name (in the URL) and comes back', async () => {
    const page = await newPage();
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(`Flow · ${api.team}`);
    await frame.getByRole('button', { name: 'Switch team' }).click();
    const settingsRequest = page.waitForRequest(/\/teams\/Mobile%20Team\/flow\/settings/);
    await frame.getByLabel('Team of this project').fill('Mobile Team');
    await frame.getByRole('button', { name: 'Open', exact: true }).click();
    await settingsRequest;
    expect(new URL(frame.url()).searchParams.get('team')).toBe('Mobile Team');
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('Flow · Mobile Team');
    // The demo organization has one team: another name is the service's 404, shown as such.
    await frame.getByTestId('flow-error').waitFor();
    await frame.getByRole('button', { name: `Back to ${api.team}` }).click();
    await frame.getByTestId('overview').waitFor();
    expect(new URL(frame.url()).searchParams.has('team')).toBe(false);
    await page.context().close();
  });
});

describe('time zones', () => {
  it('shows the same days and figures to viewers a calendar day apart (UTC+14 and UTC−11)', async () => {
    const seen: { search: string; tiles: (string | null)[] }[] = [];
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const page = await newPage(zone);
      const { frame, summary } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
      await frame.getByTestId('overview').waitFor();
      const browserDay = await frame.evaluate(() => new Date().toLocaleDateString('en-CA'));
      const tiles = await Promise.all(
        ['tile-wip', 'tile-throughput', 'tile-cycle-time', 'tile-sle', 'tile-aging'].map((id) =>
          frame.getByTestId(id).getAttribute('data-value'),
        ),
      );
      seen.push({ search: new URL(summary.url()).search, tiles });
      const teamDay = new Intl.DateTimeFormat('en-CA', { timeZone: api.timeZone }).format(new Date());
      expect(new URL(summary.url()).searchParams.get('to'), `browser day ${browserDay}`).toBe(teamDay);
      await page.context().close();
    }
    expect(seen[0]).toEqual(seen[1]);
  });
});

const states = [
  {
    name: 'first-sync',
    testId: 'state-first-sync',
    answer: (): FlowSummaryResponse => ({ ...api, syncedAt: null }),
  },
  { name: 'no-data', testId: 'state-no-data', answer: (): FlowSummaryResponse => ({ ...api, itemCount: 0 }) },
  {
    name: 'stale',
    testId: 'state-stale',
    answer: (): FlowSummaryResponse => ({
      ...api,
      syncedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    }),
  },
  {
    name: 'too-few',
    testId: 'tile-cycle-time',
    answer: (): FlowSummaryResponse => ({
      ...api,
      cycleTime: { ...api.cycleTime, items: api.cycleTime.items.slice(0, 3) },
    }),
  },
] as const;

describe.each(['en-US', 'ja-JP'])('designed states, %s', (lang) => {
  it.each(states)('$name', async ({ name, testId, answer }) => {
    const page = await newPage();
    await page.route('**/flow/summary?*', (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer()) }),
    );
    await page.goto(`${demo.url}?hub=flow-hub&lang=${lang}`);
    const frame = await waitForFlowHub(page);
    const state = frame.getByTestId(testId);
    await state.waitFor();
    if (name === 'too-few') {
      expect(await state.getAttribute('data-value')).toBe('');
      expect(await state.textContent()).toContain(lang === 'ja-JP' ? '3 件' : 'Only 3 items completed');
    }
    if (name === 'stale') await frame.getByTestId('overview').waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot(page, frame, `state-${name}-${lang}`);
    await page.context().close();
  });

  it('error: shows the service’s message and retries', async () => {
    const page = await newPage();
    let failing = true;
    await page.route('**/flow/summary?*', async (route: Route) => {
      if (failing) {
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'sync_pending', message: 'Team data is still synchronising.' },
          }),
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${demo.url}?hub=flow-hub&lang=${lang}`);
    const frame = await waitForFlowHub(page);
    const error = frame.getByTestId('flow-error');
    await error.waitFor();
    // English shows the service's message; Japanese never shows it, but words the code it does not know.
    expect(await error.textContent()).toContain(
      lang === 'ja-JP'
        ? apiErrorText(new SeikaApiError('', 503, 'sync_pending'), 'ja')
        : 'Team data is still synchronising.',
    );
    expect(await error.getAttribute('data-code')).toBe('sync_pending');
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot(page, frame, `state-error-${lang}`);
    failing = false;
    await error.getByRole('button').click();
    await frame.getByTestId('overview').waitFor();
    await page.context().close();
  });
});

describe('team settings', () => {
  it('saves a setting and every view follows (the aging lookback window)', async () => {
    const page = await newPage();
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    await showView(frame, 'settings');
    await frame.locator('input[name="lookbackDays"]').fill('30');
    const saved = page.waitForResponse(
      (response) => /\/flow\/settings$/.test(response.url()) && response.request().method() === 'PUT',
    );
    // Saving drops the cached answers; the summary the hub watches is asked for again at once.
    const refreshed = page.waitForRequest(/\/flow\/summary\?/);
    await frame.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => frame.getByTestId('settings-status').textContent()).toBe('Saved.');
    await showView(frame, 'aging');
    const summary = flowSummaryResponseSchema.parse(await replay(await refreshed));
    expect(summary.aging.lookback.fromDay > api.aging.lookback.fromDay).toBe(true);
    await expect
      .poll(() => frame.getByTestId('aging-card').textContent())
      .toContain(`${summary.aging.lookback.completedItems} items completed`);
    await page.context().close();
  });
});

describe('freshness line', () => {
  it('says what the sync-health API says: data as of its flow time, in the team’s zone', async () => {
    const page = await newPage('America/New_York');
    const healthRequest = page.waitForRequest(/\/sync-health$/);
    const { frame } = await openFlowHub(page, demo, { theme: 'light', lang: 'en-US' });
    const health = syncHealthResponseSchema.parse(await replay(await healthRequest));
    if (health.flowDataAsOf === null) throw new Error('the demo has synced: flowDataAsOf expected');
    const line = frame.getByTestId('freshness');
    await frame.locator(`[data-testid="freshness"][data-state="${health.flowState}"]`).waitFor();
    expect(await line.textContent()).toBe(
      `Data as of ${formatInstant(health.flowDataAsOf, 'en-US', api.timeZone)}`,
    );
    await page.context().close();
  });

  it.each(['en-US', 'ja-JP'])('shows a paced sync with when it resumes (%s)', async (lang) => {
    const page = await newPage();
    const resumesAt = new Date(Date.now() + 4 * 60_000).toISOString();
    const seen: { paced: SyncHealthResponse | null } = { paced: null };
    await page.route('**/sync-health', async (route: Route) => {
      const response = await route.fetch();
      const real = syncHealthResponseSchema.parse(await response.json());
      seen.paced = { ...real, state: 'paced', flowState: 'paced', resumesAt };
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(seen.paced) });
    });
    await page.goto(`${demo.url}?hub=flow-hub&lang=${lang}`);
    const frame = await waitForFlowHub(page);
    await frame.locator('[data-testid="freshness"][data-state="paced"]').waitFor();
    const shown = seen.paced;
    if (shown === null || shown.flowDataAsOf === null) throw new Error('no sync-health answer was seen');
    const asOf = formatInstant(shown.flowDataAsOf, lang, api.timeZone);
    const until = formatInstant(resumesAt, lang, api.timeZone);
    expect(await frame.getByTestId('freshness').textContent()).toBe(
      lang === 'ja-JP'
        ? `${asOf} 時点のデータ · Azure DevOps のレート制限により ${until} まで待機中`
        : `Data as of ${asOf} · waiting for Azure DevOps's rate limit until ${until}`,
    );
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot(page, frame, `freshness-paced-${lang}`);
    await page.context().close();
  });
});
