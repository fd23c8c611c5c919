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

export type { SimulatorRequest } from './server.ts';
export type { Scale } from './model/organization.ts';
export type { FaultOptions } from './faults/options.ts';
export type { RateLimitOptions } from './rateLimit/limiter.ts';
export type { HookDelivery, HookOptions } from './hooks/service.ts';

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
}

const DAY = 86_400_000;

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an Azure DevOps Services stand-in for one organization. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date(Math.floor(Date.now() / DAY) * DAY);
  const world = generateOrganization({
    seed,
    scale: options.scale ?? 'demo',
    now,
    largeFactor: options.largeFactor ?? 1,
  });
  const { model } = world;
  const activityRandom = createRandom(deriveSeed(seed, 'activity'));
  const requestLog: SimulatorRequest[] = [];
  let urls: SimulatorUrls = { origin: '', organizationUrl: '', releaseUrl: '' };
  const payloadContext = () => ({
    model,
    organizationUrl: urls.organizationUrl,
    releaseUrl: urls.releaseUrl,
  });
  const hooks = new HookService(payloadContext, options.hooks);
  hooks.attach(world.events);
  const runtime: SimulatorRuntime = {
    model,
    world,
    clock: new SimulatedClock(now.getTime()),
    hooks,
    pageSize: options.pageSize ?? 200,
  };
  const gate = new RequestGate(
    new FaultInjector(faultOptionsSchema.parse(options.faults ?? {})),
    new TstuLimiter(options.rateLimit),
  );
  const addActivity = (revisions: number): void => {
    if (!Number.isInteger(revisions) || revisions < 1)
      throw new RangeError('addActivity needs a positive whole number of revisions');
    for (const index of appendActivity(model, activityRandom, revisions)) {
      const kind = model.workItems.revs.get(index) === 1 ? 'workitem.created' : 'workitem.updated';
      world.events.emit({ kind, revision: index }, model.workItems.changed.get(index));
    }
  };
  const controls = { runtime, gate, urls: () => urls, requests: () => requestLog.length, addActivity };
  const server = createServer(
    createRequestHandler({
      runtime,
      log: requestLog,
      urls: () => urls,
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
  const origin = `http://${urlHost(host)}:${port}`;
  urls = {
    origin,
    organizationUrl: `${origin}/${model.organizationName}`,
    releaseUrl: `${origin}/vsrm/${model.organizationName}`,
  };
  const speed = options.clock?.speed ?? 1;
  const ticker =
    options.clock?.mode === 'realtime'
      ? setInterval(() => advanceTo(runtime, runtime.clock.now() + 1000 * speed), 1000)
      : undefined;
  ticker?.unref();
  return {
    organizationUrl: urls.organizationUrl,
    organization: model.organizationName,
    project: model.project.name,
    team: model.team.name,
    pat: model.pat,
    requestLog,
    addActivity: ({ revisions }) => addActivity(revisions),
    origin,
    releaseUrl: urls.releaseUrl,
    model,
    now: () => new Date(runtime.clock.now()),
    advanceClock: (ms) => {
      if (!(ms >= 0)) throw new RangeError('advanceClock needs a duration in milliseconds (0 or more)');
      advanceTo(runtime, runtime.clock.now() + ms);
    },
    setFaults: (faults) => gate.faults.configure(faultOptionsSchema.parse(faults)),
    clearFaults: () => gate.faults.configure({}),
    setRateLimit: (rateLimit) => gate.limiter.configure(rateLimit),
    resetRateLimit: () => gate.limiter.reset(),
    tstuCharged: () => gate.limiter.charged,
    delayedResponses: () => gate.limiter.delayed,
    hookDeliveries: hooks.deliveries,
    flushHooks: () => hooks.flush(),
    state: () => simulatorState(controls),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (ticker) clearInterval(ticker);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
