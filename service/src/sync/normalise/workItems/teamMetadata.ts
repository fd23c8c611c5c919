import { z } from 'zod';
import type { TeamScope } from '../../../domain/records.ts';
import { DAYS_OF_WEEK, type DayOfWeek } from '../../../domain/teamCalendar.ts';
import { STATE_CATEGORIES, type StateCategory } from '../../../domain/workflow.ts';
import type { WorkflowStateRow } from '../../../storage/repository.ts';

const namedTypes = z.object({ workItemTypes: z.array(z.object({ name: z.string() })).default([]) });

export const backlogConfigurationSchema = z.object({
  requirementBacklog: namedTypes.extend({ name: z.string().optional() }),
  workItemTypeMappedStates: z
    .array(z.object({ workItemTypeName: z.string(), states: z.record(z.string(), z.string()) }))
    .default([]),
});

const BUGS_BEHAVIORS = ['off', 'asRequirements', 'asTasks'] as const;
type BugsBehavior = (typeof BUGS_BEHAVIORS)[number];

/** Whether bugs are the team's backlog items, per the team's setting (metric definitions, "Scope"). */
const BUGS_IN_FLOW_SCOPE: Record<BugsBehavior, boolean> = { off: false, asRequirements: true, asTasks: true };

/** azure-devops-node-api turns the REST string into its numeric enum (Off = 0, AsRequirements = 1, AsTasks = 2). */
const BUGS_BEHAVIOR_BY_NUMBER: Record<number, BugsBehavior> = { 0: 'off', 1: 'asRequirements', 2: 'asTasks' };

/** The project's process configuration: the only place that names the bug work item types. */
export const processConfigurationSchema = z.object({
  bugWorkItems: namedTypes.optional(),
});

/**
 * A `workingDays` entry: the REST API spells the day (`"monday"`); azure-devops-node-api turns it into
 * its numeric DayOfWeek enum (Sunday = 0 … Saturday = 6), which the stored page keeps.
 * learn.microsoft.com/rest/api/azure/devops/work/teamsettings/get?view=azure-devops-rest-7.1
 */
const dayOfWeekSchema = z.union([
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(DAYS_OF_WEEK)),
  z
    .number()
    .int()
    .min(0)
    .max(6)
    .transform((value): DayOfWeek => DAYS_OF_WEEK[value] ?? 'sunday'),
]);

export const teamSettingsSchema = z.object({
  bugsBehavior: z.union([
    z.enum(BUGS_BEHAVIORS),
    z
      .number()
      .int()
      .refine((value) => value in BUGS_BEHAVIOR_BY_NUMBER, 'is not a known bugsBehavior')
      .transform((value): BugsBehavior => BUGS_BEHAVIOR_BY_NUMBER[value] ?? 'off'),
  ]),
  /** Absent on pages stored before Seika read it; an empty list is a team that works no weekday. */
  workingDays: z.array(dayOfWeekSchema).optional(),
});

/**
 * A date of a team days-off range: "date-only, correct unadjusted at midnight in UTC" in the REST API
 * (`2015-12-24T00:00:00Z`), a Date in the client library that the stored page keeps as an ISO instant.
 * learn.microsoft.com/rest/api/azure/devops/work/teamdaysoff/get?view=azure-devops-rest-7.1
 */
const utcDateSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date')
  .transform((value) => new Date(value).toISOString().slice(0, 10));

/** `GET {team}/_apis/work/teamsettings/iterations/{iterationId}/teamdaysoff`: `{ daysOff: [{ start, end }] }`. */
export const teamDaysOffSchema = z.object({
  daysOff: z.array(z.object({ start: utcDateSchema, end: utcDateSchema })).default([]),
});

/** The ranges in order, a reversed range (start after end) read as the days between its two dates. */
export function daysOffFrom(answer: z.infer<typeof teamDaysOffSchema>): { start: string; end: string }[] {
  return answer.daysOff
    .map((range) => (range.start <= range.end ? range : { start: range.end, end: range.start }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export const teamFieldValuesSchema = z.object({
  field: z.object({ referenceName: z.string() }),
  values: z.array(z.object({ value: z.string(), includeChildren: z.boolean() })),
});

/** azure-devops-node-api unwraps the `{count, value}` envelope, so this is the bare list. */
export const workItemTypeStatesSchema = z.array(z.object({ name: z.string(), category: z.string() }));

/** Maps a category name as the API spells it to ours; unknown names are reported, not guessed. */
export function toStateCategory(name: string): StateCategory | undefined {
  return STATE_CATEGORIES.find((category) => category.toLowerCase() === name.toLowerCase());
}

export function workflowFromBacklogConfiguration(
  configuration: z.infer<typeof backlogConfigurationSchema>,
): WorkflowStateRow[] {
  const rows: WorkflowStateRow[] = [];
  for (const mapping of configuration.workItemTypeMappedStates) {
    for (const [state, categoryName] of Object.entries(mapping.states)) {
      const category = toStateCategory(categoryName);
      if (category !== undefined) rows.push({ workItemType: mapping.workItemTypeName, state, category });
    }
  }
  return rows;
}

export function workflowFromTypeStates(
  workItemType: string,
  states: z.infer<typeof workItemTypeStatesSchema>,
): WorkflowStateRow[] {
  return states.flatMap((state) => {
    const category = toStateCategory(state.category);
    return category === undefined ? [] : [{ workItemType, state: state.name, category }];
  });
}

/** A team's items: requirement-backlog types, plus bug types unless the team turned bugs off. */
export function teamScopeFrom(
  fieldValues: z.infer<typeof teamFieldValuesSchema>,
  settings: z.infer<typeof teamSettingsSchema>,
  configuration: z.infer<typeof backlogConfigurationSchema>,
  process: z.infer<typeof processConfigurationSchema>,
): TeamScope {
  const requirementTypes = configuration.requirementBacklog.workItemTypes.map((type) => type.name);
  const bugTypes = !BUGS_IN_FLOW_SCOPE[settings.bugsBehavior]
    ? []
    : (process.bugWorkItems?.workItemTypes ?? []).map((type) => type.name);
  return {
    field: fieldValues.field.referenceName,
    values: fieldValues.values,
    backlogWorkItemTypes: [...new Set([...requirementTypes, ...bugTypes])],
  };
}
