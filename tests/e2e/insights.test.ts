import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  insightExperimentsResponseSchema,
  insightsResponseSchema,
  type InsightsResponse,
} from '../../service/src/contract/insights/insights.ts';
import { teamSettingsResponseSchema } from '../../service/src/contract/flow/teamSettings.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { flowFrame, replay, screenshots, seriousViolations } from './flow-hub-harness.ts';

/**
 * The Flow overview's insights panel against the demo organization: a team administrator makes a
 * finding an experiment (a dismissal asks for a reason first); a member sees them read-only; light,
 * dark and Japanese; axe finds nothing serious or critical; screenshots in test-results/insights-*.png.
 */

const directory = temporaryDirectory('e2e-insights');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
let firstAnswer: InsightsResponse;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

async function openOverview(
  as: 'team-admin' | 'member',
  theme: 'light' | 'dark',
  lang: string,
): Promise<{ frame: Frame; insights: Request; experiments: Request }> {
  const insightsRequest = page.waitForRequest(/\/insights$/, { timeout: 60_000 });
  const experimentsRequest = page.waitForRequest(/\/insights\/experiments$/, { timeout: 60_000 });
  await page.goto(`${demo.url}?hub=flow-hub&as=${as}&theme=${theme}&lang=${lang}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 60_000 });
  const frame = flowFrame(page);
  await frame.getByTestId('insights').waitFor({ timeout: 60_000 });
  return { frame, insights: await insightsRequest, experiments: await experimentsRequest };
}

/**
 * The demo team has no finding this week, so the test makes one deterministically through the API, as
 * the team administrator the hub plays: every in-progress state counted as waiting makes flow efficiency
 * low with one state holding most of the items' time, which WAIT-1 reports.
 */
async function seedWaitingFinding(hubRequest: Request): Promise<void> {
  const headers = Object.fromEntries(
    Object.entries(await hubRequest.allHeaders()).filter(
      ([name]) => name === 'authorization' || name.startsWith('x-seika'),
    ),
  );
  const settingsUrl = hubRequest.url().replace(/\/insights$/, '/flow/settings');
  const current = teamSettingsResponseSchema.parse(await (await fetch(settingsUrl, { headers })).json());
  const waitingStates = [
    ...new Set(
      current.options.states.filter((state) => state.category === 'InProgress').map((state) => state.name),
    ),
  ];
  expect(waitingStates.length).toBeGreaterThan(0);
  const saved = await fetch(settingsUrl, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...current.settings, waitingStates }),
  });
  expect(saved.status).toBe(200);
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  const panel = frame.getByTestId('insights');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(screenshots, `insights-${name}.png`), fullPage: true });
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

describe('insights panel', () => {
  it('shows a team administrator the week’s findings with their actions', async () => {
    const before = await openOverview('team-admin', 'light', 'en-US');
    const asOpened = insightsResponseSchema.parse(await replay(before.insights));
    if (asOpened.findings.length < 2) await seedWaitingFinding(before.insights);
    const { frame, insights } = await openOverview('team-admin', 'light', 'en-US');
    firstAnswer = insightsResponseSchema.parse(await replay(insights));
    expect(firstAnswer.findings.length).toBeGreaterThan(0);
    const items = frame.getByTestId('insights').locator('li[data-rule]');
    await expect.poll(() => items.count()).toBe(firstAnswer.findings.length);
    for (const finding of firstAnswer.findings) {
      const item = frame.locator(`li[data-rule="${finding.ruleId}"]`);
      await item.getByRole('button', { name: 'Acknowledge' }).waitFor();
      await item.getByRole('button', { name: 'Make an experiment…' }).waitFor();
    }
    await expectAccessible(frame);
    await shoot(frame, 'admin-light-en');
  }, 120_000);

  it('asks for a reason before dismissing, in a labelled form the team administrator can cancel', async () => {
    const frame = flowFrame(page);
    const [finding] = firstAnswer.findings;
    if (finding === undefined) throw new Error('no finding');
    const item = frame.locator(`li[data-rule="${finding.ruleId}"]`);
    await item.getByRole('button', { name: 'Dismiss…' }).click();
    const posts: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && /\/insights\/actions$/.test(request.url()))
        posts.push(request.url());
    };
    page.on('request', record);
    await item.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => item.getByRole('alert').textContent()).toBe('Say why the insight is dismissed.');
    expect(await item.getByLabel('Why dismiss it? (required)').getAttribute('aria-invalid')).toBe('true');
    expect(posts).toEqual([]);
    page.off('request', record);
    await expectAccessible(frame);
    await shoot(frame, 'dismiss-form-light-en');
    await item.getByRole('button', { name: 'Cancel' }).click();
    await item.getByRole('button', { name: 'Make an experiment…' }).waitFor();
  }, 60_000);

  it('makes a finding an experiment, linked to the current sprint, and lists it with its verdict', async () => {
    const frame = flowFrame(page);
    const [finding] = firstAnswer.findings;
    if (finding === undefined) throw new Error('no finding');
    const item = frame.locator(`li[data-rule="${finding.ruleId}"]`);
    await item.getByRole('button', { name: 'Make an experiment…' }).click();
    await item.getByLabel('The experiment in the team’s words').fill('Swarm on the oldest item each morning');
    const posted = page.waitForRequest(
      (request) => request.method() === 'POST' && /\/insights\/actions$/.test(request.url()),
    );
    const counted = page.waitForRequest(
      (request) => request.method() === 'POST' && /\/usage\/events$/.test(request.url()),
    );
    await item.getByRole('button', { name: 'Start the experiment' }).click();
    const body: unknown = (await posted).postDataJSON();
    expect(body).toMatchObject({
      ruleId: finding.ruleId,
      weekStart: firstAnswer.weekStart,
      action: 'experiment',
      note: 'Swarm on the oldest item each morning',
      // The box to link the current sprint starts ticked.
      iterationId: expect.stringMatching(/^[A-Za-z0-9-]+$/),
    });
    expect((await counted).postDataJSON()).toMatchObject({ kind: 'insightActed' });
    await item.getByTestId('insight-status').filter({ hasText: 'An experiment this week' }).waitFor();
    const experiments = frame.getByTestId('insight-experiments');
    await experiments.locator(`li[data-rule="${finding.ruleId}"]`).waitFor();
    // Started this week: no complete week since yet, so too few points to judge.
    expect(await experiments.locator(`li[data-rule="${finding.ruleId}"]`).getAttribute('data-verdict')).toBe(
      'tooFewPoints',
    );
    await expectAccessible(frame);
    await shoot(frame, 'experiment-light-en');
  }, 60_000);

  it('refuses a digest webhook outside Slack and Teams with the service’s message', async () => {
    const frame = flowFrame(page);
    const digest = frame.getByTestId('insight-digest');
    await digest.getByText('No digest is set up.').waitFor();
    await digest.getByLabel('Where').selectOption('slack');
    await digest.getByLabel('Incoming webhook URL').fill('https://example.com/services/T0/B0/x');
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && /\/insights\/settings$/.test(response.url()),
    );
    await digest.getByRole('button', { name: 'Save the digest' }).click();
    expect((await saved).status()).toBe(422);
    await expect
      .poll(() => digest.getByRole('alert').textContent())
      .toContain('must be a Slack incoming webhook');
    await digest.getByText('No digest is set up.').waitFor();
    await expectAccessible(frame);
    await shoot(frame, 'digest-refused-light-en');
  }, 60_000);

  it.each([
    ['team-admin', 'dark', 'en-US', 'dark-en', 'Experiments'],
    ['member', 'light', 'ja-JP', 'member-light-ja', '実験'],
  ] as const)(
    'renders for a %s in %s / %s',
    async (as, theme, lang, name, heading) => {
      const opened = await openOverview(as, theme, lang);
      const { frame } = opened;
      const answer = insightsResponseSchema.parse(await replay(opened.insights));
      expect(answer.findings.some((finding) => finding.action === 'experiment')).toBe(true);
      const experiments = insightExperimentsResponseSchema.parse(await replay(opened.experiments));
      expect(experiments.experiments.length).toBeGreaterThan(0);
      await frame.getByRole('heading', { name: heading, exact: true }).waitFor();
      if (as === 'member') {
        await frame.getByText('確認・見送り・実験化はチーム管理者が行えます。').waitFor();
        expect(await frame.getByTestId('insights').getByRole('button').count()).toBe(0);
        expect(await frame.getByTestId('insight-digest').count()).toBe(0);
        expect(await frame.getByTestId('insights').getByText('今週実験中').count()).toBe(1);
      }
      await expectAccessible(frame);
      await shoot(frame, name);
    },
    120_000,
  );
});
