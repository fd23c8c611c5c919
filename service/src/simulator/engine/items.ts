import type { Random } from '../model/random.ts';
import { createRandom } from '../model/random.ts';
import { derivedNumber } from '../model/ids.ts';
import type { OrganizationModel } from '../model/organization.ts';
import { carriedIterationFor, sprintTakingWorkAt } from '../model/sprintPlanning.ts';
import { categoryOf } from '../model/workflow.ts';
import { TAGS, tagMask } from '../model/tags.ts';
import { typeOf } from '../processes/types.ts';
import { levelOfType } from '../processes/index.ts';
import { makeTitle } from '../legacy/catalog.ts';
import type { LegacyType } from '../legacy/types.ts';
import { MINUTE, logNormal } from '../delivery/timing.ts';
import type { DeliveryWorkItems } from '../delivery/workItemPort.ts';
import type { ActivityIndex } from './activityIndex.ts';
import type { Scheduler } from './scheduler.ts';
import type { WorkItemChange, WorkItemWriter } from './writer.ts';
import { planLife, planTask } from './flow.ts';
import type { PlannedStep } from './flow.ts';
import type { TeamContext } from './teams.ts';
import { processTypes } from './teams.ts';

const ORDINARY_TAGS = TAGS.filter((tag) => tag !== 'incident');

function title(random: Random, level: ReturnType<typeof levelOfType>): string {
  const legacy: LegacyType = level === 'task' ? 'Task' : level === 'bug' ? 'Bug' : 'User Story';
  return makeTitle(random, legacy);
}

function tagsFor(random: Random): number {
  const tags: string[] = [];
  for (let n = random.int(0, 2); n > 0; n -= 1) tags.push(random.pick(ORDINARY_TAGS));
  return tagMask(tags);
}

const splitCache = new WeakMap<TeamContext, ReadonlySet<string>>();

/** States whose board column is split (Doing | Done): items toggle to Done before moving on. */
function splitStates(team: TeamContext): ReadonlySet<string> {
  let states = splitCache.get(team);
  if (!states) {
    states = new Set(
      team.team.boards.flatMap((board) =>
        board.columns
          .filter((column) => column.isSplit)
          .map((column) => Object.values(column.stateMappings)[0] ?? ''),
      ),
    );
    splitCache.set(team, states);
  }
  return states;
}

/**
 * Runs work items through their planned lives on the scheduler: each step applies one revision and
 * schedules the next, so only items with a pending step hold memory.
 */
export class WorkItemEngine {
  private created = 0;

  constructor(
    private readonly seed: number,
    private readonly model: OrganizationModel,
    private readonly scheduler: Scheduler,
    private readonly writer: WorkItemWriter,
    private readonly ids: DeliveryWorkItems,
    private readonly activity: ActivityIndex,
  ) {}

  private randomFor(key: string): Random {
    return createRandom(derivedNumber(this.seed, key));
  }

  /** Files a new item of `type` for `team` at `at` and schedules its life. */
  createItem(team: TeamContext, at: number, type: string, parent = 0): number {
    const random = this.randomFor(`item:${team.key}:${this.created++}`);
    const id = this.ids.allocateId();
    const { project } = team;
    const level = levelOfType(project.process, type);
    const by = random.pick(team.people);
    this.writer.create(at, by, {
      id,
      projectIndex: project.index,
      type,
      title: title(random, level),
      area: random.chance(0.7) ? (team.areas[0] ?? team.team.areaPath) : random.pick(team.areas),
      iteration: project.name,
      tags: [],
      priority: random.int(1, 4),
      parent,
    });
    if (parent !== 0)
      this.model.links.append({
        source: parent,
        target: id,
        rel: 'System.LinkTypes.Hierarchy',
        changed: this.model.workItems.lastChanged,
        isActive: true,
      });
    const definition = typeOf(project.process, type);
    if (!definition) return id;
    const steps =
      level === 'task'
        ? planTask(random, definition)
        : planLife(random, definition, {
            splitStates: splitStates(team),
            canChangeType: level === 'requirement' || level === 'bug',
            canMove: team.moveTargets.length > 0,
          });
    this.next(team, id, steps, 0, at, random);
    return id;
  }

  private next(
    team: TeamContext,
    id: number,
    steps: readonly PlannedStep[],
    index: number,
    from: number,
    random: Random,
  ): void {
    const step = steps[index];
    if (!step) return;
    const at = from + Math.round(step.delay);
    this.scheduler.at(at, () => {
      const store = this.model.workItems;
      if (!store.has(id) || store.isDeleted(id)) return;
      const owner = this.apply(team, id, step, at, random);
      this.next(owner, id, steps, index + 1, at, random);
    });
  }

  /** Applies one step; returns the team the item belongs to afterwards (moves change it). */
  private apply(team: TeamContext, id: number, step: PlannedStep, at: number, random: Random): TeamContext {
    const store = this.model.workItems;
    const by = random.pick(team.people);
    const latest = store.latestIndex(id);
    const typeName = store.strings.get(store.types.get(latest));
    const project = this.model.projects[store.projects.get(latest)] ?? team.project;
    const category = categoryOf(project.process, typeName, store.strings.get(store.states.get(latest)));
    // Unfinished work whose sprint has ended goes along to the open sprint with this change.
    const carried = carriedIterationFor(
      project.iterations,
      store.strings.get(store.iterations.get(latest)),
      new Date(at),
      category !== 'Completed' && category !== 'Removed',
    );
    const write = (change: WorkItemChange): void => {
      this.writer.change(at, id, by, carried === undefined ? change : { iteration: carried, ...change });
    };
    switch (step.kind) {
      case 'state': {
        const state = step.state ?? '';
        if (!typeOf(project.process, typeName)?.states.some((candidate) => candidate.name === state))
          return team;
        write({ state });
        const category = categoryOf(project.process, typeName, state);
        if (category === 'InProgress') this.activity.add(team.group, id, at);
        if (category === 'Completed' || category === 'Removed') this.activity.finish(id, at);
        return team;
      }
      case 'column':
        write({ columnDone: step.columnDone === true });
        return team;
      case 'edit': {
        const roll = random.next();
        if (roll < 0.3) write({ title: title(random, levelOfType(project.process, typeName)) });
        else if (roll < 0.6) write({ tagMask: tagsFor(random) });
        else write({ priority: random.int(1, 4) });
        return team;
      }
      case 'comment':
        write({});
        return team;
      case 'iteration':
        write({ iteration: sprintTakingWorkAt(project.iterations, at)?.path ?? project.name });
        return team;
      case 'type': {
        const { requirement, bug } = processTypes(project.process);
        const other = typeName === requirement.name ? bug?.name : requirement.name;
        const state = store.strings.get(store.states.get(latest));
        if (other && typeOf(project.process, other)?.states.some((candidate) => candidate.name === state))
          write({ type: other });
        return team;
      }
      case 'move': {
        const target = random.pick(team.moveTargets);
        const state = store.strings.get(store.states.get(latest));
        if (!typeOf(target.project.process, typeName)?.states.some((candidate) => candidate.name === state))
          return team;
        write({
          area: target.team.areaPath,
          projectIndex: target.project.index,
          ...(target.project === project
            ? {}
            : { iteration: sprintTakingWorkAt(target.project.iterations, at)?.path ?? target.project.name }),
        });
        return target;
      }
      case 'delete':
        this.writer.change(at, id, by, { deleted: true });
        this.activity.finish(id, at);
        return team;
      case 'tasks': {
        const { task } = processTypes(project.process);
        for (let n = random.int(0, 4); n > 0; n -= 1) {
          const taskAt = at + logNormal(random, 20 * MINUTE, 1, MINUTE, 600 * MINUTE);
          this.scheduler.at(taskAt, () => {
            if (store.has(id) && !store.isDeleted(id)) this.createItem(team, taskAt, task.name, id);
          });
        }
        return team;
      }
    }
  }
}
