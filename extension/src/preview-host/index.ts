import './preview-host.css';
import { buildHandshakeResponse } from './handshake.ts';
import { areaOf, defaultHub, groupByArea } from './hubAreas.ts';
import {
  fetchExtensionListing,
  readPageConfig,
  readSettings,
  writeSettings,
  type PreviewExtensionListing,
  type PreviewHub,
} from './previewState.ts';
import { applyThemeToDocument, themes, type ThemeName } from './themes.ts';
import { XdmHost, type HostObjects } from './xdmHost.ts';
import {
  chosenWidgetSize,
  configurationPanel,
  createWidgetDashboard,
  sizeFrameAsWidget,
} from './widgetHost.ts';
import {
  chosenPersona,
  fetchPersonaAppToken,
  fetchPersonas,
  rememberPersona,
  type Persona,
} from './personas.ts';

/**
 * A small Azure-DevOps-like frame around one hub: navigation, theme and language switches, and the
 * host side of the SDK handshake so the hub runs unmodified.
 */

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) {
    throw new Error(`The preview host page lacks #${id}.`);
  }
  return found;
}

const config = readPageConfig();
const settings = readSettings(config.context.theme);
const frame = element('hub-frame', HTMLIFrameElement);
const status = element('hub-status', HTMLDivElement);
const themeToggle = element('theme-toggle', HTMLButtonElement);
const languageSelect = element('language-select', HTMLSelectElement);
const personaLabel = element('persona-label', HTMLLabelElement);
const personaSelect = element('persona-select', HTMLSelectElement);
/** The open frames' channels: the hub's, or a widget's and its configuration's. */
let channels: XdmHost[] = [];
/** Who the preview plays; undefined: the page's own user (no personas offered). */
let persona: Persona | undefined;

function setHubState(state: 'loading' | 'loaded' | 'failed', message?: string): void {
  document.body.dataset.hubState = state;
  status.hidden = state === 'loaded';
  status.classList.toggle('failed', state === 'failed');
  status.textContent =
    state === 'failed' ? `The hub failed to load: ${message ?? 'unknown error'}` : 'Loading…';
}

function showTheme(theme: ThemeName): void {
  applyThemeToDocument(themes[theme], document.documentElement);
  document.body.dataset.theme = theme;
  themeToggle.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

async function fetchAppToken(): Promise<{ token: string }> {
  const response = await fetch(config.appTokenUrl, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`The preview could not mint an app token (${response.status}).`);
  }
  return (await response.json()) as { token: string };
}

function renderChrome(listing: PreviewExtensionListing, current: PreviewHub): void {
  const breadcrumb = element('breadcrumb', HTMLElement);
  const { organization, project, team } = config.context;
  const area = areaOf(current);
  breadcrumb.textContent =
    area.level === 'organization'
      ? `${organization} › ${area.label} › ${current.name}`
      : `${organization} › ${project.name} › ${area.label} › ${current.name} (${team.name})`;
  const navigation = element('hub-nav', HTMLElement);
  navigation.replaceChildren(
    ...groupByArea(listing.hubs).flatMap(({ area: group, hubs }) => {
      const heading = document.createElement('div');
      heading.className = 'ph-nav-group';
      heading.textContent = group.label;
      const list = document.createElement('ul');
      list.append(
        ...hubs.map((hub) => {
          const link = document.createElement('a');
          link.textContent = hub.name;
          link.href = `?hub=${encodeURIComponent(hub.id)}&theme=${settings.theme}&lang=${settings.culture}`;
          if (hub.id === current.id) {
            link.setAttribute('aria-current', 'page');
          }
          const item = document.createElement('li');
          item.append(link);
          return item;
        }),
      );
      return [heading, list];
    }),
  );
}

/**
 * The host side of the SDK for one frame: the handshake as `contributionId` (a hub, a widget or a widget's
 * configuration), the user's tokens and the load notifications. Navigates the frame to the page.
 */
function connectFrame(
  target: HTMLIFrameElement,
  listing: PreviewExtensionListing,
  contribution: { id: string; uri: string; level: 'team' | 'organization' },
  onLoaded: (connection: XdmHost) => void,
  extraObjects: HostObjects = {},
): XdmHost {
  const baseUri = new URL(config.extensionBaseUri, window.location.origin);
  const pageUrl = new URL(contribution.uri, baseUri);
  const connection: XdmHost = new XdmHost(target, pageUrl.origin, {
    ...extraObjects,
    'DevOps.HostControl': {
      initialHandshake: () =>
        buildHandshakeResponse({
          context: config.context,
          extension: listing,
          contributionId: contribution.id,
          extensionBaseUri: baseUri.href,
          culture: settings.culture,
          level: contribution.level,
          themeName: settings.theme,
          themeData: themes[settings.theme],
        }),
      getAccessToken: () => ({ token: persona?.accessToken ?? 'seika-preview-access-token' }),
      getAppToken: () =>
        persona === undefined ? fetchAppToken() : fetchPersonaAppToken(config.appTokenUrl, persona),
      notifyLoadSucceeded: () => onLoaded(connection),
      notifyLoadFailed: (error: unknown) =>
        setHubState(
          'failed',
          typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error),
        ),
      resize: () => undefined,
    },
    'DevOps.ServiceManager': {
      getService: (id: unknown) =>
        Promise.reject(new Error(`The Seika preview host offers no service ${String(id)}.`)),
    },
  });
  target.src = pageUrl.href;
  return connection;
}

function loadHub(listing: PreviewExtensionListing, hub: PreviewHub): void {
  for (const open of channels) open.dispose();
  channels = [];
  document.querySelector('.ph-widget-configuration')?.remove();
  setHubState('loading');
  const level = areaOf(hub).level;
  const widgetSize = chosenWidgetSize(hub, settings.widgetSize);
  sizeFrameAsWidget(frame, widgetSize);
  delete document.body.dataset.widgetStatus;
  if (widgetSize === undefined) {
    channels.push(connectFrame(frame, listing, { ...hub, level }, () => setHubState('loaded')));
    return;
  }
  // A widget is loaded once the dashboard's load call is answered, not when its frame is up.
  const dashboard = createWidgetDashboard(hub, widgetSize);
  channels.push(
    connectFrame(frame, listing, { ...hub, level }, (widget) => {
      void dashboard.load(widget).then(() => setHubState('loaded'));
    }),
  );
  const configuration = hub.configuration;
  if (settings.configureWidget && configuration !== undefined) {
    const panel = configurationPanel(frame);
    panel.save.addEventListener('click', () => void dashboard.save(configuration.id));
    channels.push(
      connectFrame(
        panel.frame,
        listing,
        { ...configuration, level },
        (connection) => void dashboard.configure(connection, configuration.id),
        dashboard.configurationHostObjects,
      ),
    );
  }
}

async function start(): Promise<void> {
  showTheme(settings.theme);
  languageSelect.value = settings.culture;
  const listing = await fetchExtensionListing();
  const hub = listing.hubs.find((candidate) => candidate.id === settings.hubId) ?? defaultHub(listing.hubs);
  if (!hub) {
    throw new Error('The build contains no hubs.');
  }
  settings.hubId = hub.id;
  writeSettings(settings);
  renderChrome(listing, hub);
  const personas = await fetchPersonas(config.appTokenUrl);
  persona = chosenPersona(personas);
  if (persona !== undefined) {
    rememberPersona(persona);
    personaSelect.replaceChildren(
      ...personas.map(
        (candidate) => new Option(candidate.label, candidate.id, false, candidate.id === persona?.id),
      ),
    );
    personaLabel.hidden = false;
    document.body.dataset.persona = persona.id;
  }
  personaSelect.addEventListener('change', () => {
    const next = personas.find((candidate) => candidate.id === personaSelect.value);
    if (next === undefined) return;
    persona = next;
    rememberPersona(next);
    document.body.dataset.persona = next.id;
    // Another user: the hub starts afresh with that user's tokens, as after signing in again.
    loadHub(listing, hub);
  });

  themeToggle.addEventListener('click', () => {
    settings.theme = settings.theme === 'dark' ? 'light' : 'dark';
    writeSettings(settings);
    showTheme(settings.theme);
    renderChrome(listing, hub);
    // What Azure DevOps does on a theme switch: the SDK re-applies the variables and fires themeApplied.
    for (const open of channels) {
      void open.invoke('DevOps.SdkClient', 'dispatchEvent', [
        'themeChanged',
        { detail: { data: themes[settings.theme] } },
      ]);
    }
  });
  languageSelect.addEventListener('change', () => {
    settings.culture = languageSelect.value;
    writeSettings(settings);
    renderChrome(listing, hub);
    // Azure DevOps reloads the page on a language change; the hub frame re-handshakes with the new culture.
    loadHub(listing, hub);
  });
  loadHub(listing, hub);
}

start().catch((error: unknown) =>
  setHubState('failed', error instanceof Error ? error.message : String(error)),
);
