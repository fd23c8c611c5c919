import { AGILE } from '../processes/agile.ts';
import { teamBoards } from '../model/boards.ts';
import type { OrganizationModel, ProjectModel, TeamModel } from '../model/organization.ts';
import { createRandom, deriveSeed } from '../model/random.ts';
import { WorkItemStore } from '../store/workItems.ts';
import { LinkStore } from '../store/links.ts';
import { emptyDelivery } from '../delivery/model.ts';
import { queueBuild } from '../delivery/builds.ts';
import { createDeliveryContext } from '../delivery/context.ts';
import { legacyDeliveryLayout } from '../delivery/legacyLayout.ts';
import { startRepository } from '../delivery/repositories.ts';
import { startRealisticHistory, type GitHistory } from '../delivery/gitHistory.ts';
import { DeliveryWorkItems } from '../delivery/workItemPort.ts';
import type { DeferredWrite } from '../delivery/workItemPort.ts';
import { ActivityIndex } from '../engine/activityIndex.ts';
import { EventBus } from '../engine/events.ts';
import { Scheduler } from '../engine/scheduler.ts';
import { WorkItemWriter } from '../engine/writer.ts';
import type { World } from '../engine/world.ts';
import { planLegacy, recordLegacy } from '../legacy/generate.ts';
import type { ExtraEntry, FutureEvent, LegacySkeleton } from '../legacy/generate.ts';
import { carryOver, recordChange, recordCreation, recordDeletion } from '../legacy/recorder.ts';
import {
  AREA_PATHS,
  ORGANIZATION_NAME,
  PLATFORM_AREA,
  PROJECT_NAME,
  TEAM_AREA,
  TEAM_NAME,
} from '../legacy/layout.ts';
import { openSprintAt } from '../model/sprintPlanning.ts';
import type { LegacyScale } from '../legacy/layout.ts';
import type { StateName } from '../legacy/types.ts';
import { legacyLinks } from '../legacy/links.ts';

const HOUR = 3_600_000;

export interface LegacyWorld extends World {
  readonly skeleton: LegacySkeleton;
  /** Planned events of the first simulator's items that fall after `now`. */
  readonly future: readonly FutureEvent[];
}

function legacyProject(seed: number, skeleton: LegacySkeleton): ProjectModel {
  const team: TeamModel = {
    id: skeleton.teamId,
    name: TEAM_NAME,
    description: 'Builds the web shop',
    projectIndex: 0,
    areaPath: TEAM_AREA,
    areas: [{ value: TEAM_AREA, includeChildren: true }],
    bugsBehavior: 'asRequirements',
    boards: teamBoards(seed, AGILE, skeleton.teamId, 'asRequirements'),
  };
  return {
    index: 0,
    id: skeleton.projectId,
    name: PROJECT_NAME,
    description: 'Demo project for Seika flow metrics',
    lastUpdateTime: skeleton.start,
    rootIterationId: skeleton.rootIterationId,
    process: AGILE,
    teams: [team],
    defaultTeam: team,
    areaPaths: AREA_PATHS,
    iterations: skeleton.iterations,
  };
}

/** Which repository's changes reference an item: web for the Web areas, platform for Platform. */
function indexPlannedActivity(skeleton: LegacySkeleton, activity: ActivityIndex): void {
  for (const { item, events } of skeleton.plans) {
    if (item.workItemType === 'Task' || item.isDeleted) continue;
    const started = events.find((event) => event.kind === 'state');
    if (!started) continue;
    const ended = events.find(
      (event) => event.kind === 'state' && (event.state === 'Closed' || event.state === 'Removed'),
    );
    const repository = item.areaPath === PLATFORM_AREA ? 1 : 0;
    activity.add(
      repository,
      item.id,
      started.at.getTime(),
      ended ? ended.at.getTime() : Number.POSITIVE_INFINITY,
    );
  }
}

/** Incidents filed and moved by delivery while the history ran, as revisions among the legacy ones. */
function deferredEntries(skeleton: LegacySkeleton, writes: readonly DeferredWrite[]): ExtraEntry[] {
  return writes.map((write): ExtraEntry => ({
    at: write.at,
    id: write.id,
    record: (store) => {
      if (write.kind === 'create' && write.spec) {
        recordCreation(
          store,
          {
            id: write.id,
            workItemType: 'Bug',
            title: write.spec.title,
            areaPath: write.spec.area,
            // An incident is urgent: it joins the open sprint (a mid-sprint addition), not the next one.
            iterationPath:
              (openSprintAt(skeleton.iterations, write.at) ?? skeleton.iterations.at(-1))?.path ??
              PROJECT_NAME,
            tags: write.spec.tags,
            isDeleted: false,
            parent: 0,
            priority: write.spec.priority,
          },
          new Date(write.at),
          write.by,
        );
      } else if (write.state !== undefined && store.has(write.id)) {
        const moved = carryOver(store, write.id, new Date(write.at), skeleton.iterations);
        recordChange(store, write.id, {
          at: new Date(write.at),
          by: write.by,
          state: write.state as StateName,
          ...(moved === undefined ? {} : { iteration: moved }),
        });
      }
    },
  }));
}

/** Legacy items in the recycle bin: deleted a little after their last change (never after `now`). */
function deletionEntries(seed: number, skeleton: LegacySkeleton, now: Date): ExtraEntry[] {
  const random = createRandom(deriveSeed(seed, 'legacy-deletions'));
  const people = skeleton.identities.map((_person, index) => index);
  return skeleton.plans
    .filter(({ item }) => item.isDeleted)
    .flatMap(({ item, events }) => {
      const past = events.filter((event) => event.at.getTime() <= now.getTime());
      const last = past.at(-1)?.at.getTime();
      if (last === undefined) return [];
      const at = Math.min(last + random.int(1, 72) * HOUR, now.getTime());
      const by = random.pick(people);
      return [
        {
          at,
          id: item.id,
          record: (store: WorkItemStore) => recordDeletion(store, item.id, new Date(at), by),
        },
      ];
    });
}

/** The tiny and demo organizations: the first simulator's project and team (same data per seed) plus delivery. */
export function generateLegacyOrganization(
  seed: number,
  scale: LegacyScale,
  now: Date,
  gitHistory: GitHistory = 'linear',
): LegacyWorld {
  const skeleton = planLegacy(seed, scale, now);
  const project = legacyProject(seed, skeleton);
  const model: OrganizationModel = {
    generatedAt: now,
    seed,
    scale,
    organizationName: ORGANIZATION_NAME,
    organizationId: skeleton.organizationId,
    pat: skeleton.pat,
    identities: skeleton.identities,
    projects: [project],
    project,
    team: project.defaultTeam,
    workItems: new WorkItemStore(),
    links: new LinkStore(),
    delivery: emptyDelivery(),
  };
  const scheduler = new Scheduler();
  const events = new EventBus();
  const writer = new WorkItemWriter(model, events);
  const activity = new ActivityIndex();
  indexPlannedActivity(skeleton, activity);
  const port = new DeliveryWorkItems(model, activity, writer, skeleton.plans.length + 1, true);
  const profiles = legacyDeliveryLayout(seed, model, skeleton.start.getTime());
  const delivery = createDeliveryContext({ seed, model, scheduler, port, events, profiles }, queueBuild);
  for (const profile of profiles) startRepository(delivery, profile, skeleton.start.getTime());
  if (gitHistory === 'realistic') {
    for (const profile of profiles) startRealisticHistory(delivery, profile, skeleton.start.getTime());
  }
  scheduler.runUntil(now.getTime());

  const extras = [...deferredEntries(skeleton, port.deferred), ...deletionEntries(seed, skeleton, now)];
  const deleted = new Set(skeleton.plans.filter(({ item }) => item.isDeleted).map(({ item }) => item.id));
  const future = recordLegacy(model.workItems, skeleton, now, extras).filter(({ id }) => !deleted.has(id));
  for (const change of legacyLinks(seed, skeleton, now)) model.links.append(change);
  port.goLive();
  return { model, scheduler, events, writer, delivery, port, activity, skeleton, future };
}
