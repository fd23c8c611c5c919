import { z } from 'zod';
import { collection, dateString, nameUrlSchema } from './common.ts';

const iterationRef = z.object({ id: z.string(), name: z.string(), path: z.string(), url: z.string() });

export const teamSettingsSchema = z.object({
  backlogIteration: iterationRef,
  defaultIteration: iterationRef.nullable(),
  bugsBehavior: z.enum(['off', 'asRequirements', 'asTasks']),
  workingDays: z.array(z.string()),
  backlogVisibilities: z.record(z.string(), z.boolean()),
});

export const teamFieldValuesSchema = z.object({
  field: z.object({ referenceName: z.string() }),
  defaultValue: z.string(),
  values: z.array(z.object({ value: z.string(), includeChildren: z.boolean() })),
});

export const iterationSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string().optional(),
  attributes: z.object({
    startDate: dateString.nullable(),
    finishDate: dateString.nullable(),
    timeFrame: z.enum(['past', 'current', 'future']).optional(),
  }),
  url: z.string(),
});

/** Live answers wrap iterations as `{count, value}`; the legacy example capture says `values`. */
export const iterationsSchema = z.union([
  collection(iterationSchema),
  z.object({ values: z.array(iterationSchema) }),
]);

const backlogLevel = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number(),
  workItemTypes: z.array(nameUrlSchema),
});
export const backlogConfigurationSchema = z.object({
  requirementBacklog: backlogLevel,
  taskBacklog: backlogLevel,
  portfolioBacklogs: z.array(backlogLevel),
  workItemTypeMappedStates: z.array(
    z.object({ workItemTypeName: z.string(), states: z.record(z.string(), z.string()) }),
  ),
  bugsBehavior: z.string(),
});

const category = z.object({
  name: z.string(),
  referenceName: z.string(),
  workItemTypes: z.array(nameUrlSchema),
});
export const processConfigurationSchema = z.object({
  bugWorkItems: category,
  requirementBacklog: category,
  taskBacklog: category,
  portfolioBacklogs: z.array(category),
  typeFields: z.record(z.string(), z.object({ referenceName: z.string(), name: z.string() })),
});

export const boardColumnSchema = z.object({
  id: z.string(),
  name: z.string(),
  itemLimit: z.number().int(),
  stateMappings: z.record(z.string(), z.string()),
  columnType: z.enum(['incoming', 'inProgress', 'outgoing']),
  isSplit: z.boolean().optional(),
});
export const boardColumnsSchema = collection(boardColumnSchema);
