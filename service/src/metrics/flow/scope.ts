/**
 * A team's items (metric definitions § Scope): the latest area path is covered by the team field
 * values (`includeChildren` honoured) and the type is on the team's backlogs. Area paths and type
 * names compare case-insensitively, as Azure DevOps does.
 */
import type { TeamScope, WorkItemRecord } from '../../domain/records.ts';

const SEPARATOR = '\\';

/** Lower-cased, without leading/trailing separators, so `\Fabrikam\Web\` equals `fabrikam\web`. */
export function normaliseAreaPath(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === SEPARATOR) start++;
  while (end > start && path[end - 1] === SEPARATOR) end--;
  return path.slice(start, end).toLowerCase();
}

/** Whether `areaPath` is `value` itself or, with includeChildren, anywhere below it. */
export function isAreaPathCovered(areaPath: string, value: string, includeChildren: boolean): boolean {
  const path = normaliseAreaPath(areaPath);
  const root = normaliseAreaPath(value);
  if (path === root) return true;
  return includeChildren && path.startsWith(root + SEPARATOR);
}

export type TeamScopeMatcher = (item: WorkItemRecord) => boolean;

const matchers = new WeakMap<TeamScope, TeamScopeMatcher>();

/**
 * A reusable predicate for one scope (normalises the scope once). Only the area path is evaluated:
 * a custom team field is not among the normalised record's fields, so its values are matched
 * against the area path.
 */
export function teamScopeMatcher(scope: TeamScope): TeamScopeMatcher {
  const cached = matchers.get(scope);
  if (cached) return cached;
  const values = scope.values.map((entry) => ({
    root: normaliseAreaPath(entry.value),
    includeChildren: entry.includeChildren,
  }));
  const types = new Set(scope.backlogWorkItemTypes.map((type) => type.toLowerCase()));
  const coversPath = (path: string): boolean =>
    values.some(
      ({ root, includeChildren }) => path === root || (includeChildren && path.startsWith(root + SEPARATOR)),
    );
  // A team has few distinct area paths and types: decide each once.
  const pathCovered = new Map<string, boolean>();
  const typeInScope = new Map<string, boolean>();
  const matcher: TeamScopeMatcher = (item) => {
    let typeOk = typeInScope.get(item.workItemType);
    if (typeOk === undefined) {
      typeOk = types.has(item.workItemType.toLowerCase());
      typeInScope.set(item.workItemType, typeOk);
    }
    if (!typeOk) return false;
    let covered = pathCovered.get(item.areaPath);
    if (covered === undefined) {
      covered = coversPath(normaliseAreaPath(item.areaPath));
      pathCovered.set(item.areaPath, covered);
    }
    return covered;
  };
  matchers.set(scope, matcher);
  return matcher;
}

export function isInTeamScope(item: WorkItemRecord, scope: TeamScope): boolean {
  return teamScopeMatcher(scope)(item);
}
