import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsResponseSchema } from '../../../service/src/contract/insights/insights.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  eventually,
  startTestService,
  type TestService,
  type TestUser,
} from '../../support/startTestService.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/** A loopback receiver playing a Slack incoming webhook: records each POST, answers 200. */
interface Receiver {
  origin: string;
  posts: { path: string; body: unknown }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const posts: Receiver['posts'] = [];
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      const buffer = Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > 64_000) throw new Error('too large');
      chunks.push(buffer);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  };
  const server: Server = createServer((request, response) => {
    read(request).then(
      (body) => {
        posts.push({ path: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let directory: ReturnType<typeof temporaryDirectory>;
let database: TestRepository;
let simulator: RunningSimulator;
let test: TestService;
let receiver: Receiver;
let reader: TestUser;

beforeAll(async () => {
  directory = temporaryDirectory('insights-digest');
  database = await openTestRepository('sqlite', directory.path, 'insights');
  await database.storage.close();
  receiver = await startReceiver();
  simulator = await startSimulator({ seed: 11, scale: 'demo', now: new Date(Date.now() - 86_400_000) });
  test = await startTestService(database.target, {
    maxPageSize: 1000,
    simulator,
    extraAllowedOrigins: [receiver.origin],
  });
  const connected = await test.api('/organizations', {
    method: 'POST',
    body: {
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
      subscribeToEvents: false,
    },
  });
  expect(connected.status).toBe(201);
  await eventually(
    'the first sync',
    async () => {
      const status = await test.api(`/organizations/${simulator.organization}/sync-status`);
      const body = status.body as { job?: { lastFinishedAt: string | null } | null };
      return body.job?.lastFinishedAt ?? undefined;
    },
    60_000,
  );
  reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
}, 120_000);

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await receiver?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const insightsPath = () =>
  `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}/insights`;

const secretPath = '/services/T0000/B0000/s3cr3tT0k3nV4lu3';

describe('weekly insight digest', () => {
  it.each([
    ['a host that is no webhook', 'slack', 'https://example.com/services/T/B/x'],
    ['Slack over http', 'slack', 'http://hooks.slack.com/services/T/B/x'],
    ['a Teams URL given as Slack', 'slack', 'https://acme.webhook.office.com/webhookb2/x'],
    ['a loopback port not allowed', 'teams', 'http://127.0.0.1:1/webhook'],
    ['credentials in the URL', 'slack', 'https://user:pw@hooks.slack.com/services/T/B/x'],
  ])('refuses %s', async (_, kind, url) => {
    const response = await test.api(`${insightsPath()}/settings`, {
      method: 'PUT',
      body: { enabled: ['AGE-1'], digest: { kind, url } },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: 'digest_url_refused', parameter: 'digest.url' } });
  });

  it('is set up by a team administrator only, sealed, and answered masked', async () => {
    const url = `${receiver.origin}${secretPath}`;
    const byReader = await test.api(`${insightsPath()}/settings`, {
      method: 'PUT',
      body: { enabled: ['AGE-1'], digest: { kind: 'slack', url } },
      as: reader,
    });
    expect(byReader.status).toBe(403);
    const saved = await test.api(`${insightsPath()}/settings`, {
      method: 'PUT',
      body: {
        enabled: ['AGE-1', 'WIP-1', 'CFD-1', 'STB-1', 'WAIT-1', 'SLE-1', 'DQ-1', 'DEP-1'],
        digest: { kind: 'slack', url },
      },
    });
    expect(saved.status).toBe(200);
    const insights = insightsResponseSchema.parse(saved.body);
    expect(insights.digest).toEqual({ kind: 'slack', language: 'ja', maskedUrl: `${receiver.origin}/…4lu3` });
    const read = await test.api(insightsPath(), { as: reader });
    expect(JSON.stringify(read.body)).not.toContain('s3cr3tT0k3n');
    const sealed = await test.service.storage.insights.digest(
      simulator.organization,
      simulator.project,
      simulator.team,
    );
    expect(sealed?.sealedUrl).not.toContain('s3cr3t');
    expect(test.secrets.open(sealed?.sealedUrl ?? '')).toBe(url);
  });

  it('is posted by the daily round once per team and week, in the team’s language, at most three findings', async () => {
    const insights = insightsResponseSchema.parse((await test.api(insightsPath(), { as: reader })).body);
    await test.service.runDailyRound();
    await test.service.runDailyRound();
    expect(receiver.posts).toHaveLength(1);
    const [post] = receiver.posts;
    expect(post?.path).toBe(secretPath);
    const text = (post?.body as { text: string }).text;
    expect(text).toContain(`チーム ${insights.team}`);
    expect(text).toContain(insights.weekStart);
    const numbered = text.split('\n').filter((line) => /^\d\. /.test(line));
    expect(numbered).toHaveLength(Math.min(insights.findings.length, 3));
    for (const identity of simulator.model.identities) {
      expect(text).not.toContain(identity.displayName);
    }
    expect(test.logLines.join('\n')).not.toContain('s3cr3tT0k3n');
  });

  it('is switched off with null', async () => {
    const off = await test.api(`${insightsPath()}/settings`, {
      method: 'PUT',
      body: { enabled: ['AGE-1'], digest: null },
    });
    expect(insightsResponseSchema.parse(off.body).digest).toBeNull();
  });
});
