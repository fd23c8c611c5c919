import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJsonBody } from './http.ts';
import { formatAdoDate } from './dates.ts';
import { faultOptionsSchema } from './faults/options.ts';
import type { SimulatorRuntime } from './runtime.ts';
import { advanceTo } from './runtime.ts';
import type { RequestGate } from './gate.ts';
import type { SimulatorUrls } from './server.ts';

/** Everything the control endpoint can show and change. */
export interface Controls {
  readonly runtime: SimulatorRuntime;
  readonly gate: RequestGate;
  readonly urls: () => SimulatorUrls;
  readonly requests: () => number;
  addActivity(revisions: number): void;
}

const clockSchema = z.object({ advanceMs: z.number().min(0).optional(), to: z.string().optional() });
const rateSchema = z.object({
  enabled: z.boolean().optional(),
  limit: z.number().positive().optional(),
  windowMs: z.number().positive().optional(),
  warnRatio: z.number().min(0).optional(),
  blockRatio: z.number().min(1).optional(),
  maxDelayMs: z.number().min(0).optional(),
  costPerItem: z.number().min(0).optional(),
  costs: z.record(z.string(), z.number().min(0)).optional(),
});
const activitySchema = z.object({ revisions: z.number().int().min(1) });

export function simulatorState(controls: Controls): Record<string, unknown> {
  const { runtime, gate } = controls;
  const { model } = runtime;
  const { delivery, workItems } = model;
  const urls = controls.urls();
  return {
    organizationUrl: urls.organizationUrl,
    releaseUrl: urls.releaseUrl,
    seed: model.seed,
    scale: model.scale,
    clock: formatAdoDate(new Date(runtime.clock.now())),
    generatedAt: formatAdoDate(model.generatedAt),
    counts: {
      projects: model.projects.length,
      teams: model.projects.reduce((sum, project) => sum + project.teams.length, 0),
      workItems: workItems.maxWorkItemId,
      revisions: workItems.revisionCount,
      links: model.links.changeCount,
      builds: delivery.builds.length,
      pullRequests: delivery.pullRequests.length,
      deploymentRecords: delivery.deploymentRecords.length,
      releaseDeployments: delivery.releaseDeployments.length,
      incidents: delivery.incidents.length,
      pendingEvents: runtime.world.scheduler.pending,
    },
    requests: controls.requests(),
    faults: { options: gate.faults.current, stats: gate.faults.stats },
    rateLimit: { settings: gate.limiter.settings },
    hooks: {
      subscriptions: runtime.hooks.subscriptions.list().length,
      deliveries: runtime.hooks.deliveries.length,
      pending: runtime.hooks.pendingCount,
    },
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

/**
 * `{origin}/_simulator/...`: a local test harness, so it needs no credentials. GET state; POST clock
 * `{advanceMs}` or `{to}`; GET/POST/DELETE faults; POST/DELETE rate-limit; POST activity `{revisions}`;
 * POST hooks/flush.
 */
export function controlHandler(controls: Controls) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/_simulator/')) return false;
    const method = (request.method ?? 'GET').toUpperCase();
    const action = url.pathname.slice('/_simulator/'.length).replace(/\/$/, '');
    const { runtime, gate } = controls;
    try {
      const body = method === 'POST' ? await readJsonBody(request) : undefined;
      if (action === 'state' && method === 'GET') reply(response, 200, simulatorState(controls));
      else if (action === 'clock' && method === 'POST') {
        const parsed = clockSchema.parse(body ?? {});
        const target =
          parsed.to !== undefined ? Date.parse(parsed.to) : runtime.clock.now() + (parsed.advanceMs ?? 0);
        if (Number.isNaN(target)) throw new Error(`invalid time ${parsed.to ?? ''}`);
        advanceTo(runtime, target);
        reply(response, 200, simulatorState(controls));
      } else if (action === 'faults' && method === 'GET')
        reply(response, 200, { options: gate.faults.current, stats: gate.faults.stats });
      else if (action === 'faults' && method === 'POST') {
        gate.faults.configure(faultOptionsSchema.parse(body ?? {}));
        reply(response, 200, { options: gate.faults.current });
      } else if (action === 'faults' && method === 'DELETE') {
        gate.faults.configure({});
        reply(response, 200, { options: {} });
      } else if (action === 'rate-limit' && method === 'POST') {
        gate.limiter.configure(rateSchema.parse(body ?? {}));
        reply(response, 200, { settings: gate.limiter.settings });
      } else if (action === 'rate-limit' && method === 'DELETE') {
        gate.limiter.reset();
        reply(response, 200, { settings: gate.limiter.settings });
      } else if (action === 'activity' && method === 'POST') {
        controls.addActivity(activitySchema.parse(body ?? {}).revisions);
        reply(response, 200, simulatorState(controls));
      } else if (action === 'hooks/flush' && method === 'POST') {
        await runtime.hooks.flush();
        reply(response, 200, { deliveries: runtime.hooks.deliveries.length });
      } else reply(response, 404, { message: `No control action ${method} ${action}` });
    } catch (error) {
      reply(response, 400, { message: error instanceof Error ? error.message : String(error) });
    }
    return true;
  };
}
