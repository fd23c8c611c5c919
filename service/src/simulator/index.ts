import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateOrganization } from './generate/organization.ts';
import type { OrganizationModel, Scale } from './model/organization.ts';
import { appendActivity } from './legacy/activity.ts';
import { createRandom, deriveSeed } from './model/random.ts';
import { createRequestHandler } from './server.ts';
import type { SimulatorRequest, SimulatorUrls } from './server.ts';
import { SimulatedClock } from './clock.ts';
import { advanceTo } from './runtime.ts';
import type { SimulatorRuntime } from './runtime.ts';
import { HookService } from './hooks/service.ts';
import type { HookDelivery, HookOptions } from './hooks/service.ts';
import { RequestGate } from './gate.ts';
import { FaultInjector } from './faults/injector.ts';
import { faultOptionsSchema } from './faults/options.ts';
import type { FaultOptions } from './faults/options.ts';
import { TstuLimiter } from './rateLimit/limiter.ts';
import type { RateLimitOptions } from './rateLimit/limiter.ts';
import { writeAnswer } from './faults/write.ts';
import { controlHandler, simulatorState } from './control.ts';
import type { GitHistory } from './delivery/gitHistory.ts';
import { IdentityDirectory } from './identity/directory.ts';
import { hostedOrganizationModel, seatGeneratedPeople } from './identity/organizations.ts';
import type { HostedOrganization } from './server.ts';

export type { SimulatorRequest } from './server.ts';
export type { Scale } from './model/organization.ts';
export type { FaultOptions } from './faults/options.ts';
export type { RateLimitOptions } from './rateLimit/limiter.ts';
export type { HookDelivery, HookOptions } from './hooks/service.ts';
export { IdentityDirectory } from './identity/directory.ts';
export type { ProjectRole, SimulatedUser, MembershipSpec, TokenGrant } from './identity/directory.ts';

/** Another organization on the same simulator: its own generated history, name and instance id. */
export interface ExtraOrganizationOptions {
  readonly name: string;
  readonly seed?: number;
  readonly scale?: Scale;
}

/** One organization a simulator serves. */
export interface SimulatedOrganization {
  /** Lower case; the first path segment of its URL. */
  readonly name: string;
  readonly url: string;
  /** connectionData's instanceId: the organization's identity. */
  readonly instanceId: string;
  /** A full-scope PAT of the owner (a Project Collection Administrator). */
  readonly pat: string;
  readonly ownerId: string;
  readonly model: OrganizationModel;
  readonly hookDeliveries: readonly HookDelivery[];
}

export interface ClockOptions {
  /** manual (default): time moves only when told; realtime: it follows the wall clock times `speed`. */
  readonly mode?: 'manual' | 'realtime';
  readonly speed?: number;
}

export interface SimulatorOptions {
  seed?: number;
  scale?: Scale;
  /** End of the generated history; default: the current time truncated to the UTC day. */
  now?: Date;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Default page size of reporting revisions (the service's default is 200). */
  pageSize?: number;
  /** Share of the large organization to generate (1 = full size; tests use less). */
  largeFactor?: number;
  /** TSTU rate limits; on by default with the service's 200 TSTU per 5 minutes. */
  rateLimit?: RateLimitOptions;
  /** Faults from the start (also settable later with setFaults or POST /_simulator/faults). */
  faults?: FaultOptions;
  clock?: ClockOptions;
  hooks?: HookOptions;
  /** More organizations served beside the generated one (names must differ from it and each other). */
  organizations?: readonly ExtraOrganizationOptions[];
  /** 'realistic': merge commits, feature and release branches, late pushes, rebases (off by default). */
  gitHistory?: GitHistory;
}

export interface RunningSimulator {
  organizationUrl: string;
  organization: string;
  project: string;
  team: string;
  pat: string;
  requestLog: readonly SimulatorRequest[];
  /** Appends revisions (new items and state changes) after the latest one, like a living organization. */
  addActivity(options: { revisions: number }): void;
  /**
   * Moves a work item to another iteration now, on the simulator's clock, as someone dragging it on the
   * sprint backlog would: a new revision with only System.IterationPath changed.
   */
  moveToIteration(workItemId: number, iterationPath: string): void;
  close(): Promise<void>;
  /** `http://127.0.0.1:PORT`: where `/_simulator/...` (the control endpoint) lives. */
  origin: string;
  /** Where the Release area is served (`{origin}/vsrm/{org}`). */
  releaseUrl: string;
  /** The generated organization (read-only use: tests and benchmarks). */
  model: OrganizationModel;
  /** Simulated time. */
  now(): Date;
  /** Moves simulated time forward: the organization lives on and service hooks fire. */
  advanceClock(ms: number): void;
  setFaults(options: FaultOptions): void;
  /** TSTUs charged so far across identities (survives resetRateLimit, which only empties the window). */
  tstuCharged(): number;
  /** Answers the rate limiter held back with a delay (X-RateLimit-Delay), since start. */
  delayedResponses(): number;
  clearFaults(): void;
  setRateLimit(options: RateLimitOptions): void;
  /** Forgets the TSTU usage of every identity. */
  resetRateLimit(): void;
  /** Every service hook delivery attempt so far. */
  hookDeliveries: readonly HookDelivery[];
  /** Waits until every pending service hook delivery has finished. */
  flushHooks(): Promise<void>;
  state(): Record<string, unknown>;
  /** Users, memberships and tokens of every organization served. */
  identities: IdentityDirectory;
  /** Every organization served, the generated (first) one first. */
  organizations: readonly SimulatedOrganization[];
}

const DAY = 86_400_000;

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an Azure DevOps Services stand-in for one organization. */
interface Hosted extends HostedOrganization {
  readonly model: OrganizationModel;
  readonly hooks: HookService;
  readonly addActivity: (revisions: number) => void;
  readonly moveToIteration: (workItemId: number, iterationPath: string) => void;
}

/** Generates one organization and the runtime that keeps it living. */
function hostOrganization(
  spec: { seed: number; scale: Scale; name?: string },
  options: SimulatorOptions,
  now: Date,
  urlsOf: (model: OrganizationModel) => SimulatorUrls,
): Hosted {
  const world = generateOrganization({
    seed: spec.seed,
    scale: spec.scale,
    now,
    largeFactor: options.largeFactor ?? 1,
    ...(options.gitHistory === undefined ? {} : { gitHistory: options.gitHistory }),
  });
  const model = spec.name === undefined ? world.model : hostedOrganizationModel(world.model, spec.name);
  const activityRandom = createRandom(deriveSeed(spec.seed, 'activity'));
  const urls = () => urlsOf(model);
  const hooks = new HookService(
    () => ({ model, organizationUrl: urls().organizationUrl, releaseUrl: urls().releaseUrl }),
    options.hooks,
  );
  hooks.attach(world.events);
  const runtime: SimulatorRuntime = {
    model,
    world,
    clock: new SimulatedClock(now.getTime()),
    hooks,
    pageSize: options.pageSize ?? 200,
  };
  const addActivity = (revisions: number): void => {
    if (!Number.isInteger(revisions) || revisions < 1)
      throw new RangeError('addActivity needs a positive whole number of revisions');
    for (const index of appendActivity(model, activityRandom, revisions)) {
      const kind = model.workItems.revs.get(index) === 1 ? 'workitem.created' : 'workitem.updated';
      world.events.emit({ kind, revision: index }, model.workItems.changed.get(index));
    }
  };
  const moveToIteration = (workItemId: number, iterationPath: string): void => {
    if (!model.workItems.has(workItemId)) throw new RangeError(`work item ${workItemId} does not exist`);
    world.writer.change(runtime.clock.now(), workItemId, 0, { iteration: iterationPath });
  };
  return { runtime, urls, model, hooks, addActivity, moveToIteration };
}

/** Starts an Azure DevOps Services stand-in for one organization (or several, see `organizations`). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date(Math.floor(Date.now() / DAY) * DAY);
  const requestLog: SimulatorRequest[] = [];
  let origin = '';
  const urlsOf = (model: OrganizationModel): SimulatorUrls => ({
    origin,
    organizationUrl: origin === '' ? '' : `${origin}/${model.organizationName}`,
    releaseUrl: origin === '' ? '' : `${origin}/vsrm/${model.organizationName}`,
  });
  const primary = hostOrganization({ seed, scale: options.scale ?? 'demo' }, options, now, urlsOf);
  const extras = (options.organizations ?? []).map((extra, index) =>
    hostOrganization(
      { seed: extra.seed ?? seed + index + 1, scale: extra.scale ?? 'tiny', name: extra.name },
      options,
      now,
      urlsOf,
    ),
  );
  const hosted = [primary, ...extras];
  const byName = new Map<string, Hosted>();
  for (const entry of hosted) {
    if (byName.has(entry.model.organizationName))
      throw new Error(`Two simulated organizations are named ${entry.model.organizationName}`);
    byName.set(entry.model.organizationName, entry);
  }
  const identities = new IdentityDirectory();
  for (const entry of hosted) seatGeneratedPeople(identities, entry.model);
  const { model, runtime } = primary;
  const gate = new RequestGate(
    new FaultInjector(faultOptionsSchema.parse(options.faults ?? {})),
    new TstuLimiter(options.rateLimit),
  );
  const controls = {
    runtime,
    gate,
    urls: primary.urls,
    requests: () => requestLog.length,
    addActivity: primary.addActivity,
  };
  const server = createServer(
    createRequestHandler({
      organizations: (name) => byName.get(name),
      identities,
      log: requestLog,
      gate,
      control: controlHandler(controls),
      write: (_request, response, answer) => writeAnswer(response, answer),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${urlHost(host)}:${port}`;
  const urls = primary.urls();
  const speed = options.clock?.speed ?? 1;
  const advanceAll = (time: number): void => {
    for (const entry of hosted) advanceTo(entry.runtime, time);
  };
  const ticker =
    options.clock?.mode === 'realtime'
      ? setInterval(() => advanceAll(runtime.clock.now() + 1000 * speed), 1000)
      : undefined;
  ticker?.unref();
  return {
    organizationUrl: urls.organizationUrl,
    organization: model.organizationName,
    project: model.project.name,
    team: model.team.name,
    pat: model.pat,
    requestLog,
    addActivity: ({ revisions }) => primary.addActivity(revisions),
    moveToIteration: (workItemId, iterationPath) => primary.moveToIteration(workItemId, iterationPath),
    origin,
    releaseUrl: urls.releaseUrl,
    model,
    now: () => new Date(runtime.clock.now()),
    advanceClock: (ms) => {
      if (!(ms >= 0)) throw new RangeError('advanceClock needs a duration in milliseconds (0 or more)');
      advanceAll(runtime.clock.now() + ms);
    },
    setFaults: (faults) => gate.faults.configure(faultOptionsSchema.parse(faults)),
    clearFaults: () => gate.faults.configure({}),
    setRateLimit: (rateLimit) => gate.limiter.configure(rateLimit),
    resetRateLimit: () => gate.limiter.reset(),
    tstuCharged: () => gate.limiter.charged,
    delayedResponses: () => gate.limiter.delayed,
    hookDeliveries: primary.hooks.deliveries,
    flushHooks: async () => {
      await Promise.all(hosted.map((entry) => entry.hooks.flush()));
    },
    state: () => simulatorState(controls),
    identities,
    organizations: hosted.map((entry) => ({
      name: entry.model.organizationName,
      url: entry.urls().organizationUrl,
      instanceId: entry.model.organizationId,
      pat: entry.model.pat,
      ownerId: entry.model.identities[0]?.id ?? '',
      model: entry.model,
      hookDeliveries: entry.hooks.deliveries,
    })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (ticker) clearInterval(ticker);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
