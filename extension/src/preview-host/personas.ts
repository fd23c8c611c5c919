/**
 * The people the preview can play (the demo's organization administrator, project and team
 * administrators, a member, a user of another organization), as the service lists them. Each comes with
 * the access token the host answers SDK.getAccessToken() with; its app token is minted per persona.
 */
export interface Persona {
  id: string;
  label: string;
  accessToken: string;
}

const storageKey = 'seika-preview-persona';

function isPersona(value: unknown): value is Persona {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'label' in value &&
    typeof value.label === 'string' &&
    'accessToken' in value &&
    typeof value.accessToken === 'string'
  );
}

/** The personas, or none when the service offers no switching (then the page's own user is played). */
export async function fetchPersonas(appTokenUrl: string): Promise<Persona[]> {
  const response = await fetch(appTokenUrl.replace(/app-token$/, 'personas'), { cache: 'no-store' });
  if (!response.ok) return [];
  const body: unknown = await response.json();
  const list: unknown = typeof body === 'object' && body !== null && 'personas' in body ? body.personas : [];
  return Array.isArray(list) ? list.filter(isPersona) : [];
}

/** `?as=` wins, then what was chosen earlier in this tab; the first persona otherwise. */
export function chosenPersona(personas: readonly Persona[]): Persona | undefined {
  const wanted = new URLSearchParams(window.location.search).get('as') ?? sessionStorage.getItem(storageKey);
  return personas.find((persona) => persona.id === wanted) ?? personas[0];
}

export function rememberPersona(persona: Persona): void {
  sessionStorage.setItem(storageKey, persona.id);
  const query = new URLSearchParams(window.location.search);
  query.set('as', persona.id);
  window.history.replaceState(null, '', `${window.location.pathname}?${query.toString()}`);
}

export async function fetchPersonaAppToken(
  appTokenUrl: string,
  persona: Persona,
): Promise<{ token: string }> {
  const response = await fetch(`${appTokenUrl}/${encodeURIComponent(persona.id)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The preview could not mint an app token (${response.status}).`);
  return (await response.json()) as { token: string };
}
