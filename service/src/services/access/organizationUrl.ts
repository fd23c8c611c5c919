/** An organization URL Seika may call: https on Azure DevOps' hosts, or an origin the operator allowed. */
export interface OrganizationAddress {
  /** Lower-case organization name: the key its rows are stored under. */
  name: string;
  /** Canonical, without a trailing slash. */
  url: string;
}

export class InvalidOrganizationUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOrganizationUrlError';
  }
}

const ORGANIZATION_NAME = /^[a-z0-9][a-z0-9-]{0,49}$/i;

/**
 * Accepts only `https://dev.azure.com/{org}` and `https://{org}.visualstudio.com` (any case, an optional
 * trailing slash), plus `{allowed origin}/{org}` for origins in `allowedOrigins` (the simulator, tests).
 * Refuses credentials, query strings, fragments, ports and any other path, before anything is fetched.
 */
export function parseOrganizationUrl(
  input: string,
  allowedOrigins: readonly string[] = [],
): OrganizationAddress {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new InvalidOrganizationUrlError('is not a URL; use https://dev.azure.com/{organization}');
  }
  if (parsed.username !== '' || parsed.password !== '')
    throw new InvalidOrganizationUrlError('must not carry credentials; send the PAT in its own field');
  if (parsed.search !== '' || parsed.hash !== '')
    throw new InvalidOrganizationUrlError('must not have a query string or fragment');
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const host = parsed.hostname.toLowerCase();
  if (allowedOrigins.map((origin) => origin.toLowerCase()).includes(parsed.origin.toLowerCase())) {
    return named(segments.length === 1 ? decodeSegment(segments[0]) : undefined, parsed.origin);
  }
  if (parsed.protocol !== 'https:')
    throw new InvalidOrganizationUrlError('must use https (https://dev.azure.com/{organization})');
  if (parsed.port !== '') throw new InvalidOrganizationUrlError('must not name a port');
  if (host === 'dev.azure.com')
    return named(segments.length === 1 ? decodeSegment(segments[0]) : undefined, 'https://dev.azure.com');
  const legacy = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com$/.exec(host)?.[1];
  if (legacy !== undefined && segments.length === 0) {
    const address = named(legacy, '');
    return { name: address.name, url: `https://${address.name}.visualstudio.com` };
  }
  throw new InvalidOrganizationUrlError(
    'must be https://dev.azure.com/{organization} or https://{organization}.visualstudio.com',
  );
}

function decodeSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function named(name: string | undefined, origin: string): OrganizationAddress {
  if (name === undefined || !ORGANIZATION_NAME.test(name))
    throw new InvalidOrganizationUrlError('must name exactly one organization (letters, digits and dashes)');
  const lower = name.toLowerCase();
  return { name: lower, url: `${origin}/${lower}` };
}
