import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import {
  deliveryChangesResponseSchema,
  deliveryDeploymentsResponseSchema,
  deliveryIncidentsResponseSchema,
} from '../../service/src/contract/delivery/items.ts';
import {
  deliverySummaryResponseSchema,
  deliveryTrendResponseSchema,
} from '../../service/src/contract/delivery/responses.ts';
import {
  deliverySettingsPreviewResponseSchema,
  deliverySettingsResponseSchema,
} from '../../service/src/contract/delivery/settings.ts';
import { formatHours, formatRate } from '../../extension/src/hubs/delivery/state/deliveryFormat.ts';
import { TILES, tileModel } from '../../extension/src/hubs/delivery/state/tileModel.ts';
import { statusBase, tileStatusContext } from '../../extension/src/hubs/delivery/state/statusMessages.ts';
import { deliveryEn } from '../../extension/src/hubs/delivery/strings/en.ts';
import { deliveryJa } from '../../extension/src/hubs/delivery/strings/ja.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { replay, screenshots, seriousViolations } from './flow-hub-harness.ts';

/**
 * Pipelines › Delivery against the demo organization: every figure shown equals the API's answer to the
 * hub's own request, the calendar adds up to the deployments list, drill-downs page, explicit states
 * instead of zeros, the settings editor for project administrators only; light, dark and Japanese; axe
 * finds nothing serious or critical; screenshots land in test-results/delivery-hub-*.png.
 */

const directory = temporaryDirectory('e2e-delivery');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

function deliveryFrame(): Frame {
  const frame = page.frame({ url: /\/hubs\/delivery\/delivery\.html/ });
  if (!frame) throw new Error('The Delivery hub frame is not loaded.');
  return frame;
}

const isSummary = (request: Request) => /\/delivery\/summary\?/.test(request.url());
const isCalendar = (request: Request) => /\/delivery\/deployments\?.*limit=2000/.test(request.url());
const isDrill = (kind: string) => (request: Request) =>
  new RegExp(`/delivery/${kind}\\?.*limit=25`).test(request.url());
/** The first drill-down page the last opened hub asked for (deployments, shown on open). */
let openingDrill: Promise<Request> | null = null;

async function openHub(options: { theme: 'light' | 'dark'; lang: string; as?: string }) {
  const summary = page.waitForRequest(isSummary);
  const calendar = page.waitForRequest(isCalendar);
  openingDrill = page.waitForRequest(isDrill('deployments'));
  // A team without a mapping shows no drill-down: not waiting for it is no failure.
  openingDrill.catch(() => undefined);
  const persona = options.as === undefined ? '' : `&as=${options.as}`;
  await page.goto(`${demo.url}?hub=delivery-hub&theme=${options.theme}&lang=${options.lang}${persona}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  const frame = deliveryFrame();
  await frame.locator('[data-testid="tile-deploymentFrequency"]').waitFor({ timeout: 30_000 });
  return { frame, summary: await summary, calendar: await calendar };
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `delivery-hub-${name}.png`), fullPage: true });
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

/** The hub's own POST sent again with its tokens and body: the answer it was shown. */
async function replayPost(request: Request): Promise<unknown> {
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(
      ([name]) => name === 'authorization' || name === 'content-type' || name.startsWith('x-seika'),
    ),
  );
  const response = await fetch(request.url(), { method: 'POST', headers, body: request.postData() });
  expect(response.status, request.url()).toBe(200);
  return response.json();
}

describe('Pipelines › Delivery hub', () => {
  it('shows each figure of the project as the API answers the hub’s own summary request', async () => {
    const { frame, summary } = await openHub({ theme: 'light', lang: 'en-US' });
    const answer = deliverySummaryResponseSchema.parse(await replay(summary));
    expect(answer.team).toBeNull();
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(`Delivery · ${answer.project}`);
    for (const tile of TILES) {
      const model = tileModel(tile, answer.window);
      const card = frame.locator(`[data-testid="tile-${tile}"]`);
      expect(await card.getAttribute('data-status'), tile).toBe(model.status);
      if (model.status === 'ok') {
        const value = model.value;
        const expected =
          value.kind === 'hours'
            ? formatHours(value.value, deliveryEn.units, 'en-US')
            : value.kind === 'rate'
              ? formatRate(value.value, 'en-US')
              : new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value.value);
        expect(await card.locator('[data-testid="tile-value"]').textContent(), tile).toBe(expected);
        if (model.band !== null) {
          expect(await card.locator('.delivery-tile-band').getAttribute('data-band')).toBe(model.band.band);
          expect(await card.locator('.delivery-tile-band').textContent()).toContain('DORA 2023');
        }
      } else {
        expect(await card.locator('[data-testid="tile-state"] strong').textContent()).toBe(
          deliveryEn.status[model.status],
        );
      }
    }
    expect(await frame.locator('[data-testid="reference"]').textContent()).toContain(
      'Source: DORA 2023 as encoded by Apache DevLake.',
    );
    await expectAccessible(frame);
    await shoot(frame, 'project-light-en');
  });

  it('draws the calendar in the team’s days from the deployments list, failures marked', async () => {
    const { frame, calendar, summary } = await openHub({ theme: 'light', lang: 'en-US' });
    const deployments = deliveryDeploymentsResponseSchema.parse(await replay(calendar));
    const figures = deliverySummaryResponseSchema.parse(await replay(summary));
    const cells = frame.locator('[data-testid="calendar"] td[data-day]');
    await cells.first().waitFor();
    const counts = await cells.evaluateAll((tds) =>
      tds.map((td) => ({
        day: td.getAttribute('data-day') ?? '',
        succeeded: Number(td.getAttribute('data-succeeded')),
        failed: Number(td.getAttribute('data-failed')),
      })),
    );
    const shownSucceeded = counts.reduce((sum, day) => sum + day.succeeded, 0);
    const shownFailed = counts.reduce((sum, day) => sum + day.failed, 0);
    const succeeded = deployments.items.filter((item) =>
      ['succeeded', 'succeededWithIssues'].includes(item.outcome),
    );
    expect(shownSucceeded).toBe(succeeded.length);
    expect(shownFailed).toBe(deployments.items.filter((item) => item.outcome === 'failed').length);
    if (figures.window.deploymentFrequency.status === 'ok' && deployments.page.nextOffset === null) {
      expect(shownSucceeded).toBe(figures.window.deploymentFrequency.successfulDeployments);
    }
    for (const item of succeeded.slice(0, 5)) {
      const cell = counts.find((day) => day.day === item.finishedOn);
      expect(cell?.succeeded ?? 0).toBeGreaterThan(0);
    }
    // Saturdays and Sundays are shaded (the demo team works Monday–Friday); holidays as the API lists them
    // (tests/e2e/working-calendar.test.ts checks each shaded day).
    const weekendShaded = await frame
      .locator('[data-testid="calendar"] tr td:nth-child(6)')
      .first()
      .getAttribute('class');
    expect(weekendShaded).toContain('delivery-day-off');
    expect(await frame.locator('[data-testid="calendar-holidays"]').getAttribute('data-holidays')).toBe(
      String(deployments.nonWorkingDays.filter((day) => day.reason !== 'weekend').length),
    );
  });

  it('pages the drill-downs (deployments, changes, incidents) with the API’s rows, linked to Azure DevOps', async () => {
    const frame = deliveryFrame();
    const drill = frame.locator('[data-testid="drill"]');
    for (const [kind, schema] of [
      ['deployments', deliveryDeploymentsResponseSchema],
      ['changes', deliveryChangesResponseSchema],
      ['incidents', deliveryIncidentsResponseSchema],
    ] as const) {
      // Deployments are the page shown on open; the others are asked for when their tab is chosen.
      const request = kind === 'deployments' ? openingDrill : page.waitForRequest(isDrill(kind));
      if (request === null) throw new Error('the hub was not opened');
      if (kind !== 'deployments') await drill.locator(`[data-drill="${kind}"]`).click();
      const answer = schema.parse(await replay(await request));
      if (answer.page.total === 0) {
        await drill.locator('[data-testid="drill-empty"]').waitFor();
        continue;
      }
      const table = drill.locator(`[data-testid="${kind}-table"]`);
      await table.waitFor();
      expect(Number(await table.getAttribute('data-row-count'))).toBe(answer.items.length);
      expect(await drill.locator('[data-testid="drill-page"]').getAttribute('data-total')).toBe(
        String(answer.page.total),
      );
      expect(await table.locator('a[href]').count()).toBeGreaterThan(0);
      // The CSV is the whole list of the range, as the service writes it: one line per row plus the header.
      const download = page.waitForEvent('download');
      await drill.getByRole('button', { name: deliveryEn.drill.downloadCsv }).click();
      const file = await (await download).path();
      const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
      expect(lines.length - 1, `${kind} CSV rows`).toBe(answer.page.total);
      if (answer.page.nextOffset !== null) {
        const next = page.waitForRequest(
          (entry) =>
            entry.url().includes(`/delivery/${kind}?`) &&
            entry.url().includes(`offset=${answer.page.nextOffset}`),
        );
        await drill.getByRole('button', { name: 'Next page' }).click();
        const second = schema.parse(await replay(await next));
        await expect
          .poll(() => drill.locator('[data-testid="drill-page"]').textContent())
          .toBe(
            deliveryEn.drill.page(
              second.page.offset + 1,
              second.page.offset + second.items.length,
              second.page.total,
            ),
          );
      }
    }
    await expectAccessible(frame);
    await shoot(frame, 'drill-light-en');
  });

  it('opens the built-in help on a tile’s topic and the reference bands, and closes it with Escape', async () => {
    const frame = deliveryFrame();
    await frame.locator('[data-testid="tile-leadTimeForChanges"] .seika-help-button').click();
    const panel = frame.getByRole('dialog', { name: 'Seika help' });
    await panel.waitFor();
    expect(await panel.locator('article').getAttribute('data-topic')).toBe('leadTimeForChanges');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await frame.locator('[data-testid="reference"] .seika-help-button').click();
    await expect.poll(() => panel.locator('article').getAttribute('data-topic')).toBe('referenceBands');
    await expectAccessible(frame);
    await shoot(frame, 'help-light-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it.each([
    ['dark', 'en-US', 'dark-en', 'Delivery · '],
    ['light', 'ja-JP', 'light-ja', 'デリバリー · '],
  ] as const)('renders in %s / %s', async (theme, lang, name, heading) => {
    const { frame, summary } = await openHub({ theme, lang });
    const answer = deliverySummaryResponseSchema.parse(await replay(summary));
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(`${heading}${answer.project}`);
    const frequency = answer.window.deploymentFrequency;
    if (lang === 'ja-JP' && frequency.status === 'ok') {
      expect(await frame.locator('[data-testid="tile-deploymentFrequency"]').textContent()).toContain(
        `デプロイ ${frequency.successfulDeployments} 回`,
      );
    }
    // The reference bands: the answer's rows, each cell in the hub's language, the source cited.
    const strings = lang === 'ja-JP' ? deliveryJa : deliveryEn;
    for (const row of answer.referenceTable.rows) {
      const cells = await frame
        .locator(`[data-testid="reference"] tr[data-figure="${row.figure}"] td`)
        .allTextContents();
      const expected = strings.reference.cells[row.figure];
      expect(cells, row.figure).toEqual([expected.elite, expected.high, expected.medium, expected.low]);
    }
    expect(await frame.locator('[data-testid="reference"]').textContent()).toContain(
      strings.reference.source(answer.referenceTable.source),
    );
    await expectAccessible(frame);
    await shoot(frame, `project-${name}`);
  });

  it('measures a team chosen from the project’s teams, or says it has no mapping', async () => {
    const { frame } = await openHub({ theme: 'light', lang: 'en-US' });
    const options = await frame.locator('[data-testid="scope"] option').allTextContents();
    const team = options[1];
    if (team === undefined) throw new Error('the demo project lists no team');
    const teamSummary = page.waitForResponse(
      (response) => isSummary(response.request()) && response.url().includes('/teams/'),
    );
    await frame.locator('[data-testid="scope"]').selectOption(team);
    const response = await teamSummary;
    await expect
      .poll(() => frame.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Delivery · ${team}`);
    // The scope is in the URL, so the view can be shared.
    expect(new URL(frame.url()).searchParams.get('team')).toBe(team);
    if (response.status() === 409) {
      await frame.locator('[data-testid="delivery-error"]').waitFor();
      expect(await frame.locator('[data-testid="delivery-error"]').textContent()).toContain(
        deliveryEn.teamNotMapped,
      );
    } else {
      const answer = deliverySummaryResponseSchema.parse(await replay(response.request()));
      expect(answer.team).toBe(team);
      await expect
        .poll(() => frame.locator('[data-testid="tile-deploymentFrequency"]').getAttribute('data-status'))
        .toBe(answer.window.deploymentFrequency.status);
    }
    await expectAccessible(frame);
    await shoot(frame, 'team-light-en');
  });

  it('offers the delivery settings to project administrators only, previewing what the rule selects', async () => {
    const settingsRequest = page.waitForRequest((request) => /\/delivery\/settings$/.test(request.url()));
    const { frame } = await openHub({ theme: 'light', lang: 'en-US', as: 'project-admin' });
    const settings = deliverySettingsResponseSchema.parse(await replay(await settingsRequest));
    const editor = frame.locator('[data-testid="settings"]');
    await editor.waitFor();
    const field = editor.getByLabel(deliveryEn.settings.environments);
    // The preview is the service's answer to the hub's own (debounced) request, shown as it answered.
    const previewRequest = page.waitForRequest(
      (request) =>
        request.method() === 'POST' &&
        /\/delivery\/settings\/preview$/.test(request.url()) &&
        (request.postData() ?? '').includes('staging|prod'),
    );
    await field.fill('staging|prod');
    const preview = deliverySettingsPreviewResponseSchema.parse(await replayPost(await previewRequest));
    const panel = editor.locator('[data-testid="preview"]');
    await expect.poll(() => panel.getAttribute('data-matched')).toBe(String(preview.matched.total));
    expect(preview.saved.environmentPattern).toBe(settings.production.environmentPattern);
    const rows = panel.locator('[data-testid="preview-row"]');
    expect(await rows.count()).toBe(preview.matched.items.length);
    for (const [index, target] of preview.matched.items.entries()) {
      const shown = rows.nth(index);
      expect(await shown.getAttribute('data-target')).toBe(target.name);
      expect(await shown.locator('[data-testid="preview-deployments"]').textContent()).toBe(
        String(target.deployments),
      );
      expect(await shown.locator('li').count()).toBe(target.recent.length);
    }
    expect(await panel.locator('[data-testid="preview-selects"]').textContent()).toBe(
      preview.matched.total === 0
        ? deliveryEn.settings.preview.none
        : deliveryEn.settings.preview.selects(
            preview.draftSelects.targets,
            preview.draftSelects.deployments,
            preview.draftSelects.successful,
          ),
    );
    if (preview.changes.added.total > 0) {
      expect(await panel.locator('[data-testid="preview-added"]').getAttribute('data-count')).toBe(
        String(preview.changes.added.total),
      );
    }
    await expectAccessible(frame);
    await panel.scrollIntoViewIfNeeded();
    await shoot(frame, 'settings-preview-light-en');
    await field.fill('(');
    await expect.poll(() => panel.getAttribute('data-status')).toBe('invalid');
    await editor.getByRole('button', { name: deliveryEn.settings.save }).click();
    await expect
      .poll(() => editor.getByRole('alert').textContent())
      .toBe(deliveryEn.settings.invalid(deliveryEn.settings.environments));
    await field.fill(settings.production.environmentPattern);

    // Map a team to a build pipeline and the repositories, save, and measure the team.
    const build = settings.options.pipelines.find((pipeline) => pipeline.kind === 'build');
    if (build === undefined) throw new Error('the demo project has no build pipeline');
    await editor.getByRole('button', { name: deliveryEn.settings.addTeam }).click();
    const row = editor.locator('[data-testid="team-mapping"]').last();
    const team = await row.locator('select').inputValue();
    await row.getByLabel(deliveryEn.settings.pipelines).fill(String(build.definitionId));
    await row.getByLabel(deliveryEn.settings.repositories).fill(settings.options.repositories.join(', '));
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && /\/delivery\/settings$/.test(response.url()),
    );
    await editor.getByRole('button', { name: deliveryEn.settings.save }).click();
    expect((await saved).status()).toBe(200);
    await expectAccessible(frame);
    await shoot(frame, 'settings-light-en');

    const teamSummary = page.waitForRequest(
      (request) => isSummary(request) && request.url().includes('/teams/'),
    );
    const teamTrend = page.waitForRequest(
      (request) => /\/delivery\/trend\?/.test(request.url()) && request.url().includes('/teams/'),
    );
    await frame.locator('[data-testid="scope"]').selectOption(team);
    const answer = deliverySummaryResponseSchema.parse(await replay(await teamSummary));
    expect(answer.scope).toMatchObject({ kind: 'team', buildDefinitionIds: [build.definitionId] });
    await expect
      .poll(() => frame.locator('[data-testid="tile-deploymentFrequency"]').getAttribute('data-status'))
      .toBe(answer.window.deploymentFrequency.status);
    const frequency = answer.window.deploymentFrequency;
    if (frequency.status === 'ok') {
      expect(await frame.locator('[data-testid="tile-deploymentFrequency"]').textContent()).toContain(
        `${frequency.successfulDeployments} deployments`,
      );
    }
    const trend = deliveryTrendResponseSchema.parse(await replay(await teamTrend));
    if (trend.sprints.status === 'ok' && trend.sprints.items.length > 0) {
      const table = frame.locator('[data-testid="sprint-trend"] table');
      await table.waitFor();
      expect(Number(await table.getAttribute('data-row-count'))).toBe(trend.sprints.items.length);
    }
    await frame.locator('[data-testid="insights"]').waitFor();
    await expectAccessible(frame);
    await shoot(frame, 'team-mapped-light-en');

    await openHub({ theme: 'light', lang: 'en-US', as: 'member' });
    await page.waitForTimeout(500);
    expect(await deliveryFrame().locator('[data-testid="settings"]').count()).toBe(0);
  });

  it('says answers are pending while a new production mark is recomputed, its reasons in Japanese too', async () => {
    const worker = demo.service.worker;
    if (worker === undefined) throw new Error('the demo runs no worker');
    // Held, so the pending answers can be looked at before the run the change asked for.
    await worker.stop();
    try {
      const settingsRequest = page.waitForRequest((request) => /\/delivery\/settings$/.test(request.url()));
      const { frame } = await openHub({ theme: 'light', lang: 'en-US', as: 'project-admin' });
      const saved = deliverySettingsResponseSchema.parse(await replay(await settingsRequest));
      const editor = frame.locator('[data-testid="settings"]');
      await editor.getByLabel(deliveryEn.settings.environments).fill('^no-such-environment$');
      await editor.getByLabel(deliveryEn.settings.stages).fill('^no-such-stage$');
      await expect
        .poll(() => editor.locator('[data-testid="preview"]').getAttribute('data-matched'))
        .toBe('0');
      const refetched = page.waitForRequest(isSummary);
      const put = page.waitForResponse(
        (response) => response.request().method() === 'PUT' && /\/delivery\/settings$/.test(response.url()),
      );
      await editor.getByRole('button', { name: deliveryEn.settings.save }).click();
      expect((await put).status()).toBe(200);
      const answer = deliverySummaryResponseSchema.parse(await replay(await refetched));
      expect(answer.pending).toMatchObject({ reason: 'productionRuleChanged' });
      const banner = frame.locator('[data-testid="delivery-pending"]');
      await banner.waitFor();
      expect(await banner.locator('strong').textContent()).toBe(deliveryEn.pending.title);
      // In English the hub's sentence is the API's own message, rebuilt from the code and its parameters.
      for (const tile of TILES) {
        const model = tileModel(tile, answer.window);
        if (model.status === 'ok') throw new Error(`${tile} has a value under a mark that matches nothing`);
        expect(model.status, tile).toBe('noProductionEnvironment');
        await expect
          .poll(() =>
            frame.locator(`[data-testid="tile-${tile}"] [data-testid="tile-state-message"]`).textContent(),
          )
          .toBe(model.message);
      }
      await expectAccessible(frame);
      await shoot(frame, 'pending-light-en');

      const dark = await openHub({ theme: 'dark', lang: 'en-US', as: 'project-admin' });
      await dark.frame.locator('[data-testid="delivery-pending"]').waitFor();
      await expectAccessible(dark.frame);
      await shoot(dark.frame, 'pending-dark-en');

      const jaSettings = page.waitForRequest((request) => /\/delivery\/settings$/.test(request.url()));
      const ja = await openHub({ theme: 'light', lang: 'ja-JP', as: 'project-admin' });
      const jaAnswer = deliverySummaryResponseSchema.parse(await replay(ja.summary));
      const current = deliverySettingsResponseSchema.parse(await replay(await jaSettings));
      const jaBanner = ja.frame.locator('[data-testid="delivery-pending"]');
      await jaBanner.waitFor();
      expect(await jaBanner.locator('strong').textContent()).toBe(deliveryJa.pending.title);
      const base = statusBase(jaAnswer, current.settings.incidents);
      for (const tile of TILES) {
        const model = tileModel(tile, jaAnswer.window);
        if (model.status === 'ok') throw new Error(`${tile} has a value under a mark that matches nothing`);
        expect(
          await ja.frame
            .locator(`[data-testid="tile-${tile}"] [data-testid="tile-state-message"]`)
            .textContent(),
          tile,
        ).toBe(deliveryJa.statusMessage[model.status](tileStatusContext(base, jaAnswer.window, model)));
      }
      await expectAccessible(ja.frame);
      await shoot(ja.frame, 'pending-light-ja');

      // Put the mark back, let the worker run, and the banner goes once an answer is no longer pending.
      const jaEditor = ja.frame.locator('[data-testid="settings"]');
      await jaEditor.getByLabel(deliveryJa.settings.environments).fill(saved.production.environmentPattern);
      await jaEditor.getByLabel(deliveryJa.settings.stages).fill(saved.production.stagePattern);
      const jaPreview = jaEditor.locator('[data-testid="preview"]');
      await expect.poll(() => jaPreview.locator('[data-testid="preview-added"]').count()).toBe(1);
      expect(await jaPreview.locator('h3').textContent()).toBe(deliveryJa.settings.preview.title);
      await expectAccessible(ja.frame);
      await jaPreview.scrollIntoViewIfNeeded();
      await shoot(ja.frame, 'settings-preview-light-ja');
      const restored = page.waitForResponse(
        (response) => response.request().method() === 'PUT' && /\/delivery\/settings$/.test(response.url()),
      );
      await jaEditor.getByRole('button', { name: deliveryJa.settings.save }).click();
      expect((await restored).status()).toBe(200);
      worker.start();
      await expect.poll(() => jaBanner.count(), { timeout: 60_000, interval: 500 }).toBe(0);
      await expect
        .poll(() => ja.frame.locator('[data-testid="tile-deploymentFrequency"]').getAttribute('data-status'))
        .toBe('ok');
    } finally {
      worker.start();
    }
  });
});
