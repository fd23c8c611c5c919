import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningDemo } from '../../service/src/app/startDemo.ts';

/** Shared steps of the Flow hub browser tests: open a view, read the API as the hub did, run axe. */

export const repositoryRoot = resolve(import.meta.dirname, '../..');
export const screenshots = resolve(repositoryRoot, 'test-results');
const axeSource = readFileSync(resolve(repositoryRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

export function flowFrame(page: Page): Frame {
  const frame = page.frame({ url: /\/hubs\/flow\/flow\.html/ });
  if (!frame) throw new Error('The Flow hub frame is not loaded.');
  return frame;
}

export async function waitForFlowHub(page: Page): Promise<Frame> {
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  return flowFrame(page);
}

/** Opens the hub in the preview host with a theme and language; resolves with the summary request. */
export async function openFlowHub(
  page: Page,
  demo: RunningDemo,
  options: { theme: 'light' | 'dark'; lang: string },
): Promise<{ frame: Frame; summary: Request }> {
  const summaries: Request[] = [];
  const record = (request: Request): void => {
    if (/\/flow\/summary\?/.test(request.url())) summaries.push(request);
  };
  page.on('request', record);
  try {
    await page.goto(`${demo.url}?hub=flow-hub&theme=${options.theme}&lang=${options.lang}`);
    const frame = await waitForFlowHub(page);
    // Polled by hand: this also runs in beforeAll, where expect.poll is not allowed.
    for (let waited = 0; summaries.length === 0 && waited < 30_000; waited += 100) {
      await page.waitForTimeout(100);
    }
    const [summary] = summaries;
    if (!summary) {
      throw new Error(
        `The hub sent no summary request; it shows: ${await frame.locator('main').innerText()}`,
      );
    }
    return { frame, summary };
  } finally {
    page.off('request', record);
  }
}

export async function appToken(demo: RunningDemo): Promise<string> {
  const response = await fetch(new URL('preview/app-token', demo.url));
  const { token } = (await response.json()) as { token: string };
  return token;
}

/** Sends the hub's own request again (same URL and credentials headers) and returns the JSON answer. */
export async function replay(request: Request): Promise<unknown> {
  const headers = await request.allHeaders();
  const forwarded = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name === 'authorization' || name.startsWith('x-seika')),
  );
  const response = await fetch(request.url(), { headers: forwarded });
  expect(response.status, request.url()).toBe(200);
  return response.json();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the hub frame; returns serious and critical violations. */
export async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => Reflect.has(window, 'axe'));
  if (!loaded) await frame.addScriptTag({ content: axeSource });
  const violations = await frame.evaluate(async () => {
    const axe: unknown = Reflect.get(window, 'axe');
    if (typeof axe !== 'object' || axe === null) throw new Error('axe-core did not load');
    const run: unknown = Reflect.get(axe, 'run');
    if (typeof run !== 'function') throw new Error('axe.run missing');
    const result: unknown = await run.call(axe, document, { resultTypes: ['violations'] });
    const list: unknown = Reflect.get(result as object, 'violations');
    return (Array.isArray(list) ? list : []).map((violation: unknown) => ({
      id: String(Reflect.get(violation as object, 'id')),
      impact: (Reflect.get(violation as object, 'impact') as string | null) ?? null,
      help: String(Reflect.get(violation as object, 'help')),
      nodes: (Reflect.get(violation as object, 'nodes') as unknown[]).length,
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function showView(frame: Frame, view: string): Promise<void> {
  await frame.locator(`[data-view="${view}"]`).click();
  await expect.poll(() => frame.locator(`[data-view="${view}"]`).getAttribute('aria-current')).toBe('page');
}

export async function screenshot(page: Page, frame: Frame, name: string): Promise<string> {
  await frame.evaluate(async () => {
    await document.fonts.ready;
  });
  const path = resolve(screenshots, `flow-hub-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
