import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../service/src/simulator/index.ts';
import type { RunningSimulator } from '../../../service/src/simulator/index.ts';
import { ADO_EXAMPLES_DIRECTORY } from '../../fixtures/adoExamples.ts';

/** Compares the simulator's reporting-revision payloads with the official REST examples (key sets and value types). */
const EXAMPLES = ADO_EXAMPLES_DIRECTORY;

type Json = Record<string, unknown>;
interface Batch {
  values: { id: number; rev: number; fields: Json }[];
  nextLink: string;
  continuationToken?: string;
  isLastBatch: boolean;
}

function exampleBody(file: string): Batch {
  const example = JSON.parse(readFileSync(`${EXAMPLES}/${file}`, 'utf8')) as {
    responses: { 200: { body: Batch } };
  };
  return example.responses[200].body;
}

/** Fields every work item of any process carries (the examples also show process-specific ones). */
const isCommonField = (name: string): boolean =>
  name.startsWith('System.') || /^WEF_[0-9A-F]{32}_Kanban\.Column$/.test(name);
const normalise = (name: string): string => name.replace(/^WEF_[0-9A-F]{32}_/, 'WEF_*_');
const typeOf = (value: unknown): string => (value === null ? 'null' : typeof value);

describe('reporting revisions match the official example shapes', () => {
  let sim: RunningSimulator;
  const get = async (query: string, init: RequestInit = {}): Promise<Batch> => {
    const response = await fetch(`${sim.organizationUrl}/_apis/wit/reporting/workItemRevisions?${query}`, {
      ...init,
      headers: { Authorization: `Bearer ${sim.pat}`, 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Batch;
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, scale: 'tiny', now: new Date('2026-03-02T00:00:00Z') });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('GET batch and revision carry the example keys with the same value types', async () => {
    const example = exampleBody('wit__GET__wit_reporting_workItemRevisions.json');
    const ours = await get('api-version=7.1');
    expect(Object.keys(ours).sort()).toEqual([...Object.keys(example), 'continuationToken'].sort());
    const exampleValue = example.values[0];
    const ourValue = ours.values.find((value) => value.fields['System.BoardColumn'] !== undefined);
    if (!exampleValue || !ourValue) throw new Error('no revisions to compare');
    expect(Object.keys(ourValue).sort()).toEqual(Object.keys(exampleValue).sort());
    const expected = Object.entries(exampleValue.fields).filter(([name]) => isCommonField(name));
    const actual = new Map(
      Object.entries(ourValue.fields).map(([name, value]) => [normalise(name), typeOf(value)]),
    );
    for (const [name, value] of expected)
      expect([normalise(name), actual.get(normalise(name))]).toEqual([normalise(name), typeOf(value)]);
    expect(ours.nextLink).toMatch(
      /\/_apis\/wit\/reporting\/workItemRevisions\?continuationToken=\d+%3B\d+%3B\d+&api-version=7\.1$/,
    );
  });

  it('includeIdentityRef batch matches the example, identities as objects with id and uniqueName', async () => {
    const example = exampleBody(
      'wit__GET__wit_reporting_workItemRevisions_includeIdentityRef-true_watermark-794.json',
    );
    const ours = await get('includeIdentityRef=true&api-version=7.1');
    expect(Object.keys(ours).sort()).toEqual(Object.keys(example).sort());
    const latest = ours.values.find((value) => value.fields['System.RevisedDate'] === '9999-01-01T00:00:00Z');
    expect(latest).toBeDefined();
    for (const name of ['System.CreatedBy', 'System.ChangedBy']) {
      const exampleKeys = Object.keys(example.values[0]?.fields[name] as Json);
      expect(Object.keys(latest?.fields[name] as Json)).toEqual(expect.arrayContaining(exampleKeys));
    }
    expect(ours.nextLink).toContain('includeIdentityRef=true');
  });

  it('POST with a field list returns exactly those fields, as in the example', async () => {
    const example = JSON.parse(
      readFileSync(`${EXAMPLES}/wit__POST__wit_reporting_workItemRevisions_watermark-794.json`, 'utf8'),
    ) as {
      parameters: { body: { types: string[]; fields: string[]; includeIdentityRef: boolean } };
      responses: { 200: { body: Batch } };
    };
    const body = { ...example.parameters.body, types: ['Bug', 'Task', 'User Story'] };
    const ours = await get('api-version=7.1-preview.2', { method: 'POST', body: JSON.stringify(body) });
    const exampleValue = example.responses[200].body.values[0];
    expect(ours.values.length).toBeGreaterThan(0);
    for (const value of ours.values) {
      expect(Object.keys(value.fields).sort()).toEqual(Object.keys(exampleValue?.fields ?? {}).sort());
    }
  });
});
