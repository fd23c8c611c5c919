import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../service/src/app/demoPersonas.ts';
import { startDemo, type RunningDemo } from '../../service/src/app/startDemo.ts';
import { temporaryDirectory } from '../support/tempDirectory.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';

/**
 * The preview host plays each persona (organization, project and team administrator, member, a user of
 * another organization); the admin hub shows each only what the service will let them do.
 */

const directory = temporaryDirectory('e2e-access');
let demo: RunningDemo;
let browser: TestBrowser;
let page: Page;

function adminFrame(): Frame {
  const frame = page.frame({ url: /\/hubs\/admin\/admin\.html/ });
  if (!frame) throw new Error('The admin hub frame is not loaded.');
  return frame;
}

async function openAdminHubAs(persona: string): Promise<Frame> {
  await page.goto(`${demo.url}?hub=admin-hub&as=${persona}`);
  await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
  expect(await page.evaluate(() => document.body.dataset.persona)).toBe(persona);
  return adminFrame();
}

beforeAll(async () => {
  browser = await launchBrowser();
  demo = await startDemo({ dataDirectory: directory.path, syncIntervalMs: 10 * 60_000 });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1200 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  directory.remove();
});

describe('the preview host plays each role', () => {
  it('offers every persona in its switcher', async () => {
    await openAdminHubAs('organization-admin');
    const options = await page.locator('#persona-select option').allTextContents();
    expect(options).toEqual(PERSONAS.map((persona) => persona.label));
  });

  it('shows an organization administrator the connect form, disconnect and the audit log', async () => {
    const frame = await openAdminHubAs('organization-admin');
    await frame.getByRole('button', { name: 'Connect' }).waitFor();
    await frame.locator('[data-testid="audit-entry"]').first().waitFor();
    expect(await frame.locator('[data-testid="audit-log"]').textContent()).toContain(
      'Connected the organization',
    );
    expect(await frame.getByRole('menuitem', { name: 'Disconnect' }).count()).toBeGreaterThan(0);
    expect(await frame.locator('[data-testid="not-administrator"]').count()).toBe(0);
  });

  it.each(['project-admin', 'team-admin', 'member'])(
    'shows a %s a notice instead of the controls',
    async (persona) => {
      const frame = await openAdminHubAs(persona);
      await frame.locator('[data-testid="not-administrator"]').waitFor();
      expect(await frame.getByRole('button', { name: 'Connect' }).count()).toBe(0);
      expect(await frame.getByRole('menuitem', { name: 'Disconnect' }).count()).toBe(0);
      expect(await frame.locator('[data-testid="audit-log"]').count()).toBe(0);
    },
  );

  it('shows a user of another organization why nothing here is theirs', async () => {
    const frame = await openAdminHubAs('other-organization');
    await frame.locator('[data-testid="access-refused"]').waitFor();
    expect(await frame.locator('[data-testid="access-refused"]').textContent()).toContain('not a member');
    expect(await frame.getByRole('button', { name: 'Connect' }).count()).toBe(0);
  });

  it('switches persona in place: the hub reloads as the new user', async () => {
    await openAdminHubAs('organization-admin');
    await page.selectOption('#persona-select', 'member');
    await page.waitForFunction(() => document.body.dataset.persona === 'member');
    await page.waitForSelector('body[data-hub-state="loaded"]', { timeout: 30_000 });
    await adminFrame().locator('[data-testid="not-administrator"]').waitFor();
  });

  it('lets the organization administrator disconnect and delete all of its data', async () => {
    const frame = await openAdminHubAs('organization-admin');
    const organization = new URL(demo.organizationUrl).pathname.split('/').filter(Boolean)[0] ?? '';
    expect((await demo.service.storage.repository.countRows(organization)).revisions).toBeGreaterThan(0);
    await frame.getByRole('menuitem', { name: 'Disconnect' }).click();
    const dialog = frame.getByRole('dialog');
    await dialog.getByText('Also delete all of').click();
    const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    const response = await deleted;
    expect(new URL(response.url()).searchParams.get('deleteData')).toBe('true');
    expect(response.status()).toBe(204);
    expect(await demo.service.storage.repository.countRows(organization)).toEqual({
      rawPages: 0,
      revisions: 0,
      transitions: 0,
      workItems: 0,
    });
  });
});
