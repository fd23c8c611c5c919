import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agingResponseSchema,
  apiErrorSchema,
  cycleTimeResponseSchema,
  dataQualityResponseSchema,
  leadTimeResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startFlowApi, type FlowApiHarness } from './server.ts';

const RANGE = 'from=2026-03-01&to=2026-05-31';
let api: FlowApiHarness;

/** RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

async function csv(path: string, init: { accept?: string; query?: string } = {}) {
  const response = await api.request(api.flowUrl(path, init.query ?? `${RANGE}&format=csv`), {
    headers: init.accept === undefined ? {} : { accept: init.accept },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
});

afterAll(async () => {
  await api.close();
});

describe('CSV exports', () => {
  it('cycle time: BOM, header, CRLF, one row per item, values as in the JSON', async () => {
    const { response, bytes, text } = await csv('cycle-time');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="seika-cycle-time_Web Team_2026-03-01_2026-05-31.csv"; ` +
        `filename*=UTF-8''seika-cycle-time_Web%20Team_2026-03-01_2026-05-31.csv`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'ID',
      'Title',
      'Work Item Type',
      'URL',
      'Started At',
      'Completed At',
      'Completed On',
      'Cycle Time (days)',
      'Cycle Time (hours)',
    ]);
    const json = cycleTimeResponseSchema.parse((await api.json(api.flowUrl('cycle-time', RANGE))).body);
    expect(rows).toHaveLength(json.items.length);
    rows.forEach((row, index) => {
      const item = json.items[index];
      expect(row).toEqual([
        String(item?.id),
        item?.title,
        item?.workItemType,
        item?.url,
        item?.startedAt,
        item?.completedAt,
        item?.completedOn,
        String(item?.cycleTimeDays),
        String(item?.cycleTimeHours),
      ]);
    });
  });

  it('answers the same CSV for "Accept: text/csv" and keeps JSON for */*', async () => {
    const byFormat = await csv('aging');
    const byAccept = await csv('aging', { accept: 'text/csv', query: RANGE });
    expect(byAccept.text).toBe(byFormat.text);
    const anything = await api.request(api.flowUrl('aging', RANGE), { headers: { accept: '*/*' } });
    expect(anything.headers.get('content-type')).toMatch(/^application\/json/);
    const asJson = await api.request(api.flowUrl('aging', `${RANGE}&format=json`), {
      headers: { accept: 'text/csv' },
    });
    expect(asJson.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('lead time, aging and data quality export their items', async () => {
    const checks = [
      ['lead-time', leadTimeResponseSchema, 'Lead Time (days)'],
      ['aging', agingResponseSchema, 'Age (days)'],
      ['data-quality', dataQualityResponseSchema, 'Flags'],
    ] as const;
    for (const [path, schema, column] of checks) {
      const [header, ...rows] = parseCsv((await csv(path)).text.slice(1));
      const json = schema.parse((await api.json(api.flowUrl(path, RANGE))).body);
      expect(header, path).toContain(column);
      expect(
        rows.map((row) => Number(row[0])),
        path,
      ).toEqual(json.items.map((item) => item.id));
    }
    const [header, ...rows] = parseCsv((await csv('data-quality')).text.slice(1));
    const quality = dataQualityResponseSchema.parse(
      (await api.json(api.flowUrl('data-quality', RANGE))).body,
    );
    const flags = header?.indexOf('Flags') ?? -1;
    expect(rows.map((row) => row[flags])).toEqual(quality.items.map((item) => item.flags.join(';')));
  });

  it('is offered only on item-level endpoints', async () => {
    const { status, body } = await api.json(api.flowUrl('wip', `${RANGE}&format=csv`));
    expect(status).toBe(400);
    expect(apiErrorSchema.parse(body).error.parameter).toBe('format');
    const accept = await api.request(api.flowUrl('wip', RANGE), { headers: { accept: 'text/csv' } });
    expect(accept.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('ETags', () => {
  const url = () => api.flowUrl('summary', RANGE);

  it('answers 304 for a current ETag without loading the project, and 200 for another query', async () => {
    const first = await api.request(url());
    const tag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const loads = api.projectLoads();
    for (const header of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      const again = await api.request(url(), { headers: { 'if-none-match': header } });
      expect(again.status, header).toBe(304);
      expect(again.headers.get('etag')).toBe(tag);
      expect(await again.text()).toBe('');
    }
    expect(api.projectLoads()).toBe(loads);
    const other = await api.request(api.flowUrl('summary', 'from=2026-03-01&to=2026-05-30'), {
      headers: { 'if-none-match': tag },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(tag);
    const csvTag = (await csv('cycle-time')).response.headers.get('etag');
    const jsonTag = (await api.request(api.flowUrl('cycle-time', RANGE))).headers.get('etag');
    expect(csvTag).not.toBe(jsonTag);
  });

  it('a settings change and a new sync each invalidate it', async () => {
    const tag = (await api.request(url())).headers.get('etag') ?? '';
    const put = await api.request(api.flowUrl('settings'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lookbackDays: 60 }),
    });
    expect(put.status).toBe(200);
    const afterSettings = await api.request(url(), { headers: { 'if-none-match': tag } });
    expect(afterSettings.status).toBe(200);
    const settingsTag = afterSettings.headers.get('etag') ?? '';
    expect(settingsTag).not.toBe(tag);
    expect((await api.request(url(), { headers: { 'if-none-match': settingsTag } })).status).toBe(304);
    await api.sync();
    const afterSync = await api.request(url(), { headers: { 'if-none-match': settingsTag } });
    expect(afterSync.status).toBe(200);
    expect(afterSync.headers.get('etag')).not.toBe(settingsTag);
    await api.request(api.flowUrl('settings'), { method: 'DELETE' });
    expect(
      (await api.request(url(), { headers: { 'if-none-match': afterSync.headers.get('etag') ?? '' } }))
        .status,
    ).toBe(200);
  });

  it('leaves POSTed forecasts unconditional and never tags an error', async () => {
    const fetched = await api.request(api.flowUrl('forecast/how-many', 'by=2026-06-30'));
    const tag = fetched.headers.get('etag') ?? '';
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(
      (
        await api.request(api.flowUrl('forecast/how-many', 'by=2026-06-30'), {
          headers: { 'if-none-match': tag },
        })
      ).status,
    ).toBe(304);
    const posted = await api.request(api.flowUrl('forecast/how-many'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': tag },
      body: JSON.stringify({ by: '2026-06-30' }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('etag')).not.toBe(tag);
    const missing = await api.request(api.flowUrl('summary', RANGE, 'No Such Team'), {
      headers: { 'if-none-match': '*' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).not.toMatch(/^"[\w-]{32}"$/);
  });
});
