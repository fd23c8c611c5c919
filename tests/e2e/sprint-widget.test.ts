import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  sprintOutlookResponseSchema,
  sprintTargetsResponseSchema,
  teamSprintsResponseSchema,
} from '../../service/src/contract/targets/sprintTargets.ts';
import { usageReportSchema } from '../../service/src/contract/usage/usage.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { replay, screenshots, seriousViolations } from './flow-hub-harness.ts';

/**
 * The "Sprint outcomes" dashboard widget in the preview host's dashboard cell (2×2 and 4×2), loaded the way
 * a dashboard loads it: each state it can show, its figures equal to the outlook API's answer, in light,
 * dark and Japanese; axe finds nothing serious; every load is counted as `widgetLoaded` for the team, and
 * the settings hub's usage table shows the count. Screenshots land in test-results/sprint-widget-*.png.
 */

const directory = temporaryDirectory('e2e-sprint-widget');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
/** The Authorization and X-Seika-* headers the widget sent as the organization administrator. */
let adminHeaders: Record<string, string>;
let loads = 0;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 560 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

interface OpenOptions {
  theme?: 'light' | 'dark';
  lang?: string;
  size?: '2x2' | '4x2';
  as?: string;
  /** Open the widget's configuration panel beside it (a dashboard's edit mode). */
  configure?: boolean;
}

/** Opens the widget as a dashboard would; resolves once its load call is answered. */
async function openWidget(options: OpenOptions = {}): Promise<{ frame: Frame; sprints: Request }> {
  const { theme = 'light', lang = 'en-US', size = '2x2', as = 'organization-admin' } = options;
  const sprints = page.waitForRequest(/\/teams\/[^/]+\/sprints(\?|$)/);
  const configure = options.configure === true ? '&configure=1' : '';
  await page.goto(
    `${demo.url}?hub=sprint-outcomes-widget&theme=${theme}&lang=${lang}&size=${size}&as=${as}${configure}`,
  );
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  const frame = await frameOf('#hub-frame');
  if (as !== 'other-organization') loads++;
  return { frame, sprints: await sprints };
}

/** The frame an iframe of the host page shows (the widget and its configuration load the same page). */
async function frameOf(selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`${selector} shows no page.`);
  return frame;
}

async function widgetState(frame: Frame): Promise<string | null> {
  return frame.locator('main.seika-widget').getAttribute('data-state');
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `sprint-widget-${name}.png`) });
  // The cell alone, as the dashboard shows it (the catalog's preview image is one of these).
  await page
    .locator('#hub-frame')
    .screenshot({ path: resolve(screenshots, `sprint-widget-${name}-cell.png`) });
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

async function forwardedHeaders(request: Request): Promise<Record<string, string>> {
  const headers = await request.allHeaders();
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name === 'authorization' || name.startsWith('x-seika')),
  );
}

/** The team's current sprint and its outlook, asked with the widget's own credentials. */
async function currentOutlook(sprints: Request) {
  const answer = teamSprintsResponseSchema.parse(await replay(sprints));
  const current = answer.sprints.find((sprint) => sprint.current);
  if (current === undefined) throw new Error('The demo team has no current sprint.');
  const base = sprints.url().replace(/\/sprints(\?.*)?$/, `/sprints/${current.id}`);
  const response = await fetch(`${base}/outlook`, { headers: await forwardedHeaders(sprints) });
  expect(response.status).toBe(200);
  return { current, base, outlook: sprintOutlookResponseSchema.parse(await response.json()) };
}

describe('Sprint outcomes dashboard widget', () => {
  it('sits in a 2×2 dashboard cell and says when the current sprint has no targets', async () => {
    const { frame, sprints } = await openWidget();
    adminHeaders = await forwardedHeaders(sprints);
    const { current } = await currentOutlook(sprints);
    expect(await page.locator('body').getAttribute('data-widget-status')).toBe('success');
    const cell = await page.locator('#hub-frame').boundingBox();
    expect([cell?.width, cell?.height]).toEqual([330, 330]);
    await expect.poll(() => widgetState(frame)).toBe('noTargets');
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('Sprint outcomes');
    expect(await frame.locator('.seika-widget-sprint').textContent()).toBe(current.name);
    await frame.getByText('No targets set for this sprint').waitFor();
    const link = frame.getByRole('link', { name: 'Set targets in the Outcomes tab' });
    expect(await link.getAttribute('href')).toMatch(
      /^https:\/\/dev\.azure\.com\/[^/]+\/[^/]+\/_sprints\/seika\.seika-dev\.sprint-outcomes-tab\/[^/]+$/,
    );
    await expectAccessible(frame);
    await shoot(frame, 'no-targets-light-en');
  });

  it('shows the goal and each target’s standing and odds as the outlook API answers them', async () => {
    const { sprints } = await openWidget();
    const { base } = await currentOutlook(sprints);
    // Two goal items: the goal-items target rests on fewer than 5 items, so it is too few to judge.
    const saved = await fetch(`${base}/targets`, {
      method: 'PUT',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({
        goal: { text: 'Checkout works on mobile', itemIds: [1, 2] },
        targets: [
          { kind: 'itemsFinished', atLeast: 4 },
          { kind: 'goalItemsDone' },
          { kind: 'noItemOlderThan', days: 20 },
        ],
      }),
    });
    expect(saved.status).toBe(200);
    sprintTargetsResponseSchema.parse(await saved.json());

    const { frame } = await openWidget();
    const { outlook } = await currentOutlook(sprints);
    await expect.poll(() => widgetState(frame)).toBe('outcomes');
    expect(outlook.targets.some((target) => target.tooFewToJudge)).toBe(true);
    expect(await frame.locator('.seika-widget-goal').textContent()).toBe('Goal Checkout works on mobile');
    expect(await frame.locator('.seika-widget-target').count()).toBe(3);
    for (const target of outlook.targets) {
      const card = frame.locator(`[data-target-index="${target.targetIndex}"]`);
      const probability = card.locator('.seika-widget-probability');
      if (target.probability !== null && outlook.phase !== 'ended') {
        expect(Number(await probability.getAttribute('data-probability'))).toBe(target.probability);
        expect(await probability.textContent()).toBe(`Chance ${Math.round(target.probability * 100)}%`);
      } else {
        expect(await probability.count()).toBe(0);
      }
      expect(await card.locator('.seika-widget-verdict').textContent()).toBe(
        target.metNow ? 'Met today' : 'Not met yet',
      );
      expect(await card.locator('.seika-widget-note').count()).toBe(target.tooFewToJudge ? 1 : 0);
    }
    expect(await frame.getByText('Too few to judge (fewer than 5)').count()).toBe(
      outlook.targets.filter((target) => target.tooFewToJudge).length,
    );
    await frame.getByRole('link', { name: 'Open the Outcomes tab' }).waitFor();
    await expectAccessible(frame);
    await shoot(frame, 'outcomes-light-en');
  });

  it('lets the team choose in the configuration panel to show only targets not met yet, previewed live', async () => {
    const { frame, sprints } = await openWidget({ configure: true });
    const { outlook } = await currentOutlook(sprints);
    const configurationState = () => page.locator('body').getAttribute('data-configuration-state');
    await expect.poll(configurationState).toBe('loaded');
    const panel = await frameOf('#configuration-frame');
    expect(await panel.getByRole('radio', { name: 'All targets' }).isChecked()).toBe(true);
    const shownTargets = () =>
      frame
        .locator('.seika-widget-target')
        .evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-target-index'))));
    expect(await shownTargets()).toEqual(outlook.targets.slice(0, 3).map((target) => target.targetIndex));

    await panel.getByRole('radio', { name: 'Only targets not met yet' }).check();
    await expect.poll(configurationState).toBe('changed');
    const notMet = outlook.targets.filter((target) => !target.metNow).slice(0, 3);
    await expect.poll(shownTargets).toEqual(notMet.map((target) => target.targetIndex));
    if (notMet.length === 0) await frame.getByText('Every target is met today').waitFor();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('body').getAttribute('data-widget-saved'))
      .toBe(JSON.stringify({ show: 'notMet' }));
    await expectAccessible(panel);
    await expectAccessible(frame);
    await shoot(frame, 'configuration-light-en');
  });

  it.each([
    ['dark', 'en-US', '4x2', 'outcomes-dark-en-4x2', 'Chance'],
    ['light', 'ja-JP', '2x2', 'outcomes-light-ja', '見込み'],
    ['dark', 'ja-JP', '4x2', 'outcomes-dark-ja-4x2', '見込み'],
  ] as const)('renders in %s / %s at %s', async (theme, lang, size, name, chance) => {
    const { frame, sprints } = await openWidget({ theme, lang, size });
    const { outlook } = await currentOutlook(sprints);
    await expect.poll(() => widgetState(frame)).toBe('outcomes');
    const cell = await page.locator('#hub-frame').boundingBox();
    expect(cell?.width).toBe(size === '4x2' ? 670 : 330);
    const first = outlook.targets.find((target) => target.probability !== null);
    if (first?.probability !== null && first !== undefined && outlook.phase !== 'ended') {
      expect(
        await frame
          .locator(`[data-target-index="${first.targetIndex}"] .seika-widget-probability`)
          .textContent(),
      ).toBe(`${chance} ${Math.round(first.probability * 100)}%`);
    }
    if (lang === 'ja-JP') {
      expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('スプリントの成果');
      await frame.getByRole('link', { name: '「成果」タブを開く' }).waitFor();
    }
    await expectAccessible(frame);
    await shoot(frame, name);
  });

  it('says when the team has no current sprint (its sprints as the API lists them, none holding today)', async () => {
    // The demo team always has a current sprint; its real answer is passed on with none marked current.
    await page.route(/\/teams\/[^/]+\/sprints$/, async (route) => {
      const real = teamSprintsResponseSchema.parse(await (await route.fetch()).json());
      await route.fulfill({
        json: { ...real, sprints: real.sprints.map((sprint) => ({ ...sprint, current: false })) },
      });
    });
    try {
      for (const [theme, lang, heading, name] of [
        ['light', 'en-US', 'No current sprint', 'no-sprint-light-en'],
        ['dark', 'ja-JP', '現在のスプリントがありません', 'no-sprint-dark-ja'],
      ] as const) {
        const { frame } = await openWidget({ theme, lang });
        await expect.poll(() => widgetState(frame)).toBe('noCurrentSprint');
        await frame.getByText(heading).waitFor();
        expect(await frame.locator('.seika-widget-target').count()).toBe(0);
        await expectAccessible(frame);
        await shoot(frame, name);
      }
    } finally {
      await page.unroute(/\/teams\/[^/]+\/sprints$/);
    }
  });

  it('counts every load as a widget load for the team, shown in the settings hub’s usage table', async () => {
    expect(loads).toBeGreaterThanOrEqual(5);
    const organization = new URL(demo.organizationUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
    const response = await fetch(`${demo.apiUrl}/organizations/${organization}/usage?weeks=1`, {
      headers: adminHeaders,
    });
    expect(response.status).toBe(200);
    const report = usageReportSchema.parse(await response.json());
    const row = report.weeks[0]?.teams.find((team) => team.team !== '' && team.counts.widgetLoaded.count);
    expect(row?.counts.widgetLoaded).toEqual({ count: loads, fewerThanFive: false });

    await page.goto(`${demo.url}?hub=admin-hub&theme=light&lang=en-US&as=organization-admin`);
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
    const admin = page.frame({ url: /\/hubs\/admin\/admin\.html/ });
    if (!admin) throw new Error('The settings hub frame is not loaded.');
    const table = admin.locator('[data-testid="usage"] table');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('thead th').allTextContents()).toContain('Widget loads');
    const teamRow = table.locator('tbody tr', { hasText: `${row?.project ?? ''} / ${row?.team ?? ''}` });
    expect(await teamRow.locator('[data-count="widgetLoaded"]').textContent()).toBe(String(loads));
  });

  it('shows an error it can name when the service refuses the user', async () => {
    const { frame } = await openWidget({ as: 'other-organization' });
    await expect.poll(() => widgetState(frame)).toBe('failed');
    expect(await page.locator('body').getAttribute('data-widget-status')).toBe('failure');
    await frame.getByRole('alert').waitFor();
    expect(await frame.getByRole('alert').textContent()).toContain(
      'The sprint’s targets could not be loaded',
    );
    await expectAccessible(frame);
    await shoot(frame, 'error-light-en');
  });

  it('says so when Seika is no longer connected to the organization', async () => {
    const organization = new URL(demo.organizationUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';
    const disconnected = await fetch(`${demo.apiUrl}/organizations/${organization}`, {
      method: 'DELETE',
      headers: adminHeaders,
    });
    expect(disconnected.status).toBeLessThan(300);
    for (const [lang, heading, name] of [
      ['en-US', 'Seika is not connected to this organization', 'not-connected-light-en'],
      ['ja-JP', 'この組織は Seika に接続されていません', 'not-connected-light-ja'],
    ] as const) {
      const { frame } = await openWidget({ lang });
      await expect.poll(() => widgetState(frame)).toBe('notConnected');
      await frame.getByText(heading).waitFor();
      await expectAccessible(frame);
      await shoot(frame, name);
    }
  });
});
