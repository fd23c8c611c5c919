import type { OrganizationModel, ProjectModel, TeamModel } from '../model/organization.ts';
import { tagNames } from '../model/tags.ts';
import { categoryOf } from '../model/workflow.ts';
import { currentIteration } from '../model/iterations.ts';
import { WIQL_FIELDS } from './fields.ts';
import type { Condition, Value } from './parser.ts';
import { WiqlSyntaxError } from './lexer.ts';

const DAY = 86_400_000;

export interface EvaluationScope {
  readonly model: OrganizationModel;
  readonly project: ProjectModel | undefined;
  readonly team: TeamModel | undefined;
  readonly now: number;
  /** timePrecision=false compares dates by day, as the service does. */
  readonly timePrecision: boolean;
}

type Scalar = string | number | undefined;

/** The value of a field on the revision at `index`, in a comparable form. */
export function fieldValue(scope: EvaluationScope, index: number, field: string): Scalar | string[] {
  const store = scope.model.workItems;
  const { strings } = store;
  const person = (at: number): string | undefined => {
    const identity = scope.model.identities[at];
    return identity ? `${identity.displayName} <${identity.email}>` : undefined;
  };
  switch (field) {
    case 'System.Id':
      return store.ids.get(index);
    case 'System.Rev':
      return store.revs.get(index);
    case 'System.Title':
      return strings.get(store.titles.get(index));
    case 'System.State':
      return strings.get(store.states.get(index));
    case 'System.Reason':
      return strings.get(store.reasons.get(index));
    case 'System.WorkItemType':
      return strings.get(store.types.get(index));
    case 'System.BoardColumn':
      return strings.get(store.columns.get(index)) || undefined;
    case 'System.TeamProject':
      return scope.model.projects[store.projects.get(index)]?.name;
    case 'System.AreaPath':
      return strings.get(store.areas.get(index));
    case 'System.IterationPath':
      return strings.get(store.iterations.get(index));
    case 'System.Tags':
      return tagNames(store.tags.get(index));
    case 'System.CreatedDate':
      return store.changed.get(store.firstIndex(store.ids.get(index)));
    case 'System.ChangedDate':
      return store.changed.get(index);
    case 'Microsoft.VSTS.Common.StateChangeDate':
      return store.changed.get(store.stateSince.get(index));
    case 'Microsoft.VSTS.Common.ClosedDate': {
      const project = scope.model.projects[store.projects.get(index)];
      const category = project
        ? categoryOf(
            project.process,
            strings.get(store.types.get(index)),
            strings.get(store.states.get(index)),
          )
        : undefined;
      return category === 'Completed' ? store.changed.get(store.stateSince.get(index)) : undefined;
    }
    case 'System.AssignedTo': {
      const assigned = store.assignedTo.get(index);
      return assigned === 0 ? undefined : person(assigned - 1);
    }
    case 'System.CreatedBy':
      return person(store.changedBy.get(store.firstIndex(store.ids.get(index))));
    case 'System.ChangedBy':
      return person(store.changedBy.get(index));
    case 'System.Parent':
      return store.parents.get(index) || undefined;
    case 'Microsoft.VSTS.Common.Priority':
      return store.priorities.get(index) || undefined;
    default:
      return undefined;
  }
}

function resolveValue(scope: EvaluationScope, field: string, value: Value): Scalar {
  const kind = WIQL_FIELDS[field]?.kind;
  if (value.kind === 'literal') {
    if (kind === 'date') {
      const parsed = Date.parse(String(value.value));
      if (Number.isNaN(parsed))
        throw new WiqlSyntaxError(`The value '${String(value.value)}' is not a date.`);
      return parsed;
    }
    if (kind === 'number') return Number(value.value);
    return String(value.value);
  }
  switch (value.name) {
    case '@project':
      if (!scope.project) throw new WiqlSyntaxError('The @project macro needs a project in the request.');
      return scope.project.name;
    case '@today':
      return Math.floor(scope.now / DAY) * DAY + value.offset * DAY;
    case '@me': {
      const me = scope.model.identities[0];
      return me ? `${me.displayName} <${me.email}>` : undefined;
    }
    case '@currentiteration': {
      const project = scope.project;
      const current = project ? currentIteration(project, scope.now) : undefined;
      if (!current) throw new WiqlSyntaxError('The @CurrentIteration macro needs a team context.');
      return current.path;
    }
    default:
      throw new WiqlSyntaxError(`The macro '${value.name}' is not supported.`);
  }
}

function normalise(scope: EvaluationScope, field: string, value: Scalar): Scalar {
  if (value === undefined) return undefined;
  const kind = WIQL_FIELDS[field]?.kind;
  if (kind === 'date' && typeof value === 'number' && !scope.timePrecision)
    return Math.floor(value / DAY) * DAY;
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

function identityMatches(actual: string, wanted: string): boolean {
  const lower = actual.toLowerCase();
  return lower === wanted || lower.startsWith(`${wanted} <`) || lower.endsWith(`<${wanted}>`);
}

function compare(
  scope: EvaluationScope,
  field: string,
  actualRaw: Scalar | string[],
  op: string,
  expectedRaw: Scalar,
): boolean {
  if (Array.isArray(actualRaw)) return false;
  const actual = normalise(scope, field, actualRaw);
  const expected = normalise(scope, field, expectedRaw);
  if (op === '=' || op === '<>') {
    const equal =
      WIQL_FIELDS[field]?.kind === 'identity' && typeof actual === 'string' && typeof expected === 'string'
        ? identityMatches(actual, expected)
        : actual === expected || (actual === undefined && expected === '');
    return op === '=' ? equal : !equal;
  }
  if (actual === undefined || expected === undefined) return false;
  if (op === '<') return actual < expected;
  if (op === '>') return actual > expected;
  if (op === '<=') return actual <= expected;
  return actual >= expected;
}

export function matches(scope: EvaluationScope, index: number, condition: Condition): boolean {
  switch (condition.kind) {
    case 'and':
      return matches(scope, index, condition.left) && matches(scope, index, condition.right);
    case 'or':
      return matches(scope, index, condition.left) || matches(scope, index, condition.right);
    case 'not':
      return !matches(scope, index, condition.inner);
    case 'compare':
      return compare(
        scope,
        condition.field,
        fieldValue(scope, index, condition.field),
        condition.op,
        resolveValue(scope, condition.field, condition.value),
      );
    case 'in': {
      const actual = fieldValue(scope, index, condition.field);
      const found = condition.values.some((value) =>
        compare(scope, condition.field, actual, '=', resolveValue(scope, condition.field, value)),
      );
      return found !== condition.negated;
    }
    case 'under': {
      const actual = String(fieldValue(scope, index, condition.field) ?? '').toLowerCase();
      const root = String(resolveValue(scope, condition.field, condition.value) ?? '').toLowerCase();
      const under = actual === root || actual.startsWith(`${root}\\`);
      return under !== condition.negated;
    }
    case 'contains': {
      const actual = fieldValue(scope, index, condition.field);
      const wanted = String(resolveValue(scope, condition.field, condition.value) ?? '').toLowerCase();
      const found = Array.isArray(actual)
        ? actual.some((tag) => tag.toLowerCase() === wanted)
        : String(actual ?? '')
            .toLowerCase()
            .includes(wanted);
      return found !== condition.negated;
    }
  }
}
