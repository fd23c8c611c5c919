/** The connect form's fields, named as the API names them in an error's `parameter`. */
export type ConnectField = 'organizationUrl' | 'personalAccessToken' | 'timeZone';

const connectFields: readonly ConnectField[] = ['organizationUrl', 'personalAccessToken', 'timeZone'];

/** The field a server error names, or undefined when it names none of the form's fields. */
export function fieldOfParameter(parameter: string | undefined): ConnectField | undefined {
  return connectFields.find((field) => field === parameter);
}

/** Azure DevOps Services organization URL for the host's organization name; empty when unknown. */
export function defaultOrganizationUrl(organization: string | undefined): string {
  return organization ? `https://dev.azure.com/${encodeURIComponent(organization)}` : '';
}

/** The browser's IANA time zone (what the team most likely works in), UTC when the browser won't say. */
export function browserTimeZone(): string {
  const zone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone.length > 0 ? zone : 'UTC';
}
