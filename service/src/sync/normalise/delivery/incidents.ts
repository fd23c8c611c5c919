import type { DeploymentSource, IncidentArtifact, IncidentRecord } from '../../../domain/delivery.ts';
import type { FlowItem } from '../../../domain/records.ts';
import { categoryOf, type StateCategory, type WorkflowStateMap } from '../../../domain/workflow.ts';
import type { IncidentRule } from '../../../storage/delivery/repository.ts';

const SOURCES: readonly DeploymentSource[] = ['environment', 'classicRelease', 'pipelineStage'];

/**
 * The deployment a tag names, e.g. `deployment:environment:250` → `environment:250` (the id of
 * DeploymentRecord). Tags are matched case-insensitively, as Azure DevOps treats them.
 */
export function linkedDeploymentOf(tags: readonly string[], prefix: string): string | null {
  const lowerPrefix = prefix.toLowerCase();
  for (const tag of tags) {
    if (!tag.toLowerCase().startsWith(lowerPrefix)) continue;
    const rest = tag.slice(prefix.length).trim();
    const separator = rest.indexOf(':');
    if (separator <= 0) continue;
    const source = SOURCES.find((known) => known.toLowerCase() === rest.slice(0, separator).toLowerCase());
    const nativeId = rest.slice(separator + 1).trim();
    if (source !== undefined && nativeId !== '') return `${source}:${nativeId}`;
  }
  return null;
}

export function matchesIncidentRule(
  item: Pick<FlowItem['item'], 'workItemType' | 'tags'>,
  rule: IncidentRule,
): boolean {
  const type = item.workItemType.toLowerCase();
  if (!rule.workItemTypes.some((wanted) => wanted.toLowerCase() === type)) return false;
  if (rule.tag === null) return true;
  const tag = rule.tag.toLowerCase();
  return item.tags.some((candidate) => candidate.toLowerCase() === tag);
}

/**
 * Completion as the metric definitions state it: the last entry into a Completed-category state, if the
 * item is still in that category; null while it is open (or its workflow is unknown).
 */
export function completedAtOf(flow: FlowItem, workflow: WorkflowStateMap): number | null {
  let category: StateCategory | undefined;
  let enteredAt: number | null = null;
  for (const transition of flow.transitions) {
    const next = categoryOf(workflow, transition.workItemType, transition.toState);
    if (next === 'Completed' && category !== 'Completed') enteredAt = transition.at;
    category = next;
  }
  const now = categoryOf(workflow, flow.item.workItemType, flow.item.state);
  return now === 'Completed' ? enteredAt : null;
}

/** The incidents among a project's items (deleted and Removed items are not incidents). */
export function incidentsFrom(
  items: readonly FlowItem[],
  workflowByProject: ReadonlyMap<string, WorkflowStateMap>,
  rule: IncidentRule,
  artifactLinks?: ReadonlyMap<number, readonly IncidentArtifact[]>,
): IncidentRecord[] {
  const incidents: IncidentRecord[] = [];
  for (const flow of items) {
    const { item } = flow;
    if (item.isDeleted || !matchesIncidentRule(item, rule)) continue;
    const workflow = workflowByProject.get(item.project) ?? new Map();
    if (categoryOf(workflow, item.workItemType, item.state) === 'Removed') continue;
    const artifacts = artifactLinks?.get(item.id) ?? [];
    incidents.push({
      workItemId: item.id,
      project: item.project,
      title: item.title,
      createdAt: item.createdAt,
      completedAt: completedAtOf(flow, workflow),
      linkedDeploymentId: linkedDeploymentOf(item.tags, rule.linkTagPrefix),
      ...(artifacts.length === 0 ? {} : { linkedArtifacts: artifacts }),
      provenance: item.provenance,
    });
  }
  return incidents;
}
