import { createRandom, deriveSeed } from './random.ts';
import type { Random } from './random.ts';
import { createIdentities } from './identities.ts';
import { planItemFlow, TIME } from './flow.ts';
import type { PlannedEvent } from './flow.ts';
import { makeTags, makeTitle } from './catalog.ts';
import { recordChange, recordCreation } from './revisions.ts';
import type { NewItem } from './revisions.ts';
import type { WorkItemTypeName } from './process.ts';
import type { IterationModel, OrganizationModel, Scale } from './model.ts';

export const ORGANIZATION_NAME = 'seika-demo';
export const PROJECT_NAME = 'Seika Demo';
export const TEAM_NAME = 'Web Team';
export const TEAM_AREA = `${PROJECT_NAME}\\Web`;
export const AREA_PATHS = [
  PROJECT_NAME,
  TEAM_AREA,
  `${TEAM_AREA}\\Checkout`,
  `${PROJECT_NAME}\\Platform`,
] as const;

const SCALES: Record<Scale, { items: number; days: number }> = {
  tiny: { items: 40, days: 45 },
  demo: { items: 300, days: 182 },
};

const SPRINT_DAYS = 14;

export interface GenerateOptions {
  readonly seed: number;
  readonly scale: Scale;
  readonly now: Date;
}

function makePat(random: Random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let pat = '';
  for (let i = 0; i < 52; i += 1) pat += alphabet.charAt(random.int(0, alphabet.length - 1));
  return pat;
}

/** Two-week sprints from the Monday on or before `start` until two sprints past `now`. */
function makeIterations(random: Random, start: Date, now: Date): IterationModel[] {
  const first = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * TIME.DAY);
  const iterations: IterationModel[] = [];
  for (
    let at = first.getTime(), n = 1;
    at <= now.getTime() + 2 * SPRINT_DAYS * TIME.DAY;
    at += SPRINT_DAYS * TIME.DAY, n += 1
  ) {
    iterations.push({
      id: random.guid(),
      name: `Sprint ${n}`,
      path: `${PROJECT_NAME}\\Sprint ${n}`,
      startDate: new Date(at),
      finishDate: new Date(at + (SPRINT_DAYS - 3) * TIME.DAY),
    });
  }
  return iterations;
}

export function iterationFor(iterations: readonly IterationModel[], at: Date): string {
  const match = iterations.find((it) => at.getTime() < it.startDate.getTime() + SPRINT_DAYS * TIME.DAY);
  return (match ?? iterations.at(-1))?.path ?? PROJECT_NAME;
}

function pickType(random: Random): WorkItemTypeName {
  const roll = random.next();
  if (roll < 0.55) return 'User Story';
  return roll < 0.8 ? 'Bug' : 'Task';
}

export function pickArea(random: Random): string {
  const roll = random.next();
  if (roll < 0.1) return `${PROJECT_NAME}\\Platform`;
  return roll < 0.4 ? `${TEAM_AREA}\\Checkout` : TEAM_AREA;
}

/** Builds the whole organization deterministically from (seed, scale, now). */
export function generateOrganization(options: GenerateOptions): OrganizationModel {
  const { seed, scale, now } = options;
  const ids = createRandom(deriveSeed(seed, 'ids'));
  const random = createRandom(deriveSeed(seed, 'work-items'));
  const { items: itemCount, days } = SCALES[scale];
  const start = new Date(Math.floor(now.getTime() / TIME.DAY) * TIME.DAY - days * TIME.DAY);
  const iterations = makeIterations(ids, start, now);
  const model: OrganizationModel = {
    generatedAt: now,
    organizationName: ORGANIZATION_NAME,
    organizationId: ids.guid(),
    project: {
      id: ids.guid(),
      name: PROJECT_NAME,
      description: 'Demo project for Seika flow metrics',
      lastUpdateTime: start,
      rootIterationId: ids.guid(),
    },
    team: { id: ids.guid(), name: TEAM_NAME, description: 'Builds the web shop', areaPath: TEAM_AREA },
    areaPaths: AREA_PATHS,
    iterations,
    identities: createIdentities(ids),
    pat: makePat(ids),
    workItems: new Map(),
    revisions: [],
  };

  // Creation times first, sorted, so ids grow with creation time as on the real service.
  const createdAt = Array.from({ length: itemCount }, () => {
    const day = random.int(0, days - 1);
    return new Date(
      start.getTime() + day * TIME.DAY + random.int(0, 9 * 60) * TIME.MINUTE + random.int(0, 59_999),
    );
  }).sort((a, b) => a.getTime() - b.getTime());

  const items: { item: NewItem; events: PlannedEvent[] }[] = createdAt.map((at, index) => {
    const workItemType = pickType(random);
    const item: NewItem = {
      id: index + 1,
      workItemType,
      title: makeTitle(random, workItemType),
      areaPath: pickArea(random),
      iterationPath: iterationFor(iterations, at),
      tags: makeTags(random),
      isDeleted: random.chance(0.02),
    };
    return { item, events: planItemFlow(random, workItemType, at, now) };
  });

  const timeline = items
    .flatMap(({ item, events }) => events.map((event) => ({ item, event })))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.item.id - b.item.id);
  for (const { item, event } of timeline) {
    const by = random.pick(model.identities);
    if (event.kind === 'create') recordCreation(model, item, event.at, by);
    else if (event.kind === 'state') {
      recordChange(model, item.id, { at: event.at, by, state: event.state, reactivated: event.reactivated });
    } else if (random.chance(0.6))
      recordChange(model, item.id, { at: event.at, by, title: makeTitle(random, item.workItemType) });
    else recordChange(model, item.id, { at: event.at, by, tags: makeTags(random) });
  }
  return model;
}
