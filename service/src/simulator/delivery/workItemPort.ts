import type { OrganizationModel } from '../model/organization.ts';
import type { Random } from '../model/random.ts';
import type { ActivityIndex } from '../engine/activityIndex.ts';
import type { WorkItemWriter } from '../engine/writer.ts';
import { openSprintAt } from '../model/sprintPlanning.ts';
import type { WorkItemPort, WorkItemSpec } from './ports.ts';

/** Writes deferred while the tiny/demo history is generated (merged into its revisions later). */
export interface DeferredWrite {
  readonly at: number;
  readonly id: number;
  readonly kind: 'create' | 'move';
  readonly spec?: WorkItemSpec;
  readonly state?: string;
  readonly by: number;
}

/**
 * The work item side as delivery sees it. In `deferred` mode (history of tiny/demo) writes are
 * collected; in live mode they go to the store at once.
 */
export class DeliveryWorkItems implements WorkItemPort {
  readonly deferred: DeferredWrite[] = [];
  private live = false;
  private nextId: number;

  constructor(
    private readonly model: OrganizationModel,
    private readonly activity: ActivityIndex,
    private readonly writer: WorkItemWriter,
    firstFreeId: number,
    deferred: boolean,
    /** Which activity group (team) a repository's changes reference. */
    private readonly groupOf: (repository: number) => number = (repository) => repository,
  ) {
    this.nextId = firstFreeId;
    this.live = !deferred;
  }

  /** From now on writes go straight to the store; new ids continue after the store's highest. */
  goLive(): void {
    this.live = true;
  }

  allocateId(): number {
    if (this.live) this.nextId = Math.max(this.nextId, this.model.workItems.maxWorkItemId + 1);
    return this.nextId++;
  }

  pickForChange(repository: number, at: number, random: Random): number {
    const id = this.activity.pick(this.groupOf(repository), at, random);
    if (id === 0 || !this.live) return id;
    const store = this.model.workItems;
    return store.has(id) && !store.isDeleted(id) ? id : 0;
  }

  create(at: number, spec: WorkItemSpec): number {
    const id = this.allocateId();
    if (!this.live) {
      this.deferred.push({ at, id, kind: 'create', spec, by: spec.by });
      return id;
    }
    const project = this.model.projects[spec.projectIndex] ?? this.model.project;
    this.writer.create(at, spec.by, {
      id,
      projectIndex: spec.projectIndex,
      type: spec.type,
      title: spec.title,
      area: spec.area,
      // An incident is urgent: it joins the open sprint (the next one in the weekend before it).
      iteration: openSprintAt(project.iterations, at)?.path ?? project.name,
      tags: spec.tags,
      priority: spec.priority,
      parent: 0,
    });
    return id;
  }

  moveTo(at: number, id: number, state: string, by: number): void {
    if (!this.live) {
      this.deferred.push({ at, id, kind: 'move', state, by });
      return;
    }
    const store = this.model.workItems;
    if (!store.has(id) || store.isDeleted(id)) return;
    this.writer.change(at, id, by, { state });
  }
}
