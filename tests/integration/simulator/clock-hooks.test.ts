import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connected } from './support.ts';
import { connect, project } from './support.ts';

const DAY = 86_400_000;

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown> & { eventType: string; resource: Record<string, unknown> };
}

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failing = false;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(text) as Received['body'],
      });
      response.statusCode = failing ? 500 : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

let c: Connected | undefined;
afterEach(async () => {
  await c?.sim.close();
  c = undefined;
  received.length = 0;
  failing = false;
});

async function subscribe(
  connected: Connected,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${connected.sim.organizationUrl}/_apis/hooks/subscriptions?api-version=7.1`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${connected.sim.pat}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ consumerId: 'webHooks', consumerActionId: 'httpRequest', ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('service hooks and the living organization', () => {
  it('creates, lists, reads and deletes subscriptions like the service, and refuses unknown events', async () => {
    c = await connect({ seed: 4, scale: 'tiny' });
    const created = await subscribe(c, {
      publisherId: 'tfs',
      eventType: 'build.complete',
      resourceVersion: '1.0',
      publisherInputs: { buildStatus: 'Failed' },
      consumerInputs: { url: `${receiverUrl}/builds` },
    });
    expect(created.status).toBe(200);
    const id = String(created.body.id);
    expect(created.body).toMatchObject({
      publisherId: 'tfs',
      eventType: 'build.complete',
      consumerId: 'webHooks',
      url: `${c.sim.organizationUrl}/_apis/hooks/subscriptions/${id}`,
    });
    expect((created.body.publisherInputs as Record<string, string>).buildStatus).toBe('Failed');
    const listed = await c.get('_apis/hooks/subscriptions');
    expect((listed.body as { value: { id: string }[] }).value.map((subscription) => subscription.id)).toEqual(
      [id],
    );
    expect((await c.get(`_apis/hooks/subscriptions/${id}`)).status).toBe(200);
    const deleted = await fetch(`${c.sim.organizationUrl}/_apis/hooks/subscriptions/${id}?api-version=7.1`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${c.sim.pat}` },
    });
    expect(deleted.status).toBe(204);
    expect((await c.get(`_apis/hooks/subscriptions/${id}`)).status).toBe(404);
    expect(
      (
        await subscribe(c, {
          publisherId: 'tfs',
          eventType: 'no.such.event',
          consumerInputs: { url: receiverUrl },
        })
      ).status,
    ).toBe(400);
    expect(
      (await subscribe(c, { publisherId: 'tfs', eventType: 'build.complete', consumerInputs: {} })).status,
    ).toBe(400);
    const types = await c.get('_apis/hooks/publishers/pipelines/eventtypes');
    expect((types.body as { value: { id: string }[] }).value.map((type) => type.id)).toEqual([
      'ms.vss-pipelines.run-state-changed-event',
      'ms.vss-pipelines.stage-state-changed-event',
    ]);
  });

  it('delivers the real envelope with basic auth and custom headers as the organization lives on', async () => {
    c = await connect({ seed: 4, scale: 'demo', hooks: { retryDelaysMs: [] } });
    const events = [
      ['tfs', 'workitem.created'],
      ['tfs', 'workitem.updated'],
      ['tfs', 'build.complete'],
      ['tfs', 'git.pullrequest.merged'],
      ['pipelines', 'ms.vss-pipelines.run-state-changed-event'],
      ['pipelines', 'ms.vss-pipelines.stage-state-changed-event'],
      ['rm', 'ms.vss-release.deployment-completed-event'],
    ];
    for (const [publisherId, eventType] of events)
      await subscribe(c, {
        publisherId,
        eventType,
        consumerInputs: {
          url: `${receiverUrl}/${eventType}`,
          basicAuthUsername: 'seika',
          basicAuthPassword: 'secret',
          httpHeaders: 'X-Seika-Key:abc123\nX-Other: two',
        },
      });
    c.sim.advanceClock(5 * DAY);
    await c.sim.flushHooks();
    const byType = new Map<string, Received[]>();
    for (const delivery of received)
      byType.set(delivery.body.eventType, [...(byType.get(delivery.body.eventType) ?? []), delivery]);
    expect([...byType.keys()].sort()).toEqual(events.map(([, eventType]) => eventType).sort());
    for (const delivery of received) {
      expect(Object.keys(delivery.body).sort()).toEqual(
        [
          'createdDate',
          'detailedMessage',
          'eventType',
          'id',
          'message',
          'notificationId',
          'publisherId',
          'resource',
          'resourceContainers',
          'resourceVersion',
          'subscriptionId',
        ].sort(),
      );
      expect(delivery.headers.authorization).toBe(`Basic ${Buffer.from('seika:secret').toString('base64')}`);
      expect(delivery.headers['x-seika-key']).toBe('abc123');
      expect(delivery.headers['x-other']).toBe('two');
      expect(delivery.path).toBe(`/${delivery.body.eventType}`);
      expect(Date.parse(String(delivery.body.createdDate))).toBeLessThanOrEqual(c.sim.now().getTime());
    }
    const update = byType.get('workitem.updated')?.[0]?.body.resource as {
      workItemId: number;
      rev: number;
      fields: Record<string, { newValue?: unknown }>;
      revision: { fields: Record<string, unknown> };
    };
    expect(update.fields['System.Rev']?.newValue).toBe(update.rev);
    expect(update.revision.fields['System.Id']).toBe(update.workItemId);
    const completed = byType.get('build.complete')?.[0]?.body;
    expect(completed?.resourceVersion).toBe('1.0');
    expect((completed?.resource as { status: string }).status).toBe('completed');
    const run = byType.get('ms.vss-pipelines.run-state-changed-event')?.[0]?.body;
    expect(run?.resourceVersion).toBe('5.1-preview.1');
    expect(Object.keys(run?.resource ?? {})).toEqual(expect.arrayContaining(['run', 'pipeline']));
    const merged = byType.get('git.pullrequest.merged')?.[0]?.body.resource as {
      status: string;
      lastMergeCommit: { commitId: string };
    };
    expect(merged.status).toBe('completed');
    const deployment = byType.get('ms.vss-release.deployment-completed-event')?.[0]?.body.resource as {
      environment: { status: string };
      deployment: { id: number };
    };
    expect(deployment.deployment.id).toBeGreaterThan(0);
    expect((received[0]?.body.resourceContainers as { project: { id: string } }).project.id).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('filters by publisher inputs (area path, build status) and retries failed deliveries', async () => {
    c = await connect({ seed: 4, scale: 'demo', hooks: { retryDelaysMs: [10, 10] } });
    await subscribe(c, {
      publisherId: 'tfs',
      eventType: 'workitem.updated',
      publisherInputs: { areaPath: 'Seika Demo\\Platform' },
      consumerInputs: { url: `${receiverUrl}/platform` },
    });
    await subscribe(c, {
      publisherId: 'tfs',
      eventType: 'build.complete',
      publisherInputs: { buildStatus: 'Failed' },
      consumerInputs: { url: `${receiverUrl}/failed` },
    });
    c.sim.advanceClock(20 * DAY);
    await c.sim.flushHooks();
    const platform = received.filter((delivery) => delivery.path === '/platform');
    for (const delivery of platform)
      expect(
        String(
          (delivery.body.resource as { revision: { fields: Record<string, unknown> } }).revision.fields[
            'System.AreaPath'
          ],
        ),
      ).toMatch(/^Seika Demo\\Platform/);
    const failed = received.filter((delivery) => delivery.path === '/failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const delivery of failed)
      expect((delivery.body.resource as { result: string }).result).toBe('failed');
    received.length = 0;
    failing = true;
    const failures = c.sim.hookDeliveries.length;
    c.sim.advanceClock(3 * DAY);
    await c.sim.flushHooks();
    const attempts = c.sim.hookDeliveries.slice(failures);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((attempt) => attempt.status === 500)).toBe(true);
    expect(Math.max(...attempts.map((attempt) => attempt.attempt))).toBe(3);
  });

  it('lets an incremental sync pick up exactly the new revisions, and moves the current sprint with the clock', async () => {
    c = await connect({ seed: 4, scale: 'demo' });
    const wit = await c.api.getWorkItemTrackingApi();
    let token: string | undefined;
    let last = 0;
    for (;;) {
      const batch = await wit.readReportingRevisionsGet(undefined, ['System.ChangedDate'], undefined, token);
      for (const value of batch.values ?? [])
        last = Math.max(last, Date.parse(String(value.fields?.['System.ChangedDate'])));
      token = batch.continuationToken;
      if (batch.isLastBatch === true) break;
    }
    const work = await c.api.getWorkApi();
    const sprint = (await work.getTeamIterations({ project: c.sim.project, team: c.sim.team }, 'current'))[0]
      ?.name;
    c.sim.advanceClock(15 * DAY);
    const next = await wit.readReportingRevisionsGet(
      undefined,
      ['System.ChangedDate'],
      undefined,
      token,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1000,
    );
    const times = (next.values ?? []).map((value) =>
      Date.parse(String(value.fields?.['System.ChangedDate'])),
    );
    expect(times.length).toBeGreaterThan(5);
    expect(Math.min(...times)).toBeGreaterThan(last);
    expect(Math.max(...times)).toBeLessThanOrEqual(c.sim.now().getTime());
    const later = (await work.getTeamIterations({ project: c.sim.project, team: c.sim.team }, 'current'))[0]
      ?.name;
    expect(later).not.toBe(sprint);
    const builds = await c.get(
      `${project}/_apis/build/builds?minTime=${encodeURIComponent(new Date(last).toUTCString())}&$top=5000`,
    );
    expect((builds.body as { count: number }).count).toBeGreaterThan(5);
  });

  it('ends in the same organization however the clock was moved', async () => {
    const a = await connect({ seed: 6, scale: 'tiny' });
    const b = await connect({ seed: 6, scale: 'tiny' });
    try {
      a.sim.advanceClock(6 * DAY);
      for (let step = 0; step < 24; step += 1) b.sim.advanceClock(DAY / 4);
      const text = (connected: Connected, body: unknown) =>
        JSON.stringify(body).split(connected.sim.organizationUrl).join('{org}');
      const stream = async (connected: Connected) =>
        text(
          connected,
          (await connected.get('_apis/wit/reporting/workitemrevisions?$maxPageSize=1000')).body,
        );
      expect(await stream(a)).toBe(await stream(b));
      const builds = async (connected: Connected) =>
        text(connected, (await connected.get(`${project}/_apis/build/builds?$top=5000`)).body);
      expect(await builds(a)).toBe(await builds(b));
    } finally {
      await a.sim.close();
      await b.sim.close();
    }
  });
});
