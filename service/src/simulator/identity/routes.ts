import { z } from 'zod';
import { errors } from '../errors.ts';
import { list, ok } from '../http.ts';
import type { RequestContext } from '../http.ts';
import type { Route } from '../routes/route.ts';
import { hasPermission } from './permissions.ts';

/** The caller as connectionData and identity references show it. */
function principalOf(context: RequestContext) {
  const { principal, identities } = context;
  if (principal === undefined) throw errors.unauthorized();
  const user = identities.user(principal.userId);
  const membership = identities.membership(context.model.organizationName, principal.userId);
  if (user === undefined || membership === undefined) throw errors.unauthorized();
  return { user, membership };
}

const permissionsSchema = z.string().regex(/^\d{1,10}$/);

/** connectionData (who the token is, which organization) and the Security permissions API. */
export const identityRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'connectionData',
    location: 'connectionData',
    handle: (context) => {
      const { user } = principalOf(context);
      const { model } = context;
      const identity = {
        id: user.id,
        descriptor: `Microsoft.IdentityModel.Claims.ClaimsIdentity;${user.uniqueName}`,
        subjectDescriptor: `aad.${Buffer.from(user.id).toString('base64url')}`,
        providerDisplayName: user.displayName,
        isActive: true,
        properties: { Account: { $type: 'System.String', $value: user.uniqueName } },
      };
      return ok({
        authenticatedUser: identity,
        authorizedUser: identity,
        instanceId: model.organizationId,
        deploymentId: model.organizationId,
        deploymentType: 'hosted',
        locationServiceData: {
          serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
          defaultAccessMappingMoniker: 'PublicAccessMapping',
        },
      });
    },
  },
  {
    // GET _apis/permissions/{securityNamespaceId}/{permissions}?tokens=a,b&delimiter=,: one boolean per token.
    methods: ['GET'],
    scope: 'organization',
    pattern: 'permissions/:namespaceId/:permissions',
    location: 'permissions',
    handle: (context, { values }) => {
      const { membership } = principalOf(context);
      const bits = permissionsSchema.safeParse(values.permissions);
      if (!bits.success)
        throw errors.invalidArgument(`Invalid permissions value '${values.permissions ?? ''}'.`);
      const tokens = context.query.get('tokens');
      if (tokens === null || tokens === '')
        throw errors.invalidArgument('Value cannot be null. Parameter name: tokens');
      const delimiter = context.query.get('delimiter') ?? ',';
      const answers = tokens
        .split(delimiter === '' ? ',' : delimiter)
        .map((token) =>
          hasPermission(context.model, membership, values.namespaceId ?? '', Number(bits.data), token),
        );
      return list(answers);
    },
  },
];
