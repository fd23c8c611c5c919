import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { showView, waitForFlowHub } from './flow-hub-harness.ts';

/** The Flow hub shows the team-settings editor only to those who may save it (the service decides). */

const directory = temporaryDirectory('e2e-flow-roles');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('Flow hub team switcher', () => {
  it('offers the project’s teams by name', async () => {
    await page.goto(`${demo.url}?hub=flow-hub`);
    const frame = await waitForFlowHub(page);
    await frame.getByRole('button', { name: 'Switch team' }).click();
    await expect
      .poll(async () =>
        frame
          .getByTestId('team-names')
          .locator('option')
          .evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
      )
      .toContain('Web Team');
  });
});

describe('Flow hub team settings by role', () => {
  it.each([
    ['member', false],
    ['team-admin', true],
    ['project-admin', true],
  ] as const)('%s: editor enabled = %s', async (persona, editable) => {
    await page.goto(`${demo.url}?hub=flow-hub&as=${persona}`);
    const frame = await waitForFlowHub(page);
    await showView(frame, 'settings');
    const save = frame.getByRole('button', { name: 'Save settings' });
    await save.waitFor();
    await expect.poll(() => save.isEnabled()).toBe(editable);
    expect(await frame.locator('.seika-settings-fields input').first().isDisabled()).toBe(!editable);
    if (!editable) {
      expect(await frame.getByTestId('settings-view').textContent()).toContain(
        'Only the team’s administrators (or the project’s) change these settings',
      );
    }
  });
});
