import { z } from 'zod';
import {
  AzureDevOpsAccessError,
  type AzureDevOpsAccessPort,
  type Credential,
  type NamedResource,
} from './azureDevOps.ts';

const connectionDataSchema = z.object({
  authenticatedUser: z.object({ id: z.string().min(1), providerDisplayName: z.string().optional() }),
  instanceId: z.string().min(1),
});
const booleanListSchema = z.object({ value: z.array(z.boolean()) });
const namedSchema = z.object({ id: z.string().min(1), name: z.string() });

const MAX_BODY_BYTES = 1_000_000;
/** Areas a sync reads, each probed with one cheap call (a PAT without the area's scope gets 401). */
const SCOPE_PROBES: readonly (readonly [string, string])[] = [
  ['vso.project', '_apis/projects?$top=1&api-version=7.1'],
  ['vso.work', '_apis/wit/reporting/workitemrevisions?$maxPageSize=1&api-version=7.1'],
];

function authorization(credential: Credential): string {
  return credential.kind === 'bearer'
    ? `Bearer ${credential.token}`
    : `Basic ${Buffer.from(`:${credential.token}`).toString('base64')}`;
}

/**
 * The access-control calls over HTTP, each bounded by `timeoutMs` and a body size, never following a
 * redirect (Azure DevOps redirects refused credentials to its sign-in page).
 */
export function createHttpAzureDevOps(
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): AzureDevOpsAccessPort {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fetchImpl = options.fetch ?? fetch;

  async function get(url: string, credential: Credential): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { authorization: authorization(credential), accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
      throw new AzureDevOpsAccessError('unreachable', `Azure DevOps at ${new URL(url).origin} ${reason}.`);
    }
    const text = await boundedText(response);
    if (response.status === 203 || (response.status >= 300 && response.status < 400))
      throw new AzureDevOpsAccessError(
        'credentials_refused',
        'Azure DevOps refused the token (sign-in page).',
      );
    if (response.status === 401 || response.status === 403) {
      const named = /TF400813/.test(text);
      throw new AzureDevOpsAccessError(
        named ? 'not_authorized' : 'credentials_refused',
        named
          ? 'Azure DevOps does not let this user into the organization.'
          : 'Azure DevOps refused the token.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AzureDevOpsAccessError(
        'not_azure_devops',
        `${new URL(url).origin} did not answer like Azure DevOps.`,
      );
    }
    return { status: response.status, body };
  }

  function parsed<S extends z.ZodType>(schema: S, body: unknown, url: string): z.output<S> {
    const result = schema.safeParse(body);
    if (!result.success)
      throw new AzureDevOpsAccessError(
        'not_azure_devops',
        `${new URL(url).origin} did not answer like Azure DevOps.`,
      );
    return result.data;
  }

  async function optionalResource(url: string, credential: Credential): Promise<NamedResource | undefined> {
    const { status, body } = await get(url, credential);
    if (status === 404) return undefined;
    if (status !== 200) throw new AzureDevOpsAccessError('not_azure_devops', `Unexpected answer ${status}.`);
    return parsed(namedSchema, body, url);
  }

  return {
    async connectionData(organizationUrl, credential) {
      const url = `${organizationUrl}/_apis/connectionData`;
      const { status, body } = await get(url, credential);
      if (status !== 200)
        throw new AzureDevOpsAccessError('not_azure_devops', `connectionData answered ${status}.`);
      const data = parsed(connectionDataSchema, body, url);
      return {
        userId: data.authenticatedUser.id.toLowerCase(),
        displayName: data.authenticatedUser.providerDisplayName ?? '',
        instanceId: data.instanceId.toLowerCase(),
      };
    },
    async hasPermissions(organizationUrl, credential, namespaceId, bits, securityTokens) {
      const query = new URLSearchParams({ tokens: securityTokens.join(','), 'api-version': '7.1' });
      const url = `${organizationUrl}/_apis/permissions/${namespaceId}/${bits}?${query.toString()}`;
      const { status, body } = await get(url, credential);
      if (status !== 200)
        throw new AzureDevOpsAccessError('not_azure_devops', `permissions answered ${status}.`);
      const answers = parsed(booleanListSchema, body, url).value;
      if (answers.length !== securityTokens.length)
        throw new AzureDevOpsAccessError(
          'not_azure_devops',
          'permissions answered the wrong number of tokens.',
        );
      return answers;
    },
    project: (organizationUrl, credential, project) =>
      optionalResource(
        `${organizationUrl}/_apis/projects/${encodeURIComponent(project)}?api-version=7.1`,
        credential,
      ),
    team: (organizationUrl, credential, projectId, team) =>
      optionalResource(
        `${organizationUrl}/_apis/projects/${encodeURIComponent(projectId)}/teams/${encodeURIComponent(team)}?api-version=7.1`,
        credential,
      ),
    async refusedAreas(organizationUrl, credential) {
      const refused: string[] = [];
      for (const [scope, path] of SCOPE_PROBES) {
        try {
          await get(`${organizationUrl}/${path}`, credential);
        } catch (error) {
          if (
            error instanceof AzureDevOpsAccessError &&
            error.problem !== 'unreachable' &&
            error.problem !== 'not_azure_devops'
          )
            refused.push(scope);
          else throw error;
        }
      }
      return refused;
    },
  };
}

async function boundedText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AzureDevOpsAccessError('not_azure_devops', 'Azure DevOps answered more than expected.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
