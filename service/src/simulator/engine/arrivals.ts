import type { Random } from '../model/random.ts';
import type { OrganizationModel } from '../model/organization.ts';
import { DAY, addWorkingTime, logNormal, poissonGap } from '../delivery/timing.ts';
import type { Scheduler } from './scheduler.ts';
import type { WorkItemEngine } from './items.ts';
import type { TeamContext } from './teams.ts';

function pickType(random: Random, mix: TeamContext['mix']): string {
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random.next() * total;
  for (const entry of mix) {
    roll -= entry.weight;
    if (roll <= 0) return entry.type;
  }
  return mix[0]?.type ?? 'Task';
}

/**
 * New work arrives for a team on working days (a Poisson process in working time). A few arrivals are
 * Features that later stories hang under; some bugs are related to a recent story, and a few of those
 * links are removed again.
 */
export function startArrivals(
  model: OrganizationModel,
  scheduler: Scheduler,
  engine: WorkItemEngine,
  team: TeamContext,
  random: Random,
  from: number,
): void {
  const feature = team.project.process.portfolio.at(-1)?.types[0];
  let openFeature = 0;
  const recent: number[] = [];
  const arrive = (at: number): void => {
    if (feature !== undefined && random.chance(0.04)) {
      openFeature = engine.createItem(team, at, feature);
    } else {
      const type = pickType(random, team.mix);
      const isRequirement = team.project.process.requirement.types.includes(type);
      const parent = isRequirement && openFeature !== 0 && random.chance(0.3) ? openFeature : 0;
      const id = engine.createItem(team, at, type, parent);
      if (isRequirement) {
        recent.push(id);
        if (recent.length > 20) recent.shift();
      } else if (recent.length > 0 && random.chance(0.2)) {
        const story = random.pick(recent);
        const linked = model.workItems.lastChanged;
        model.links.append({
          source: id,
          target: story,
          rel: 'System.LinkTypes.Related',
          changed: linked,
          isActive: true,
        });
        if (random.chance(0.1)) {
          const removeAt = at + logNormal(random, 3 * DAY, 1, DAY / 24, 30 * DAY);
          scheduler.at(removeAt, () =>
            model.links.append({
              source: id,
              target: story,
              rel: 'System.LinkTypes.Related',
              changed: Math.max(removeAt, linked),
              isActive: false,
            }),
          );
        }
      }
    }
    const next = addWorkingTime(at, poissonGap(random, team.arrivalsPerDay));
    scheduler.at(next, () => arrive(next));
  };
  const first = addWorkingTime(from, poissonGap(random, team.arrivalsPerDay));
  scheduler.at(first, () => arrive(first));
}
