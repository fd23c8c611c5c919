import { SCOPE_LABELS, type AdoScope } from '../ado/scopes.ts';
import type { StreamFeature, SyncProblem, SyncProblemCode } from '../contract/syncStatus.ts';

/** A problem as stored: the code and its parameters; the English message is rendered when read. */
export interface StoredProblem {
  code: SyncProblemCode;
  params: Record<string, string>;
}

const FEATURE_NAMES: Record<StreamFeature, string> = { flow: 'Flow metrics', delivery: 'Delivery metrics' };

const ENGLISH: Record<SyncProblemCode, (params: Record<string, string>) => string> = {
  needs_scope: (params) =>
    `${FEATURE_NAMES[params.feature === 'delivery' ? 'delivery' : 'flow']} need ${params.scopeLabel ?? params.scope ?? 'another scope'}: ` +
    `add the ${params.scope ?? ''} scope to the personal access token and reconnect.`,
  credentials_refused: (params) =>
    `Azure DevOps refused the personal access token of ${params.organization ?? 'the organization'} ` +
    '(expired, revoked or mistyped): create a new one and reconnect.',
  stream_failed: (params) => `Syncing failed: ${params.reason ?? 'unknown error'}`,
};

export function needsScopeProblem(scope: AdoScope, feature: StreamFeature): StoredProblem {
  return { code: 'needs_scope', params: { scope, scopeLabel: SCOPE_LABELS[scope], feature } };
}

export function streamFailedProblem(reason: string): StoredProblem {
  return { code: 'stream_failed', params: { reason } };
}

export function credentialsRefusedProblem(organization: string): StoredProblem {
  return { code: 'credentials_refused', params: { organization } };
}

export function renderProblem(problem: StoredProblem): SyncProblem {
  return { code: problem.code, params: problem.params, message: ENGLISH[problem.code](problem.params) };
}
