import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schemas from '../../../service/src/simulator/schemas/index.ts';
import type { Connected } from './support.ts';
import { connect, project } from './support.ts';
import { ADO_EXAMPLES_DIRECTORY } from '../../fixtures/adoExamples.ts';

const EXAMPLES = ADO_EXAMPLES_DIRECTORY;

/** Which schema describes each official example's 200 body. */
const EXAMPLE_SCHEMAS: Record<string, z.ZodType> = {
  'wit__GET__wit_reporting_workItemRevisions.json': schemas.reportingRevisionsBatchSchema,
  'wit__GET__wit_reporting_workItemRevisions_includeIdentityRef-true_watermark-794.json':
    schemas.reportingRevisionsBatchSchema,
  'wit__POST__wit_reporting_workItemRevisions_watermark-794.json': schemas.reportingRevisionsBatchSchema,
  'wit__GET__wit_reporting_workItemLinks_50.json': schemas.reportingLinksBatchSchema,
  'wit__GET__workitem_type_states.json': schemas.workItemStatesSchema,
  'wit__POST__wit_WorkItemsBatch_ids-_ids__fields-_columns_.json': schemas.workItemsBatchSchema,
  'wit__GET__wit_get_id_workitems.json': schemas.wiqlResultSchema,
  'work__GET__work_teamsettings.json': schemas.teamSettingsSchema,
  'work__GET__work_teamsettings_iterations__timeframe-_timeframe_.json': schemas.iterationsSchema,
  'work__GET__work_teamsettings_iterations__iterationId_.json': schemas.iterationSchema,
  'work__GET__work_teamsettings_teamfieldvalues.json': schemas.teamFieldValuesSchema,
  'work__GET__work_backlogconfiguration.json': schemas.backlogConfigurationSchema,
  'work__GET__work_processconfiguration.json': schemas.processConfigurationSchema,
  'work__GET__work_boards__boardName__columns.json': schemas.boardColumnsSchema,
  'release__GET__ListDeployments.json': schemas.releaseDeploymentsSchema,
  'release__GET__ListDeploymentsForAGivenDefinitionId.json': schemas.releaseDeploymentsSchema,
  'git__GET__git_pullRequests.json': schemas.pullRequestsSchema,
  'git__GET__git_repositories__repositoryId__pullRequests_status-completed.json': schemas.pullRequestsSchema,
  'git__GET__git_repositories__repositoryId__commits.json': schemas.commitsSchema,
  'hooks__POST__hooks_subscriptions.json': schemas.subscriptionSchema,
  'hooks__GET__hooks_publishers__publisherId__eventTypes.json': schemas.eventTypesSchema,
};

function example(file: string): { body: unknown; request: unknown } {
  const parsed = JSON.parse(readFileSync(`${EXAMPLES}/${file}`, 'utf8')) as {
    parameters?: { body?: unknown };
    responses: { 200: { body: unknown } };
  };
  return { body: parsed.responses[200].body, request: parsed.parameters?.body };
}

describe('official example payloads validate against the simulator schemas', () => {
  it('has a schema for every example file', () => {
    const files = readdirSync(EXAMPLES)
      .filter((file) => file.endsWith('.json'))
      .sort();
    expect(Object.keys(EXAMPLE_SCHEMAS).sort()).toEqual(files);
  });

  it.each(Object.entries(EXAMPLE_SCHEMAS))('%s', (file, schema) => {
    const result = schema.safeParse(example(file).body);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the subscription example request matches the request schema', () => {
    expect(
      schemas.subscriptionRequestSchema.safeParse(example('hooks__POST__hooks_subscriptions.json').request)
        .success,
    ).toBe(true);
  });

  it('the schemas are not vacuous: broken payloads fail', () => {
    const revisions = example('wit__GET__wit_reporting_workItemRevisions.json').body as {
      isLastBatch?: unknown;
    };
    expect(
      schemas.reportingRevisionsBatchSchema.safeParse({ ...revisions, isLastBatch: 'yes' }).success,
    ).toBe(false);
    const columns = example('work__GET__work_boards__boardName__columns.json').body as { count: number };
    expect(schemas.boardColumnsSchema.safeParse({ ...columns, count: columns.count + 1 }).success).toBe(
      false,
    );
    expect(schemas.buildSchema.safeParse({ id: 1 }).success).toBe(false);
  });
});

describe('the simulator answers validate against the same schemas', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ seed: 12, scale: 'demo' });
  });
  afterAll(async () => {
    await c.sim.close();
  });

  async function answer(path: string, init?: RequestInit): Promise<unknown> {
    const url = path.startsWith('http') ? path : `${c.sim.organizationUrl}/${path}`;
    const response = await fetch(url, {
      ...init,
      headers: { Authorization: `Bearer ${c.sim.pat}`, 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  const expectValid = (schema: z.ZodType, body: unknown): void => {
    const result = schema.safeParse(body);
    expect(result.error?.issues.slice(0, 3) ?? []).toEqual([]);
  };

  it('work item tracking and work', async () => {
    const team = `${project}/${encodeURIComponent('Web Team')}`;
    expectValid(schemas.reportingRevisionsBatchSchema, await answer('_apis/wit/reporting/workitemrevisions'));
    expectValid(
      schemas.reportingRevisionsBatchSchema,
      await answer('_apis/wit/reporting/workitemrevisions?includeIdentityRef=true'),
    );
    expectValid(schemas.reportingLinksBatchSchema, await answer('_apis/wit/reporting/workitemlinks'));
    expectValid(schemas.workItemStatesSchema, await answer(`${project}/_apis/wit/workitemtypes/Bug/states`));
    expectValid(
      schemas.workItemsBatchSchema,
      await answer('_apis/wit/workitemsbatch?api-version=7.1', {
        method: 'POST',
        body: JSON.stringify({ ids: [1, 2, 3], fields: ['System.Id', 'System.Title'] }),
      }),
    );
    expectValid(
      schemas.wiqlResultSchema,
      await answer(`${team}/_apis/wit/wiql?api-version=7.1`, {
        method: 'POST',
        body: JSON.stringify({ query: "SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'Active'" }),
      }),
    );
    expectValid(schemas.teamSettingsSchema, await answer(`${team}/_apis/work/teamsettings`));
    const iterations = (await answer(`${team}/_apis/work/teamsettings/iterations`)) as {
      value: { id: string }[];
    };
    expectValid(schemas.iterationsSchema, iterations);
    expectValid(
      schemas.iterationSchema,
      await answer(`${team}/_apis/work/teamsettings/iterations/${iterations.value[0]?.id ?? ''}`),
    );
    expectValid(
      schemas.teamFieldValuesSchema,
      await answer(`${team}/_apis/work/teamsettings/teamfieldvalues`),
    );
    expectValid(schemas.backlogConfigurationSchema, await answer(`${team}/_apis/work/backlogconfiguration`));
    expectValid(
      schemas.processConfigurationSchema,
      await answer(`${project}/_apis/work/processconfiguration`),
    );
    expectValid(schemas.boardColumnsSchema, await answer(`${team}/_apis/work/boards/Stories/columns`));
  });

  it('build, pipelines, environments, release and git', async () => {
    const builds = (await answer(`${project}/_apis/build/builds?$top=50`)) as { value: { id: number }[] };
    expectValid(schemas.buildsSchema, builds);
    const build = builds.value[0]?.id ?? 0;
    expectValid(schemas.timelineSchema, await answer(`${project}/_apis/build/builds/${build}/timeline`));
    for (const change of (
      (await answer(`${project}/_apis/build/builds/${build}/changes`)) as { value: unknown[] }
    ).value)
      expectValid(schemas.changeSchema, change);
    expectValid(schemas.runsSchema, await answer(`${project}/_apis/pipelines/1/runs`));
    for (const environment of (
      (await answer(`${project}/_apis/distributedtask/environments`)) as { value: unknown[] }
    ).value)
      expectValid(schemas.environmentSchema, environment);
    expectValid(
      schemas.deploymentRecordsSchema,
      await answer(`${project}/_apis/distributedtask/environments/3/environmentdeploymentrecords`),
    );
    expectValid(
      schemas.releaseDeploymentsSchema,
      await answer(`${c.sim.releaseUrl}/${project}/_apis/release/deployments`),
    );
    expectValid(
      schemas.pullRequestsSchema,
      await answer(`${project}/_apis/git/pullrequests?searchCriteria.status=all`),
    );
    const repositories = (await answer(`${project}/_apis/git/repositories`)) as { value: { id: string }[] };
    for (const repository of repositories.value) expectValid(schemas.repositorySchema, repository);
    expectValid(
      schemas.commitsSchema,
      await answer(`${project}/_apis/git/repositories/${repositories.value[0]?.id ?? ''}/commits`),
    );
  });

  it('service hooks: subscription, event types and the delivered envelope', async () => {
    const bodies: unknown[] = [];
    const receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push(JSON.parse(text));
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
      const created = await answer('_apis/hooks/subscriptions?api-version=7.1', {
        method: 'POST',
        body: JSON.stringify({
          publisherId: 'tfs',
          eventType: 'build.complete',
          consumerId: 'webHooks',
          consumerActionId: 'httpRequest',
          publisherInputs: {},
          consumerInputs: { url },
        }),
      });
      expectValid(schemas.subscriptionSchema, created);
      expectValid(schemas.eventTypesSchema, await answer('_apis/hooks/publishers/tfs/eventtypes'));
      c.sim.advanceClock(86_400_000);
      await c.sim.flushHooks();
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        expectValid(schemas.hookEnvelopeSchema, body);
        expectValid(schemas.buildSchema, (body as { resource: unknown }).resource);
      }
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
