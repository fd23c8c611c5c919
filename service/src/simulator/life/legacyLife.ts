import { createRandom, deriveSeed } from '../model/random.ts';
import { WorkItemEngine } from '../engine/items.ts';
import { startArrivals } from '../engine/arrivals.ts';
import type { TeamContext } from '../engine/teams.ts';
import type { LegacyWorld } from '../generate/legacyOrganization.ts';
import { LEGACY_SCALES, TEAM_AREA } from '../legacy/layout.ts';
import type { LegacyScale } from '../legacy/layout.ts';
import { makeTags, makeTitle } from '../legacy/catalog.ts';
import { carryOver } from '../legacy/recorder.ts';
import { tagMask } from '../model/tags.ts';

/**
 * What keeps the tiny and demo organizations living once the clock moves: the first simulator's
 * items follow the rest of their planned lives, and new work keeps arriving for the Web Team.
 */
export function startLegacyLife(world: LegacyWorld, scale: LegacyScale): void {
  const { model, scheduler, writer, skeleton } = world;
  const random = createRandom(deriveSeed(model.seed, 'legacy-life'));
  const people = model.identities.map((_person, index) => index);
  const planned = new Map(skeleton.plans.map((plan) => [plan.item.id, plan]));
  for (const { id, event } of world.future) {
    const plan = planned.get(id);
    const position = plan?.events.indexOf(event) ?? -1;
    const expected = plan?.events[position - 1]?.state;
    scheduler.at(event.at.getTime(), () => {
      const store = model.workItems;
      if (!plan || !store.has(id) || store.isDeleted(id)) return;
      const current = store.strings.get(store.states.get(store.latestIndex(id)));
      // Someone (addActivity) moved the item meanwhile: the rest of its plan no longer applies.
      if (expected !== undefined && current !== expected) return;
      const at = event.at.getTime();
      const by = random.pick(people);
      const moved = carryOver(store, id, event.at, model.project.iterations);
      const iteration = moved === undefined ? {} : { iteration: moved };
      if (event.kind === 'state') writer.change(at, id, by, { state: event.state, ...iteration });
      else if (random.chance(0.6))
        writer.change(at, id, by, { title: makeTitle(random, plan.item.workItemType), ...iteration });
      else writer.change(at, id, by, { tagMask: tagMask(makeTags(random)), ...iteration });
    });
  }
  const { items, days } = LEGACY_SCALES[scale];
  const team: TeamContext = {
    key: 'web',
    project: model.project,
    team: model.team,
    areas: [TEAM_AREA, `${TEAM_AREA}\\Checkout`],
    people,
    group: 0,
    arrivalsPerDay: (items / days) * (7 / 5),
    mix: [
      { type: 'User Story', weight: 0.55 },
      { type: 'Bug', weight: 0.25 },
      { type: 'Task', weight: 0.2 },
    ],
    moveTargets: [],
  };
  const engine = new WorkItemEngine(model.seed, model, scheduler, writer, world.port, world.activity);
  startArrivals(
    model,
    scheduler,
    engine,
    team,
    createRandom(deriveSeed(model.seed, 'legacy-arrivals')),
    model.generatedAt.getTime(),
  );
}
