import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { companyHolidaysResponseSchema } from '../../service/src/contract/calendar/workingCalendar.ts';
import { deliveryDeploymentsResponseSchema } from '../../service/src/contract/delivery/items.ts';
import { addDays, dayOf } from '../../service/src/metrics/calendar.ts';
import { isJapaneseHoliday } from '../../service/src/metrics/targets/japaneseHolidays.ts';
import { weekdayOf } from '../../service/src/metrics/targets/workingCalendar.ts';
import { COMPANY_HOLIDAY_TEXT } from '../../extension/src/hubs/admin/companyHolidayStrings.ts';
import { newYearSuggestion } from '../../extension/src/hubs/admin/companyHolidays.ts';
import { deliveryEn } from '../../extension/src/hubs/delivery/strings/en.ts';
import { deliveryJa } from '../../extension/src/hubs/delivery/strings/ja.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import {
  appToken,
  replay,
  screenshots,
  seriousViolations,
  showView,
  waitForFlowHub,
} from './flow-hub-harness.ts';
import { teamSettingsResponseSchema } from '../../service/src/contract/flow/teamSettings.ts';
import { flowEn } from '../../extension/src/hubs/flow/strings/en.ts';
import { flowJa } from '../../extension/src/hubs/flow/strings/ja.ts';
import { PREVIEW_ACCESS_TOKEN } from '../../service/src/app/demoAppToken.ts';

/**
 * Working calendars in the browser: an organization administrator adds company holidays in
 * Organization settings › Seika (the one-click New Year, a typed range, a refused range worded from the
 * string tables), and the Delivery hub's calendar shades and names every non-working day exactly as the
 * API answers the hub's own request. Light, dark and Japanese; axe finds nothing serious or critical.
 * Screenshots: test-results/working-calendar-*.png.
 */

const directory = temporaryDirectory('e2e-working-calendar');
const en = COMPANY_HOLIDAY_TEXT.en;
const ja = COMPANY_HOLIDAY_TEXT.ja;
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;
let organization = '';
/** A recent weekday that is no Japanese holiday: inside the Delivery hub's default 90 days. */
let foundingDay = '';

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  organization = new URL(demo.organizationUrl).pathname.split('/').filter(Boolean)[0] ?? '';
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 });
  foundingDay = addDays(dayOf(Date.now(), 'Asia/Tokyo'), -3);
  while (['saturday', 'sunday'].includes(weekdayOf(foundingDay)) || isJapaneseHoliday(foundingDay)) {
    foundingDay = addDays(foundingDay, -1);
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

function frameOf(hub: 'admin' | 'delivery' | 'flow'): Frame {
  const frame = page.frame({ url: new RegExp(`/hubs/${hub}/${hub}\\.html`) });
  if (!frame) throw new Error(`The ${hub} hub frame is not loaded.`);
  return frame;
}

async function shoot(frame: Frame, name: string): Promise<void> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: resolve(screenshots, `working-calendar-${name}.png`), fullPage: true });
}

async function expectAccessible(frame: Frame): Promise<void> {
  const violations = await seriousViolations(frame);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

/** What the API holds, asked as the hub asks (app token, the preview user's token). */
async function storedHolidays() {
  const response = await fetch(
    `${demo.apiUrl}/organizations/${encodeURIComponent(organization)}/company-holidays`,
    {
      headers: {
        Authorization: `Bearer ${await appToken(demo)}`,
        'X-Seika-User-Token': PREVIEW_ACCESS_TOKEN,
        'X-Seika-Organization': organization,
      },
    },
  );
  expect(response.status).toBe(200);
  return companyHolidaysResponseSchema.parse(await response.json());
}

async function openAdmin(query: string, language?: 'ja-JP'): Promise<Frame> {
  await page.goto(`${demo.url}?hub=admin-hub${query}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  if (language !== undefined) {
    // As the admin hub's own tests switch: the host's language menu reloads the hub.
    await page.selectOption('#language-select', language);
    await page.waitForFunction(() => document.body.dataset.hubState === 'loading');
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  }
  const frame = frameOf('admin');
  // Loaded once the list has arrived: the add button is enabled only then.
  await frame.locator('[data-testid="company-holidays"] button[type="submit"]:not([disabled])').waitFor({
    timeout: 30_000,
  });
  return frame;
}

async function rowsShown(frame: Frame): Promise<{ start: string; end: string; name: string }[]> {
  return frame.locator('[data-testid="company-holidays-table"] tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      start: row.getAttribute('data-start') ?? '',
      end: row.getAttribute('data-end') ?? '',
      name: row.querySelector('th')?.textContent ?? '',
    })),
  );
}

const isCalendar = (request: Request) => /\/delivery\/deployments\?.*limit=2000/.test(request.url());

async function openDelivery(theme: 'light' | 'dark', lang: string) {
  const calendar = page.waitForRequest(isCalendar);
  await page.goto(`${demo.url}?hub=delivery-hub&theme=${theme}&lang=${lang}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  const frame = frameOf('delivery');
  await frame.locator('[data-testid="calendar"] td[data-day]').first().waitFor({ timeout: 30_000 });
  return { frame, answer: deliveryDeploymentsResponseSchema.parse(await replay(await calendar)) };
}

describe('team working calendars', () => {
  it('lets an organization administrator add the New Year and a typed company holiday', async () => {
    const frame = await openAdmin('&theme=light&lang=en-US');
    const section = frame.locator('[data-testid="company-holidays"]');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(en.heading);
    expect(await section.locator('[data-testid="company-holidays-none"]').textContent()).toBe(en.none);

    await section.locator('[data-testid="company-holidays-suggest"]').click();
    await section.locator('[data-testid="company-holidays-status"]', { hasText: en.saved }).waitFor();
    const today = dayOf(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    const suggested = newYearSuggestion(today, en.suggestedName);
    expect((await storedHolidays()).holidays).toEqual([suggested]);
    expect(await rowsShown(frame)).toEqual([suggested]);
    // Once listed, the suggestion is not offered again.
    expect(await section.locator('[data-testid="company-holidays-suggest"]').count()).toBe(0);

    await section.getByLabel(en.name, { exact: true }).fill('Founding day');
    await section.getByLabel(en.first, { exact: true }).fill(foundingDay);
    await section.getByRole('button', { name: en.add }).click();
    await section.locator('tr[data-start="' + foundingDay + '"]').waitFor();
    const stored = (await storedHolidays()).holidays;
    expect(stored).toContainEqual({ start: foundingDay, end: foundingDay, name: 'Founding day' });
    expect(await rowsShown(frame)).toEqual(stored);
    await expectAccessible(frame);
    await section.scrollIntoViewIfNeeded();
    await shoot(frame, 'admin-light-en');
  });

  it('words a refused range from the service’s code, in English and Japanese, and keeps the list', async () => {
    const before = (await storedHolidays()).holidays;
    for (const [query, language, text] of [
      ['&theme=dark&lang=en-US', undefined, en],
      ['&theme=light&lang=en-US', 'ja-JP', ja],
    ] as const) {
      const frame = await openAdmin(query, language);
      const section = frame.locator('[data-testid="company-holidays"]');
      expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(text.heading);
      await section.getByLabel(text.name, { exact: true }).fill('Backwards');
      await section.getByLabel(text.first, { exact: true }).fill('2027-05-06');
      await section.getByLabel(text.last, { exact: true }).fill('2027-05-03');
      await section.getByRole('button', { name: text.add }).click();
      const status = section.locator('[data-testid="company-holidays-status"]');
      // The new range is the list's last: holiday number before.length + 1.
      await status
        .filter({ hasText: text.holiday(before.length + 1, text.errors.start_after_end) })
        .waitFor();
      expect((await storedHolidays()).holidays).toEqual(before);
      await expectAccessible(frame);
      await status.scrollIntoViewIfNeeded();
      await shoot(frame, language === undefined ? 'admin-dark-en' : 'admin-light-ja');
    }
  });

  it('shades and names every non-working day of the Delivery calendar as the API answers it', async () => {
    for (const [theme, lang, strings] of [
      ['light', 'en-US', deliveryEn],
      ['dark', 'en-US', deliveryEn],
      ['light', 'ja-JP', deliveryJa],
    ] as const) {
      const { frame, answer } = await openDelivery(theme, lang);
      const byDay = new Map(answer.nonWorkingDays.map((entry) => [entry.day, entry]));
      // The project view: weekends, Japanese holidays (Asia/Tokyo) and the company holidays just added.
      expect(byDay.get(foundingDay)).toEqual({
        day: foundingDay,
        reason: 'companyHoliday',
        name: 'Founding day',
      });
      expect(answer.nonWorkingDays.every((entry) => entry.day >= answer.from && entry.day <= answer.to)).toBe(
        true,
      );
      const cells = await frame.locator('[data-testid="calendar"] td[data-day]').evaluateAll((tds) =>
        tds
          .filter((td) => td.querySelector('.delivery-day-number') !== null)
          .map((td) => ({
            day: td.getAttribute('data-day') ?? '',
            off: td.getAttribute('data-off'),
            shaded: td.classList.contains('delivery-day-off'),
            hatched: td.classList.contains('delivery-day-holiday'),
            mark: td.querySelector('.delivery-day-mark')?.textContent ?? '',
            label: td.querySelector('.seika-visually-hidden')?.textContent ?? '',
          })),
      );
      expect(cells.length).toBeGreaterThan(27);
      for (const cell of cells) {
        const entry = byDay.get(cell.day);
        expect(cell.off, cell.day).toBe(entry?.reason ?? null);
        expect(cell.shaded, cell.day).toBe(entry !== undefined);
        expect(cell.hatched, cell.day).toBe(entry !== undefined && entry.reason !== 'weekend');
        if (entry !== undefined && entry.reason !== 'weekend') {
          // Not colour alone: a letter in the cell and the reason (and name) in its accessible text.
          expect(cell.mark).toBe(strings.calendar.marks[entry.reason]);
          expect(cell.label).toContain(
            strings.calendar.offLabel(strings.calendar.reasons[entry.reason], entry.name),
          );
        }
      }
      const holidays = answer.nonWorkingDays.filter((entry) => entry.reason !== 'weekend');
      expect(holidays.some((entry) => entry.reason === 'nationalHoliday')).toBe(true);
      const note = frame.locator('[data-testid="calendar-holidays"]');
      expect(await note.getAttribute('data-holidays')).toBe(String(holidays.length));
      expect(await note.textContent()).toContain(strings.calendar.offDays(holidays.length));
      await frame.locator('[data-testid="calendar"]').scrollIntoViewIfNeeded();
      await expectAccessible(frame);
      await shoot(frame, `delivery-${theme}-${lang.slice(0, 2)}`);
    }
  });

  it('lets a team administrator choose the team’s holiday calendar, saved as the API answers it', async () => {
    let teamPath = '';
    for (const [theme, lang, strings] of [
      ['light', 'en-US', flowEn],
      ['dark', 'ja-JP', flowJa],
    ] as const) {
      const settingsRequest = page.waitForRequest((request) => /\/flow\/settings$/.test(request.url()));
      await page.goto(`${demo.url}?hub=flow-hub&theme=${theme}&lang=${lang}`);
      const frame = await waitForFlowHub(page);
      const request = await settingsRequest;
      teamPath = new URL(request.url()).pathname.replace(/^.*\/api\/v1/, '');
      const answer = teamSettingsResponseSchema.parse(await replay(request));
      await showView(frame, 'settings');
      const select = frame.getByLabel(strings.settings.holidayCalendar);
      await select.waitFor();
      expect(await select.inputValue()).toBe(answer.settings.holidayCalendar ?? '');
      // Nothing chosen: the option names the calendar in effect (Asia/Tokyo: Japanese holidays).
      expect(await select.locator('option[value=""]').textContent()).toBe(
        strings.settings.holidayCalendarDefault(
          strings.settings.holidayCalendars[answer.effectiveHolidayCalendar],
        ),
      );
      await expectAccessible(frame);
      await frame.getByTestId('settings-view').scrollIntoViewIfNeeded();
      await select.scrollIntoViewIfNeeded();
      await shoot(frame, `flow-settings-${theme}-${lang.slice(0, 2)}`);
    }
    const frame = frameOf('flow');
    const select = frame.getByLabel(flowJa.settings.holidayCalendar);
    await select.selectOption('none');
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT');
    await frame.getByRole('button', { name: flowJa.settings.save }).click();
    expect((await saved).status()).toBe(200);
    const stored = await fetch(`${demo.apiUrl}${teamPath}`, {
      headers: {
        Authorization: `Bearer ${await appToken(demo)}`,
        'X-Seika-User-Token': PREVIEW_ACCESS_TOKEN,
        'X-Seika-Organization': organization,
      },
    });
    expect(teamSettingsResponseSchema.parse(await stored.json())).toMatchObject({
      settings: { holidayCalendar: 'none' },
      effectiveHolidayCalendar: 'none',
    });
  });
});
