import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../service/src/simulator/index.ts';
import type { RunningSimulator } from '../../../service/src/simulator/index.ts';

/** The HTTP surface around the API clients: auth forms, api-version checks, errors, discovery, web page. */
describe('simulator HTTP surface', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, scale: 'tiny', now: new Date('2026-03-02T00:00:00Z') });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('accepts the PAT as a bearer token and with any basic user name', async () => {
    for (const authorization of [
      `Bearer ${sim.pat}`,
      `Basic ${Buffer.from(`anyone:${sim.pat}`).toString('base64')}`,
    ]) {
      const raw = await fetch(`${sim.organizationUrl}/_apis/projects?api-version=7.1`, {
        headers: { Authorization: authorization },
      });
      expect(raw.status).toBe(200);
    }
  });

  it('checks api-version form and reports unknown projects like the service', async () => {
    const headers = { Authorization: `Bearer ${sim.pat}` };
    const bad = await fetch(`${sim.organizationUrl}/_apis/projects?api-version=seven`, { headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { typeKey: string }).typeKey).toBe('VssInvalidApiVersionException');
    for (const version of ['7.1', '7.1-preview', '7.1-preview.2']) {
      const good = await fetch(
        `${sim.organizationUrl}/Seika%20Demo/_apis/wit/reporting/workitemrevisions?api-version=${version}`,
        { headers },
      );
      expect(good.status).toBe(200);
    }
    const missing = await fetch(
      `${sim.organizationUrl}/Nope/_apis/wit/workitemtypes/Bug/states?api-version=7.1`,
      { headers },
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(
      /^TF200016: The following project does not exist: Nope/,
    );
  });

  it('serves the location areas the library discovers with OPTIONS', async () => {
    const raw = await fetch(`${sim.organizationUrl}/_apis/wit`, { method: 'OPTIONS' });
    const body = (await raw.json()) as { count: number; value: { id: string }[] };
    expect(body.value.map((location) => location.id)).toContain('f828fe59-dd87-495d-a17c-7a8d6211ca6c');
    expect(body.count).toBe(body.value.length);
  });

  it('shows a work item page with its state history', async () => {
    const raw = await fetch(`${sim.organizationUrl}/Seika%20Demo/_workitems/edit/1`);
    expect(raw.status).toBe(200);
    const page = await raw.text();
    expect(page).toMatch(/<span class="type">(User Story|Bug|Task)<\/span> 1:/);
    expect(page).toContain('<td>New</td>');
  });
});
