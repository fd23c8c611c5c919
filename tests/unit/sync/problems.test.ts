import { describe, expect, it } from 'vitest';
import { SCOPE_LABELS } from '../../../service/src/ado/scopes.ts';
import { FEATURE_SCOPES } from '../../../service/src/contract/index.ts';
import { ALL_STREAMS } from '../../../service/src/sync/streams.ts';
import {
  credentialsRefusedProblem,
  needsScopeProblem,
  renderProblem,
  streamFailedProblem,
} from '../../../service/src/sync/problems.ts';

describe('sync problems as codes with parameters, rendered in English for API users', () => {
  it.each([
    {
      problem: needsScopeProblem('vso.build', 'delivery'),
      code: 'needs_scope',
      params: { scope: 'vso.build', scopeLabel: 'Build (Read)', feature: 'delivery' },
      message: /^Delivery metrics need Build \(Read\): add the vso\.build scope/,
    },
    {
      problem: needsScopeProblem('vso.work', 'flow'),
      code: 'needs_scope',
      params: { scope: 'vso.work', scopeLabel: 'Work Items (Read)', feature: 'flow' },
      message: /^Flow metrics need Work Items \(Read\)/,
    },
    {
      problem: credentialsRefusedProblem('fabrikam'),
      code: 'credentials_refused',
      params: { organization: 'fabrikam' },
      message: /refused the personal access token of fabrikam/,
    },
    {
      problem: streamFailedProblem('Azure DevOps answered 500'),
      code: 'stream_failed',
      params: { reason: 'Azure DevOps answered 500' },
      message: /^Syncing failed: Azure DevOps answered 500$/,
    },
  ])('$code', ({ problem, code, params, message }) => {
    const rendered = renderProblem(problem);
    expect(rendered.code).toBe(code);
    expect(rendered.params).toEqual(params);
    expect(rendered.message).toMatch(message);
  });
});

describe('scopes per stream', () => {
  it('every stream needs only scopes its feature lists, under the labels the PAT dialog shows', () => {
    for (const stream of ALL_STREAMS) {
      const listed = FEATURE_SCOPES[stream.access.feature].scopes;
      for (const scope of stream.access.scopes) {
        expect(listed.find((entry) => entry.scope === scope)?.label).toBe(SCOPE_LABELS[scope]);
      }
    }
    expect(FEATURE_SCOPES.flow.required).toBe(true);
    expect(FEATURE_SCOPES.delivery.required).toBe(false);
  });
});
