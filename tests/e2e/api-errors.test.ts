import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { accessCapabilitiesSchema } from '../../service/src/contract/access/capabilities.ts';
import { apiErrorSchema, isApiErrorCode, type ApiError } from '../../service/src/contract/index.ts';
import { apiErrorSentence } from '../../extension/src/i18n/apiErrors.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { flowFrame, screenshots, seriousViolations, showView, waitForFlowHub } from './flow-hub-harness.ts';

/**
 * Real API errors in the hubs, in Japanese and English: a user of another organization in the admin hub,
 * an area path the team does not have in the Flow hub's URL, and a member's refused save of team
 * settings, and the dashboard widget refusing a user of another organization. In Japanese the text shown is the string table's sentence for the code the API answered (with
 * the field it named), never the server's English; in English it is the server's own message. Screenshots
 * land in test-results/api-errors-*.png; axe finds nothing serious or critical.
 */

const directory = temporaryDirectory('e2e-api-errors');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path, syncIntervalMs: 10 * 60_000 });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

/** The API's own answer to the hub's request. */
async function answerOf(response: Response): Promise<ApiError['error']> {
  return apiErrorSchema.parse(await response.json()).error;
}

/** The table's Japanese sentence for the code the API answered, with the field it named. */
function japaneseFor(error: ApiError['error']): string {
  if (!isApiErrorCode(error.code)) throw new Error(`The API answered a code the table lacks: ${error.code}`);
  const sentence = apiErrorSentence(error.code, 'ja');
  return error.parameter === undefined ? sentence : `${sentence}（項目: ${error.parameter}）`;
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `api-errors-${name}.png`), fullPage: true });
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

const isCapabilities = (response: Response) =>
  /\/api\/v1\/organizations\/[^/]+\/access(\?|$)/.test(response.url());

describe('API errors in the reader’s language', () => {
  it.each([
    ['ja-JP', 'light'],
    ['en-US', 'dark'],
  ] as const)('admin hub, a user of another organization (%s, %s)', async (lang, theme) => {
    const capabilities = page.waitForResponse(isCapabilities);
    await page.goto(`${demo.url}?hub=admin-hub&as=other-organization&lang=${lang}&theme=${theme}`);
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
    const answered = await capabilities;
    expect(answered.status()).toBe(403);
    const error = await answerOf(answered);
    expect(error.code).toBe('not_organization_member');
    const frame = page.frame({ url: /\/hubs\/admin\/admin\.html/ });
    if (!frame) throw new Error('The admin hub frame is not loaded.');
    const shown = frame.locator('[data-testid="access-refused"] > span');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(lang === 'ja-JP' ? japaneseFor(error) : error.message);
    await shoot(frame, `admin-refused-${lang === 'ja-JP' ? 'ja' : 'en'}-${theme}`);
    await expectAccessible(frame);
  });

  it.each([
    ['ja-JP', 'light'],
    ['en-US', 'light'],
  ] as const)('Flow hub, an area path the team does not have in the URL (%s)', async (lang, theme) => {
    // The preview host keeps the last persona: name one who may read the team.
    const summary = page.waitForRequest(/\/flow\/summary\?/);
    await page.goto(`${demo.url}?hub=flow-hub&as=team-admin&lang=${lang}&theme=${theme}`);
    const frame = await waitForFlowHub(page);
    await summary;
    const url = new URL(frame.url());
    url.search = new URLSearchParams({ area: 'Nowhere\\Not A Team Area' }).toString();
    const refused = page.waitForResponse(
      (response) => /\/flow\/summary\?/.test(response.url()) && response.status() === 400,
    );
    await frame.goto(url.href);
    const error = await answerOf(await refused);
    expect(error).toMatchObject({ code: 'invalid_parameter', parameter: 'areaPath' });
    const again = flowFrame(page);
    const shown = again.locator('[data-testid="flow-error"]');
    await shown.waitFor();
    expect(await shown.getAttribute('data-code')).toBe(error.code);
    expect(await shown.locator('span').textContent()).toBe(
      lang === 'ja-JP' ? japaneseFor(error) : error.message,
    );
    if (lang === 'ja-JP') expect(await shown.textContent()).not.toContain(error.message);
    await shoot(again, `flow-invalid-area-${lang === 'ja-JP' ? 'ja' : 'en'}`);
    await expectAccessible(again);
  });

  it('dashboard widget, a user of another organization (ja-JP, dark)', async () => {
    const sprints = page.waitForResponse((response) => /\/teams\/[^/]+\/sprints(\?|$)/.test(response.url()));
    await page.goto(`${demo.url}?hub=sprint-outcomes-widget&as=other-organization&lang=ja-JP&theme=dark`);
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
    const answered = await sprints;
    expect(answered.status()).toBe(403);
    const error = await answerOf(answered);
    const frame = await (await page.locator('#hub-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('The widget frame is not loaded.');
    await expect.poll(() => frame.locator('main.seika-widget').getAttribute('data-state')).toBe('failed');
    expect(await frame.locator('.seika-widget-message-hint').textContent()).toBe(japaneseFor(error));
    await shoot(frame, 'widget-refused-ja-dark');
    await expectAccessible(frame);
  });

  it('Flow hub, a member’s save of team settings refused by the access layer (ja-JP)', async () => {
    // The hub hides the editor from members; claiming team administration in the capabilities answer
    // shows it, so the save reaches the service, whose access layer refuses it for real.
    const capabilities = /\/api\/v1\/organizations\/[^/]+\/access\?/;
    await page.route(capabilities, async (route) => {
      const response = await route.fetch();
      const answer = accessCapabilitiesSchema.parse(await response.json());
      const team = answer.team === null ? null : { ...answer.team, administrator: true };
      await route.fulfill({ response, json: { ...answer, team } });
    });
    try {
      await page.goto(`${demo.url}?hub=flow-hub&as=member&lang=ja-JP&theme=dark`);
      const frame = await waitForFlowHub(page);
      await showView(frame, 'settings');
      const save = frame.getByRole('button', { name: '設定を保存' });
      await expect.poll(() => save.isEnabled(), { timeout: 30_000 }).toBe(true);
      const refused = page.waitForResponse(
        (response) => /\/flow\/settings$/.test(response.url()) && response.request().method() === 'PUT',
      );
      await save.click();
      const answered = await refused;
      expect(answered.status()).toBe(403);
      const error = await answerOf(answered);
      expect(error.code).toBe('requires_team_administrator');
      const shown = frame.getByTestId('settings-status');
      await expect.poll(() => shown.textContent()).toBe(japaneseFor(error));
      await shoot(frame, 'flow-settings-refused-ja-dark');
      await expectAccessible(frame);
    } finally {
      await page.unroute(capabilities);
    }
  });
});
