/**
 * The delivery API as HTTP: conditional GETs (checked before any record is loaded), CSV drill-downs,
 * the token, and 400s that name the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../service/src/contract/index.ts';
import type { DeliveryApi } from './server.ts';
import { addCheckoutDeployment, startHandMadeDeliveryApi, SHOP, TEAM_MAPPING, WINDOW } from './seed.ts';

let api: DeliveryApi;

beforeAll(async () => {
  api = await startHandMadeDeliveryApi();
});

afterAll(async () => {
  await api.close();
});

/** RFC 4180 rows (fields may be quoted) of a CSV answer, after checking its UTF-8 byte-order mark. */
async function csvRows(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(body.endsWith('\r\n')).toBe(true);
  return body
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((field) => field.replace(/,$/, '')) ?? []);
}

describe('ETags', () => {
  it('304 when current, before loading or computing anything; new data or settings change the tag', async () => {
    const url = api.deliveryUrl(SHOP, 'summary', WINDOW, 'Checkout');
    const first = await api.request(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const loads = api.recordLoads();
    const computations = api.computations();
    const again = await api.request(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(api.recordLoads()).toBe(loads);
    expect(api.computations()).toBe(computations);

    // The same request in another order or another zone is another answer or the same one, as it should be.
    const reordered = await api.request(
      api.deliveryUrl(SHOP, 'summary', 'to=2026-05-17&from=2026-05-04', 'Checkout'),
      {
        headers: { 'if-none-match': etag ?? '' },
      },
    );
    expect(reordered.status).toBe(304);
    const zoned = await api.request(
      api.deliveryUrl(SHOP, 'summary', `${WINDOW}&timeZone=Asia/Tokyo`, 'Checkout'),
      {
        headers: { 'if-none-match': etag ?? '' },
      },
    );
    expect(zoned.status).toBe(200);
    const projectWide = await api.request(api.deliveryUrl(SHOP, 'summary', WINDOW), {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(projectWide.status).toBe(200);

    // A new page of records moves the data version: the answer and its tag change.
    await addCheckoutDeployment(api.storage, api.organization);
    const afterSync = await api.request(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(afterSync.status).toBe(200);
    const newTag = afterSync.headers.get('etag');
    expect(newTag).not.toBe(etag);
    const body = (await afterSync.json()) as {
      window: { deploymentFrequency: { successfulDeployments: number } };
    };
    expect(body.window.deploymentFrequency.successfulDeployments).toBe(4);

    // Saving settings moves it too, and the records are read and the view computed again.
    const computationsBeforeSettings = api.computations();
    const loadsBeforeSettings = api.recordLoads();
    expect(
      (await api.putSettings(SHOP, { teams: TEAM_MAPPING, bugWorkItemTypes: ['Bug', 'Defect'] })).status,
    ).toBe(200);
    const afterSettings = await api.request(url, { headers: { 'if-none-match': newTag ?? '' } });
    expect(afterSettings.status).toBe(200);
    expect(afterSettings.headers.get('etag')).not.toBe(newTag);
    expect(api.computations()).toBe(computationsBeforeSettings + 1);
    expect(api.recordLoads()).toBe(loadsBeforeSettings + 1);
  });

  it('If-None-Match: * never hides a missing team mapping behind a 304', async () => {
    const response = await api.request(api.deliveryUrl(SHOP, 'summary', WINDOW, 'Ops'), {
      headers: { 'if-none-match': '*' },
    });
    expect(response.status).toBe(409);
  });
});

describe('CSV drill-downs', () => {
  it('deployments, changes and incidents as CSV, by format or by Accept', async () => {
    const deployments = await api.request(
      api.deliveryUrl(SHOP, 'deployments', `${WINDOW}&format=csv`, 'Checkout'),
    );
    expect(deployments.status).toBe(200);
    expect(deployments.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(deployments.headers.get('content-disposition')).toContain(
      'filename="seika-delivery-deployments_Shop_Checkout_2026-05-04_2026-05-17.csv"',
    );
    const rows = await csvRows(deployments);
    expect(rows[0]?.slice(0, 4)).toEqual(['ID', 'Source', 'Pipeline', 'Pipeline Kind']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'environment:101',
      'environment:102',
      'environment:103',
      'environment:104',
      'environment:105',
    ]);
    const buildUrl = rows[0]?.indexOf('Build URL') ?? -1;
    expect(rows[3]?.[buildUrl]).toBe('https://dev.azure.com/contoso/Shop/_build/results?buildId=1002');

    const changes = await api.request(api.deliveryUrl(SHOP, 'changes', WINDOW), {
      headers: { accept: 'text/csv' },
    });
    expect(changes.headers.get('content-disposition')).toContain(
      'seika-delivery-changes_Shop_2026-05-04_2026-05-17.csv',
    );
    const changeRows = await csvRows(changes);
    expect(changeRows).toHaveLength(6);
    const header = changeRows[0] ?? [];
    const pr1 = changeRows.find((row) => row[0] === 'pr:repo-checkout:1') ?? [];
    expect(pr1[header.indexOf('Lead Time (hours)')]).toBe('26');
    expect(pr1[header.indexOf('Work Items')]).toBe('7');

    const incidents = await api.request(api.deliveryUrl(SHOP, 'incidents', `${WINDOW}&format=csv`));
    const incidentRows = await csvRows(incidents);
    expect(incidentRows.slice(1).map((row) => [row[0], row[1], row[6]])).toEqual([
      ['50', 'Incident: payments time out', 'attributed'],
      ['51', 'Incident: search returns nothing', 'attributed'],
      ['52', 'Incident: cart empties', 'attributed'],
    ]);

    const json = await api.json(api.deliveryUrl(SHOP, 'deployments', WINDOW), {
      headers: { accept: 'application/json' },
    });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('figure endpoints offer no CSV: the format parameter is refused by name', async () => {
    const { status, body } = await api.json(api.deliveryUrl(SHOP, 'summary', `${WINDOW}&format=csv`));
    expect(status).toBe(400);
    expect(apiErrorSchema.parse(body).error.parameter).toBe('format');
    const accept = await api.request(api.deliveryUrl(SHOP, 'summary', WINDOW), {
      headers: { accept: 'text/csv' },
    });
    expect(accept.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('authentication and parameters', () => {
  it('401 without a token or with a token signed by another secret', async () => {
    const url = api.deliveryUrl(SHOP, 'summary', WINDOW);
    expect((await api.request(url, { token: null })).status).toBe(401);
    expect((await api.request(url, { token: await api.token({ secret: 'another-secret' }) })).status).toBe(
      401,
    );
    expect((await api.request(api.settingsUrl(SHOP), { token: null })).status).toBe(401);
  });

  it('400 names the parameter and says what is wrong', async () => {
    const cases: [string, string, RegExp][] = [
      ['to=2026-05-17', 'from', /Query parameter "from" is required/],
      ['from=2026-05-04&to=2026-02-30', 'to', /"to" is not a real calendar date/],
      ['from=2026-05-18&to=2026-05-17', 'from', /"from" must not be after "to"/],
      ['from=2026/05/04&to=2026-05-17', 'from', /YYYY-MM-DD/],
      [`${WINDOW}&timeZone=Mars/Olympus`, 'timeZone', /IANA time zone/],
      [`${WINDOW}&form=csv`, 'form', /"form" is not known here/],
      [`${WINDOW}&format=xml`, 'format', /"format"/],
      ['from=2000-01-01&to=2026-05-17', 'from', /days before "to"/],
    ];
    for (const [query, parameter, message] of cases) {
      const path = parameter === 'format' ? 'deployments' : 'summary';
      const { status, body } = await api.json(api.deliveryUrl(SHOP, path, query));
      expect(status, query).toBe(400);
      const { error } = apiErrorSchema.parse(body);
      expect(error.parameter, query).toBe(parameter);
      expect(error.message, query).toMatch(message);
    }
  });

  it('unknown organizations and routes are 404s', async () => {
    const url = api.deliveryUrl(SHOP, 'summary', WINDOW).replace('/contoso/', '/fabrikam/');
    const { status, body } = await api.json(url);
    expect(status).toBe(404);
    expect(apiErrorSchema.parse(body).error.message).toContain('"fabrikam"');
    expect((await api.json(api.deliveryUrl(SHOP, 'velocity', WINDOW))).status).toBe(404);
  });
});
