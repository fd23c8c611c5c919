import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { adoptionResponseSchema } from '../../service/src/contract/usage/adoption.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { replay, screenshots, seriousViolations } from './flow-hub-harness.ts';

/**
 * The settings hub's adoption section against the demo organization, as its organization administrator:
 * one row per team and check, each gap with its fix, as the API answers; English and Japanese, dark;
 * axe finds nothing serious or critical; screenshots test-results/insights-adoption-*.png.
 */

const directory = temporaryDirectory('e2e-adoption');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

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

async function openAdmin(
  theme: 'light' | 'dark',
  lang: string,
): Promise<{ frame: Frame; adoption: Request }> {
  const adoption = page.waitForRequest(/\/adoption$/, { timeout: 60_000 });
  await page.goto(`${demo.url}?hub=admin-hub&as=organization-admin&theme=${theme}&lang=${lang}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 60_000 });
  const frame = page.frame({ url: /\/hubs\/admin\/admin\.html/ });
  if (!frame) throw new Error('The admin hub frame is not loaded.');
  await frame.getByTestId('adoption').locator('tbody tr').first().waitFor({ timeout: 60_000 });
  return { frame, adoption: await adoption };
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await frame.getByTestId('adoption').scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(screenshots, `insights-adoption-${name}.png`), fullPage: true });
}

describe('adoption checks in the settings hub', () => {
  it.each([
    ['light', 'en-US', 'light-en', 'How teams use Azure DevOps', 'Gap'],
    ['dark', 'ja-JP', 'dark-ja', 'チームごとの Azure DevOps の使い方', '不足'],
  ] as const)(
    'shows each team’s checks as the API answers (%s / %s)',
    async (theme, lang, name, heading, gap) => {
      const { frame, adoption } = await openAdmin(theme, lang);
      const answer = adoptionResponseSchema.parse(await replay(adoption));
      const section = frame.getByTestId('adoption');
      await section.getByRole('heading', { name: heading }).waitFor();
      const rows = section.locator('tbody tr');
      const checks = answer.teams.flatMap((team) => team.checks);
      expect(await rows.count()).toBe(checks.length);
      expect(await section.locator('tbody tr[data-status="gap"]').count()).toBe(
        checks.filter((check) => check.status === 'gap').length,
      );
      const firstGap = section.locator('tbody tr[data-status="gap"]').first();
      if (checks.some((check) => check.status === 'gap')) {
        expect(await firstGap.locator('td').nth(1).textContent()).toContain(gap);
        expect((await firstGap.locator('td').nth(2).textContent())?.length ?? 0).toBeGreaterThan(10);
      }
      // Pull requests linked to work items: each team's share as the API answers it, in the hub's language.
      const linkChecks = checks.filter((check) => check.id === 'pullRequestLinks');
      const linkRows = section.locator('tbody tr[data-check="pullRequestLinks"]');
      expect(await linkRows.count()).toBe(linkChecks.length);
      expect(linkChecks.some((check) => check.figure !== null)).toBe(true);
      for (const [index, check] of linkChecks.entries()) {
        const row = linkRows.nth(index);
        expect(await row.getAttribute('data-status')).toBe(check.status);
        const shown = (await row.locator('td').nth(1).textContent()) ?? '';
        if (check.figure !== null) {
          expect(shown).toContain(`${check.figure}%`);
          expect(shown).toContain(lang === 'ja-JP' ? 'プル リクエスト' : 'pull requests');
        }
      }
      const violations = await seriousViolations(frame);
      expect(violations, JSON.stringify(violations)).toEqual([]);
      await shoot(frame, name);
    },
    120_000,
  );
});
