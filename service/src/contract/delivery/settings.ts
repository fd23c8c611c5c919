/**
 * A project's delivery settings (GET/PUT/DELETE .../projects/{project}/delivery/settings). Every field has
 * a default, so an empty body (or nothing stored) means: environments and stages whose name contains
 * "prod" are production, incidents are Bugs tagged "incident", Bugs count as rework, no team mapping.
 */
import { z } from 'zod';
import { timeZoneSchema } from '../timeZone.ts';
import { deliveryDeploymentItemSchema } from './items.ts';

const name = z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

/** Kept in the contract (not the service): the front end checks a pattern before sending it. */
function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const patternSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .superRefine((pattern, context) => {
    const problem = regexProblem(pattern);
    if (problem !== null) {
      context.addIssue({ code: 'custom', message: `is not a valid regular expression (${problem})` });
    }
  });

/** Which names count: a case-insensitive regular expression, or a list of exact names (case-insensitive). */
export const nameMatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pattern'), pattern: patternSchema }),
  z.object({
    kind: z.literal('names'),
    names: z.array(name).min(1, 'must list at least one name').max(100, 'must list at most 100 names'),
  }),
]);
export type NameMatch = z.infer<typeof nameMatchSchema>;

export const DEFAULT_PRODUCTION_MATCH: NameMatch = { kind: 'pattern', pattern: 'prod' };

const definitionIds = z
  .array(
    z.number({ error: 'must be whole numbers' }).int('must be whole numbers').positive('must be above 0'),
  )
  .max(500, 'must list at most 500 ids')
  .default([]);

/** The pipelines and repositories whose deployments and changes are one team's. */
export const teamDeliveryMappingSchema = z.object({
  team: name,
  /** YAML pipelines (build definitions): their environment and stage deployments. */
  buildDefinitionIds: definitionIds,
  /** Classic release definitions. */
  releaseDefinitionIds: definitionIds,
  /** Git repository ids (GUIDs, as Azure DevOps reports them); case-insensitive. */
  repositories: z.array(name).max(500, 'must list at most 500 repositories').default([]),
});
export type TeamDeliveryMapping = z.infer<typeof teamDeliveryMappingSchema>;

export const projectDeliverySettingsSchema = z.object({
  /** null: the organization's time zone. */
  timeZone: timeZoneSchema.nullable().default(null),
  production: z
    .object({
      /** Matched against YAML environment names and classic release environment (stage) names. */
      environments: nameMatchSchema.default(DEFAULT_PRODUCTION_MATCH),
      /** Matched against stage names of pipelines that deploy without environments. */
      stages: nameMatchSchema.default(DEFAULT_PRODUCTION_MATCH),
    })
    .default({ environments: DEFAULT_PRODUCTION_MATCH, stages: DEFAULT_PRODUCTION_MATCH }),
  incidents: z
    .object({
      workItemTypes: z
        .array(name)
        .min(1, 'must list at least one type')
        .max(20, 'must list at most 20 types')
        .default(['Bug']),
      /** Required tag (case-insensitive); null: every item of the types is an incident. */
      tag: name.nullable().default('incident'),
      /** A tag `${prefix}environment:250` on an incident names the deployment it is attributed to. */
      linkTagPrefix: name.default('deployment:'),
    })
    .default({ workItemTypes: ['Bug'], tag: 'incident', linkTagPrefix: 'deployment:' }),
  /** Work item types whose links make a deployment rework (besides incidents). */
  bugWorkItemTypes: z
    .array(name)
    .min(1, 'must list at least one type')
    .max(20, 'must list at most 20 types')
    .default(['Bug']),
  teams: z
    .array(teamDeliveryMappingSchema)
    .max(200, 'must list at most 200 teams')
    .default([])
    .superRefine((teams, context) => {
      const seen = new Set<string>();
      teams.forEach((mapping, index) => {
        const key = mapping.team.toLowerCase();
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            message: `maps team "${mapping.team}" a second time`,
            path: [index, 'team'],
          });
        }
        seen.add(key);
      });
    }),
});
/** Settings as stored and answered (every field present). */
export type ProjectDeliverySettings = z.infer<typeof projectDeliverySettingsSchema>;
/** Settings as sent in a PUT (any field may be left out for its default). */
export type ProjectDeliverySettingsInput = z.input<typeof projectDeliverySettingsSchema>;

export const deliveryTargetOptionSchema = z.object({
  name: z.string(),
  kind: z.enum(['environment', 'releaseEnvironment', 'stage']),
  /** Whether the settings in effect count it as production. */
  production: z.boolean(),
});

export const deliverySettingsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  settings: projectDeliverySettingsSchema,
  /** True while nothing is stored (every value is a default). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  effectiveTimeZone: z.string(),
  /** The production marks as the engine applies them (case-insensitive regular expressions). */
  production: z.object({ environmentPattern: z.string(), stagePattern: z.string() }),
  /** What the settings may name, from the synchronised deployments. */
  options: z.object({
    pipelines: z.array(
      z.object({ kind: z.enum(['build', 'release']), definitionId: z.number().int(), name: z.string() }),
    ),
    targets: z.array(deliveryTargetOptionSchema),
    repositories: z.array(z.string()),
  }),
});
export type DeliverySettingsResponse = z.infer<typeof deliverySettingsResponseSchema>;

/** Most targets each list of a preview holds, and most recent deployments shown per matched target. */
export const PREVIEW_LIMITS = { targets: 100, recentPerTarget: 3 } as const;

const previewDeploymentSchema = z.object({
  id: z.string(),
  pipeline: z.string(),
  finishedAt: z.string().meta({ format: 'date-time' }).nullable(),
  outcome: deliveryDeploymentItemSchema.shape.outcome,
  /** The run or release in Azure DevOps; null when the record names neither. */
  url: z.string().nullable(),
});

export const previewTargetSchema = z.object({
  name: z.string(),
  kind: deliveryTargetOptionSchema.shape.kind,
  /** Deployment records to it (any outcome) among the synchronised ones. */
  deployments: z.number().int(),
  successful: z.number().int(),
  lastFinishedAt: z.string().meta({ format: 'date-time' }).nullable(),
  /** Whether the saved settings count it as production (so a change shows as added or removed). */
  savedProduction: z.boolean(),
  /** The most recent deployments, newest first (matched targets only; empty for the others). */
  recent: z.array(previewDeploymentSchema),
});
export type PreviewTarget = z.infer<typeof previewTargetSchema>;

/** At most PREVIEW_LIMITS.targets names, and how many there are in all. */
const namesSchema = z.object({ total: z.number().int(), names: z.array(z.string()) });

const previewCountsSchema = z.object({
  targets: z.number().int(),
  deployments: z.number().int(),
  successful: z.number().int(),
});

/** POST .../delivery/settings/preview: what a draft production rule selects, beside the saved rule. */
export const deliverySettingsPreviewResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  /** The draft's production marks as the engine applies them (case-insensitive regular expressions). */
  production: z.object({ environmentPattern: z.string(), stagePattern: z.string() }),
  saved: z.object({ environmentPattern: z.string(), stagePattern: z.string() }),
  /** What the draft selects, and what the saved settings select, over every synchronised record. */
  draftSelects: previewCountsSchema,
  savedSelects: previewCountsSchema,
  /** Targets the draft marks production, and the targets it does not; each list at most PREVIEW_LIMITS.targets. */
  matched: z.object({ total: z.number().int(), items: z.array(previewTargetSchema) }),
  unmatched: z.object({ total: z.number().int(), items: z.array(previewTargetSchema) }),
  /** Targets the draft adds to production, and takes out of it, compared with the saved settings. */
  changes: z.object({ added: namesSchema, removed: namesSchema }),
  /** Whether saving the draft would change the production mark (and so start a recomputation). */
  productionChanges: z.boolean(),
});
export type DeliverySettingsPreviewResponse = z.infer<typeof deliverySettingsPreviewResponseSchema>;
