import { describe, expect, it } from 'vitest';
import { parseParameters } from '../../../service/src/api/params.ts';
import { HttpError } from '../../../service/src/api/httpErrors.ts';
import {
  flowItemsQuerySchema,
  flowQuerySchema,
  howManyQuerySchema,
  teamFlowSettingsSchema,
} from '../../../service/src/contract/index.ts';

function failure(run: () => unknown): HttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a 400');
}

const RANGE = { from: '2026-05-01', to: '2026-05-31' };

describe('flow query parameters', () => {
  it('split comma lists and repeated parameters, trimming and dropping empty entries', () => {
    const query = parseParameters(
      flowQuerySchema,
      { ...RANGE, workItemTypes: 'Bug, User Story,', tags: ['a,b', ' c '], percentiles: '95,50' },
      'query',
    );
    expect(query).toMatchObject({
      workItemTypes: ['Bug', 'User Story'],
      tags: ['a', 'b', 'c'],
      percentiles: [95, 50],
    });
  });

  it('turn whole-number text into numbers, and accept JSON numbers in bodies', () => {
    expect(
      parseParameters(howManyQuerySchema, { by: '2026-06-30', history: ' 45 ', seed: '0' }, 'query'),
    ).toMatchObject({
      history: 45,
      seed: 0,
    });
    expect(parseParameters(howManyQuerySchema, { by: '2026-06-30', trials: 500 }, 'body')).toMatchObject({
      trials: 500,
    });
  });

  it.each([
    [flowQuerySchema, { to: '2026-05-31' }, 'from', 'Query parameter "from" is required.'],
    [
      flowQuerySchema,
      { ...RANGE, percentiles: '50,101' },
      'percentiles',
      'Query parameter "percentiles" must be at most 100.',
    ],
    [flowQuerySchema, { ...RANGE, tagMatch: 'some' }, 'tagMatch', undefined],
    [
      flowQuerySchema,
      { ...RANGE, areaPath: '  ' },
      'areaPath',
      'Query parameter "areaPath" must not be empty.',
    ],
    [flowQuerySchema, { ...RANGE, format: 'csv' }, 'format', undefined],
    [flowItemsQuerySchema, { ...RANGE, format: 'xml' }, 'format', undefined],
    [
      howManyQuerySchema,
      { by: '2026-06-30', history: '3.5' },
      'history',
      'Query parameter "history" must be a whole number.',
    ],
    [
      howManyQuerySchema,
      { by: '2026-06-30', trials: ['1', '2'] },
      'trials',
      'Query parameter "trials" must be a whole number.',
    ],
    [howManyQuerySchema, {}, 'by', 'Query parameter "by" is required.'],
  ])('%#: names %s', (schema, raw, parameter, message) => {
    const error = failure(() => parseParameters(schema, raw, 'query'));
    expect(error.status).toBe(400);
    expect(error.parameter).toBe(parameter);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it('names the field path in bodies, and refuses a body that is not an object', () => {
    const nested = failure(() =>
      parseParameters(teamFlowSettingsSchema, { startPoint: { kind: 'state', states: [''] } }, 'body'),
    );
    expect(nested.parameter).toBe('startPoint.states.0');
    expect(nested.message).toBe('Body field "startPoint.states.0" must not be empty.');
    for (const raw of [undefined, null, [1], 'text']) {
      expect(failure(() => parseParameters(teamFlowSettingsSchema, raw, 'body')).code).toBe('invalid_json');
    }
  });
});
