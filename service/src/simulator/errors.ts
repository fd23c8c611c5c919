/**
 * Error bodies shaped like the service's own (VssServiceException JSON): `$id`, `innerException`,
 * `message`, `typeName`, `typeKey`, `errorCode`, `eventId`.
 */
export interface AdoErrorBody {
  readonly $id: string;
  readonly innerException: null;
  readonly message: string;
  readonly typeName: string;
  readonly typeKey: string;
  readonly errorCode: number;
  readonly eventId: number;
}

export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: AdoErrorBody,
  ) {
    super(body.message);
  }
}

function error(status: number, typeKey: string, namespace: string, message: string): SimulatorHttpError {
  return new SimulatorHttpError(status, {
    $id: '1',
    innerException: null,
    message,
    typeName: `${namespace}.${typeKey}, ${namespace}`,
    typeKey,
    errorCode: 0,
    eventId: 3000,
  });
}

const FRAMEWORK = 'Microsoft.TeamFoundation.Framework.Server';
const CORE = 'Microsoft.TeamFoundation.Core.WebApi';
const WEBAPI = 'Microsoft.VisualStudio.Services.WebApi';

export const errors = {
  unauthorized: () =>
    error(
      401,
      'UnauthorizedRequestException',
      FRAMEWORK,
      "TF400813: The user '' is not authorized to access this resource.",
    ),
  projectNotFound: (project: string) =>
    error(
      404,
      'ProjectDoesNotExistWithNameException',
      CORE,
      `TF200016: The following project does not exist: ${project}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    ),
  teamNotFound: (team: string) =>
    error(404, 'TeamNotFoundException', CORE, `The team with id '${team}' does not exist.`),
  workItemTypeNotFound: (type: string) =>
    error(
      404,
      'WorkItemTypeNotFoundException',
      'Microsoft.TeamFoundation.WorkItemTracking.Server',
      `TF51535: Cannot find field or work item type ${type}.`,
    ),
  routeNotFound: (path: string) =>
    error(
      404,
      'HttpException',
      'System.Web',
      `The controller for path '${path}' was not found or does not implement IController.`,
    ),
  invalidApiVersion: (version: string) =>
    error(
      400,
      'VssInvalidApiVersionException',
      WEBAPI,
      `The api-version '${version}' is not in a valid format.`,
    ),
  versionNotSpecified: (method: string) =>
    error(
      400,
      'VssVersionNotSpecifiedException',
      WEBAPI,
      `No api-version was supplied for the ${method} request. Please supply an api-version as part of the query string or the Accept header.`,
    ),
  versionOutOfRange: (version: string, latest: string) =>
    error(
      400,
      'VssVersionOutOfRangeException',
      WEBAPI,
      `The requested REST API version of ${version} is out of range for this server. The latest REST API version for this server is ${latest}.`,
    ),
  previewRequired: (version: string) =>
    error(
      400,
      'VssInvalidPreviewVersionException',
      WEBAPI,
      `The requested version "${version}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${version}-preview"`,
    ),
  invalidArgument: (message: string) => error(400, 'ArgumentException', 'System', message),
  /** Any other service error: HTTP status, exception type and message as the service sends them. */
  custom: (status: number, typeKey: string, namespace: string, message: string) =>
    error(status, typeKey, namespace, message),
  notFound: (typeKey: string, message: string, namespace = WEBAPI) => error(404, typeKey, namespace, message),
  methodNotAllowed: (method: string) =>
    error(
      405,
      'HttpException',
      'System.Web',
      `The requested resource does not support http method '${method}'.`,
    ),
};
