import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  organizationListResponseSchema,
  syncStatusResponseSchema,
  type ConnectOrganizationResponse,
  type SyncStatusResponse,
} from '../../service/src/contract/index.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { PREVIEW_ACCESS_TOKEN } from '../../service/src/app/demoAppToken.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { seriousViolations } from './flow-hub-harness.ts';

/**
 * Organization settings › Seika in a browser: the demo's simulated organization as the admin hub shows it
 * (streams, progress, rate limit), the connect form against the real API (refused PAT, invalid time zone),
 * polling while a sync runs, themes and languages, and disconnecting. Screenshots: test-results/admin-hub-*.png.
 */

const repositoryRoot = resolve(import.meta.dirname, '../..');
const screenshots = resolve(repositoryRoot, 'test-results');
const directory = temporaryDirectory('e2e-admin');
const wrongPat = 'wrong-pat-7f3c9a1e';
const syncStatusRoute = '**/api/v1/organizations/*/sync-status';

let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
/** The demo organization's key, as the API lists it. */
let organization: string;
/** Everything the page and its frames wrote to the console, to prove the PAT never reaches it. */
const consoleLines: string[] = [];

function hubFrame(): Frame {
  const frame = page.frame({ url: /\/hubs\/admin\/admin\.html/ });
  if (!frame) {
    throw new Error('The admin hub frame is not loaded.');
  }
  return frame;
}

async function openHub(query = ''): Promise<Frame> {
  await page.goto(`${demo.url}?hub=admin-hub${query}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  return hubFrame();
}

async function waitForReload(): Promise<Frame> {
  await page.waitForFunction(() => document.body.dataset.hubState === 'loading');
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  return hubFrame();
}

async function screenshot(name: string): Promise<void> {
  // Icon fonts load on first use; wait so the picture shows glyphs, not empty boxes.
  await hubFrame().evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `admin-hub-${name}.png`), fullPage: true });
}

async function apiAsHub(path: string, init: RequestInit = {}): Promise<Response> {
  const tokenResponse = await fetch(new URL('preview/app-token', demo.url));
  const { token } = (await tokenResponse.json()) as { token: string };
  return fetch(`${demo.apiUrl}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      // What the preview host answers SDK.getAccessToken() with: the demo user's token.
      'X-Seika-User-Token': PREVIEW_ACCESS_TOKEN,
      'X-Seika-Organization': new URL(demo.organizationUrl).pathname.split('/').filter(Boolean)[0] ?? '',
      'Content-Type': 'application/json',
    },
  });
}

async function syncStatus(): Promise<SyncStatusResponse> {
  const response = await apiAsHub(`/organizations/${encodeURIComponent(organization)}/sync-status`);
  expect(response.status).toBe(200);
  return syncStatusResponseSchema.parse(await response.json());
}

/** A sync-status answer for the mocked scenarios, built on the real one so only the tested fields differ. */
function mockedStatus(real: SyncStatusResponse, changes: Partial<SyncStatusResponse>): SyncStatusResponse {
  return { ...real, ...changes };
}

function fulfillJson(route: Route, body: unknown, status = 200): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

/** Resolves with the times of the next `count` sync-status requests. */
function syncStatusRequestTimes(count: number): Promise<number[]> {
  const times: number[] = [];
  return new Promise((resolvePromise) => {
    const listener = (request: Request): void => {
      if (/\/sync-status$/.test(new URL(request.url()).pathname)) {
        times.push(Date.now());
        if (times.length === count) {
          page.off('request', listener);
          resolvePromise(times);
        }
      }
    };
    page.on('request', listener);
  });
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  // A long interval keeps the worker quiet after the first sync, so "done" stays done during the test.
  demo = await startDemo({ dataDirectory: directory.path, syncIntervalMs: 10 * 60_000 });
  page = await browser.context.newPage();
  // Tall enough for the whole hub (organization card and form) to be in the screenshots.
  await page.setViewportSize({ width: 1280, height: 1400 });
  page.on('console', (message) => consoleLines.push(message.text()));
  const listed = organizationListResponseSchema.parse(await (await apiAsHub('/organizations')).json());
  const [first] = listed.organizations;
  if (!first) {
    throw new Error('The demo connected no organization.');
  }
  organization = first.name;
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('admin hub in the preview host', () => {
  it('sits under Organization settings and shows the demo organization with every stream done at 100%', async () => {
    const frame = await openHub();
    expect(await page.locator('#breadcrumb').textContent()).toBe(
      `${organization} › Organization settings › Seika`,
    );
    const current = page.locator('#hub-nav a[aria-current="page"]');
    expect(await current.textContent()).toBe('Seika');
    expect(await page.locator('#hub-nav .ph-nav-group').allTextContents()).toEqual([
      'Boards',
      'Pipelines',
      'Dashboards',
      'Organization settings',
    ]);

    const status = await syncStatus();
    expect(status.streams.length).toBeGreaterThan(0);
    const card = frame.locator(`[data-organization="${organization}"]`);
    await card.waitFor();
    for (const stream of status.streams) {
      expect(stream.phase).toBe('done');
      const row = frame.locator('.bolt-table-row', {
        has: frame.locator(`[data-stream="${stream.stream}"]`),
      });
      await expect.poll(() => row.locator('[data-phase]').getAttribute('data-phase')).toBe('done');
      expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      expect(await row.textContent()).toContain('100%');
      expect(await row.textContent()).toContain('Done');
      const volume = await row.getByTestId('stream-volume').textContent();
      expect(volume).toContain(`${stream.items.toLocaleString('en-US')} item`);
      expect(volume).toContain(`${stream.pages.toLocaleString('en-US')} page`);
    }
    const facts = (await frame.getByTestId('organization-facts').textContent()) ?? '';
    expect(facts).toContain('Next run:');
    expect(facts).toContain('Last run finished:');
    expect(await frame.getByTestId('job-error').count()).toBe(0);
    expect(await frame.getByTestId('stream-error').count()).toBe(0);

    // The form starts from the host's organization and the browser's time zone; the PAT starts empty.
    const form = frame.getByTestId('connect-form');
    expect(await form.getByLabel('Organization URL').inputValue()).toBe(
      `https://dev.azure.com/${organization}`,
    );
    const browserZone = await frame.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await form.getByLabel('Time zone').inputValue()).toBe(browserZone);
    const pat = form.getByLabel('Personal access token');
    expect(await pat.getAttribute('type')).toBe('password');
    expect(await pat.inputValue()).toBe('');
    expect(await form.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
    await screenshot('light-en');
  });

  it('polls every few seconds while a stream collects, showing progress, time left and a paused rate limit', async () => {
    const real = await syncStatus();
    const now = Date.now();
    const pausedUntil = new Date(now + 12 * 60_000);
    const [first, second, third] = real.streams;
    if (!first || !second || !third) {
      throw new Error('The demo sync reports fewer than three streams.');
    }
    const collecting = mockedStatus(real, {
      job: { nextRunAt: new Date(now).toISOString(), running: true, lastFinishedAt: null, lastError: null },
      streams: [
        { ...first, phase: 'collecting', progress: null, estimatedSecondsLeft: null },
        {
          ...second,
          phase: 'collecting',
          progress: 0.42,
          estimatedSecondsLeft: 200,
          rateLimit: {
            remaining: 0,
            limit: 200,
            blockedUntil: pausedUntil.toISOString(),
            throttledResponses: 3,
            pacedSeconds: 95,
          },
        },
        {
          ...third,
          phase: 'failed',
          progress: null,
          lastError: 'The reporting API answered 500 three times.',
        },
      ],
    });
    await page.route(syncStatusRoute, (route) => fulfillJson(route, collecting));
    const requests = syncStatusRequestTimes(3);
    const frame = await openHub();
    const [firstPoll = 0, , thirdPoll = 0] = await requests;
    // Two intervals at the active pace (3 s each), with slack for a busy machine; idle would be 30 s.
    expect(thirdPoll - firstPoll).toBeLessThan(10_000);

    const row = (stream: string) =>
      frame.locator('.bolt-table-row', { has: frame.locator(`[data-stream="${stream}"]`) });
    const unknown = row(first.stream).getByRole('progressbar');
    await expect.poll(() => unknown.getAttribute('class')).toContain('indeterminate');
    expect(await unknown.getAttribute('aria-valuenow')).toBeNull();
    expect(await row(first.stream).textContent()).toContain('Estimating…');
    expect(await row(first.stream).textContent()).toContain('Collecting');

    const partial = row(second.stream);
    expect(await partial.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(await partial.textContent()).toContain('42%');
    expect(await partial.textContent()).toContain('about 3 min');
    const pausedText = await frame.evaluate(
      (iso) => new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
      pausedUntil.toISOString(),
    );
    expect(await partial.getByTestId('rate-limit').textContent()).toBe(`Paused until ${pausedText}`);
    expect(await partial.textContent()).toContain('3 throttled responses');
    expect(await partial.getByTestId('rate-limit-paced').textContent()).toBe(
      'Waited about 2 min to stay within the limit',
    );

    expect(await row(third.stream).textContent()).toContain('Failed');
    const streamError = frame.locator(`[data-testid="stream-error"][data-stream="${third.stream}"]`);
    expect(await streamError.textContent()).toContain('The reporting API answered 500 three times.');
    expect(await frame.getByTestId('organization-facts').textContent()).toContain('Synchronising now');
    await screenshot('syncing');
    await page.unroute(syncStatusRoute);
  });

  it('shows the organization first sync as a whole: one bar and its ETA, or that it is not known yet', async () => {
    const real = await syncStatus();
    // The demo finished its first sync: the API says there is none.
    expect(real.firstSync ?? null).toBeNull();
    const now = Date.now();
    const finishAt = new Date(now + 9 * 60_000);
    const streams = real.streams.map((stream, index) => ({
      ...stream,
      phase: index < 2 ? ('collecting' as const) : ('done' as const),
      progress: index < 2 ? 0.3 : 1,
      estimatedSecondsLeft: index < 2 ? 540 : 0,
      lastSucceededAt: index < 2 ? null : new Date(now).toISOString(),
    }));
    const firstSync = {
      streamsLeft: 2,
      streamsWithoutEstimate: 0,
      startedAt: new Date(now - 3 * 60_000).toISOString(),
      progress: 0.25,
      estimatedSecondsLeft: 540,
      estimatedFinishAt: finishAt.toISOString(),
    };
    const running = {
      nextRunAt: new Date(now).toISOString(),
      running: true,
      lastFinishedAt: null,
      lastError: null,
    };
    let answer = mockedStatus(real, { job: running, streams, firstSync });
    await page.route(syncStatusRoute, (route) => fulfillJson(route, answer));
    let frame = await openHub();
    const summary = () => frame.locator(`[data-organization="${organization}"] [data-testid="first-sync"]`);
    await summary().waitFor();
    const timeText = (locale: string) =>
      frame.evaluate(
        ([iso, tag]) =>
          new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
        [finishAt.toISOString(), locale] as const,
      );
    expect(await summary().getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(await summary().getByTestId('first-sync-eta').textContent()).toBe(
      `about 9 min left, done around ${await timeText('en-US')}`,
    );
    expect(await summary().getByTestId('first-sync-streams').textContent()).toBe('2 streams to go');
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot('first-sync-light-en');

    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="dark"]');
    await screenshot('first-sync-dark-en');
    await page.selectOption('#language-select', 'ja-JP');
    frame = await waitForReload();
    await summary().waitFor();
    expect(await summary().getByTestId('first-sync-eta').textContent()).toBe(
      `残り約 9 分、${await timeText('ja-JP')} ごろ完了`,
    );
    expect(await summary().getByTestId('first-sync-streams').textContent()).toBe('残り 2 ストリーム');
    expect(await seriousViolations(frame)).toEqual([]);
    await screenshot('first-sync-dark-ja');

    // A stream that cannot be estimated yet: the whole is not known, and the bar says it is working.
    answer = mockedStatus(real, {
      job: running,
      streams,
      firstSync: {
        ...firstSync,
        streamsWithoutEstimate: 1,
        progress: null,
        estimatedSecondsLeft: null,
        estimatedFinishAt: null,
      },
    });
    await page.selectOption('#language-select', 'en-US');
    frame = await waitForReload();
    await summary().waitFor();
    expect(await summary().getByTestId('first-sync-eta').textContent()).toBe(
      'Time left not known yet: 1 stream cannot be estimated yet',
    );
    expect(await summary().getByRole('progressbar').getAttribute('class')).toContain('indeterminate');
    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="light"]');
    await screenshot('first-sync-unknown-light-en');
    await page.unroute(syncStatusRoute);
  });

  it('polls rarely when nothing is collecting', async () => {
    const real = await syncStatus();
    const idle = mockedStatus(real, {
      job: {
        nextRunAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        running: false,
        lastFinishedAt: new Date().toISOString(),
        lastError: null,
      },
    });
    let polls = 0;
    await page.route(syncStatusRoute, (route) => {
      polls++;
      return fulfillJson(route, idle);
    });
    const frame = await openHub();
    await frame.locator('.seika-stream-table').waitFor();
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 7_000));
    expect(polls).toBe(1);
    await page.unroute(syncStatusRoute);
  });

  it('shows the server’s own messages on the fields they name, and clears the PAT after each submit', async () => {
    const frame = await openHub();
    const form = frame.getByTestId('connect-form');
    await form.getByLabel('Organization URL').fill(demo.organizationUrl);
    const pat = form.getByLabel('Personal access token');
    await pat.fill(wrongPat);
    const posted = page.waitForRequest((request) => request.method() === 'POST');
    await form.getByRole('button', { name: 'Connect' }).click();
    expect((await posted).postDataJSON()).toMatchObject({
      organizationUrl: demo.organizationUrl,
      personalAccessToken: wrongPat,
      subscribeToEvents: true,
    });

    const patField = frame.locator('[data-testid="field-personalAccessToken"][data-invalid="true"]');
    await patField.waitFor();
    expect(await patField.textContent()).toContain('Azure DevOps refused the credentials');
    expect(await pat.getAttribute('aria-invalid')).toBe('true');
    expect(await pat.inputValue()).toBe('');
    expect(await frame.locator('[data-testid="field-organizationUrl"]').getAttribute('data-invalid')).toBe(
      'false',
    );
    await screenshot('wrong-pat');

    await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await pat.fill(wrongPat);
    await form.getByRole('button', { name: 'Connect' }).click();
    const zoneField = frame.locator('[data-testid="field-timeZone"][data-invalid="true"]');
    await zoneField.waitFor();
    expect(await zoneField.textContent()).toContain('is not an IANA time zone');
    expect(
      await frame.locator('[data-testid="field-personalAccessToken"]').getAttribute('data-invalid'),
    ).toBe('false');
    expect(await pat.inputValue()).toBe('');

    expect(await frame.locator('body').innerHTML()).not.toContain(wrongPat);
    expect(consoleLines.filter((line) => line.includes(wrongPat))).toEqual([]);
  });

  it('shows the hooks setup message after connecting and reloads the list', async () => {
    const frame = await openHub();
    const listed = organizationListResponseSchema.parse(await (await apiAsHub('/organizations')).json());
    const [summary] = listed.organizations;
    const connected: ConnectOrganizationResponse = {
      organization: summary ?? {
        name: organization,
        url: demo.organizationUrl,
        timeZone: 'UTC',
        connectedAt: '',
      },
      hooks: {
        status: 'failed',
        subscriptions: 0,
        message:
          'Could not create service-hook subscriptions (a Project Collection Administrator’s PAT is needed).',
      },
    };
    // The real success path needs the simulator's PAT, which the demo keeps to itself; the API side of it
    // is covered by tests/integration/organizations/organizations.test.ts. Here only the form's handling is under test.
    await page.route('**/api/v1/organizations', (route) =>
      route.request().method() === 'POST' ? fulfillJson(route, connected, 201) : route.fallback(),
    );
    const relisted = page.waitForRequest(
      (request) =>
        request.method() === 'GET' && new URL(request.url()).pathname.endsWith('/api/v1/organizations'),
    );
    const form = frame.getByTestId('connect-form');
    await form.getByLabel('Personal access token').fill('a-good-looking-token');
    await form.getByRole('button', { name: 'Connect' }).click();
    const result = frame.getByTestId('connect-result');
    await result.waitFor();
    await relisted;
    expect(await result.getAttribute('data-hooks')).toBe('failed');
    expect(await result.textContent()).toContain(`Connected ${connected.organization.name}`);
    expect(await result.textContent()).toContain(`Service hooks: ${connected.hooks.message}`);
    expect(await form.getByLabel('Personal access token').inputValue()).toBe('');
    await screenshot('connected');
    await page.unroute('**/api/v1/organizations');
  });

  it('follows the host’s dark theme and speaks Japanese', async () => {
    let frame = await openHub();
    await frame.locator(`[data-organization="${organization}"] .seika-stream-table`).waitFor();
    const background = (): Promise<string> =>
      hubFrame().evaluate(
        () => getComputedStyle(document.getElementById('root') ?? document.body).backgroundColor,
      );
    const lightBackground = await background();
    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="dark"]');
    await expect.poll(background).not.toBe(lightBackground);
    const [red = 255, green = 255, blue = 255] = (await background()).match(/\d+/g)?.map(Number) ?? [];
    expect(red + green + blue).toBeLessThan(3 * 80);
    await screenshot('dark-en');

    await page.selectOption('#language-select', 'ja-JP');
    frame = await waitForReload();
    await frame.getByRole('heading', { name: '接続済みの組織' }).waitFor();
    await frame.locator(`[data-organization="${organization}"] .seika-stream-table`).waitFor();
    expect(await frame.locator('.seika-stream-table').textContent()).toContain('完了');
    expect(await frame.getByRole('button', { name: '接続' }).count()).toBe(1);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ja');
    await screenshot('dark-ja');

    await page.click('#theme-toggle');
    await page.waitForSelector('body[data-theme="light"]');
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await screenshot('light-ja');
  });

  it('disconnects only after confirmation, and the organization is gone', async () => {
    const frame = await openHub('&lang=en-US&theme=light');
    const card = frame.locator(`[data-organization="${organization}"]`);
    await card.waitFor();
    // Card header commands are menu items of the header's command bar.
    const disconnect = frame
      .locator('.seika-organization', { has: card })
      .getByRole('menuitem', { name: 'Disconnect' });

    await disconnect.click();
    const dialog = frame.getByRole('dialog');
    await dialog.getByText(`Disconnect ${organization}?`).waitFor();
    await screenshot('confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await card.count()).toBe(1);
    const stillListed = organizationListResponseSchema.parse(await (await apiAsHub('/organizations')).json());
    expect(stillListed.organizations.map((listed) => listed.name)).toEqual([organization]);

    await disconnect.click();
    const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE');
    await frame.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    expect((await deleted).status()).toBe(204);
    await frame.getByText('No organization connected yet').waitFor();
    expect(await card.count()).toBe(0);
    const listed = organizationListResponseSchema.parse(await (await apiAsHub('/organizations')).json());
    expect(listed.organizations).toEqual([]);
    await screenshot('disconnected');
  });
});
