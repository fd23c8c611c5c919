/** Answers about single items and the history behind them: aging WIP, service levels, data quality. */
import { z } from 'zod';
import { flowResponseMetaSchema, percentileLineSchema } from './responses.ts';

const day = z.string().meta({ format: 'date' });

/** The completed items behind aging lines and service levels: the lookback window ending on the basis day. */
export const lookbackSchema = z.object({ fromDay: day, toDay: day, completedItems: z.number().int() });

export const AGING_ZONES = ['noHistory', 'withinLowest', 'between', 'beyondHighest'] as const;
export type AgingZone = (typeof AGING_ZONES)[number];

/**
 * Where an aging item's board column comes from: its recorded column moves up to the end of the basis
 * day; else the one board column that holds its state (its type's state mapping); else unknown (no move
 * recorded and no single column holds the state, or the team has no board).
 */
export const BOARD_COLUMN_SOURCES = ['columnHistory', 'stateMapping', 'unknown'] as const;
export type BoardColumnSource = (typeof BOARD_COLUMN_SOURCES)[number];

export const agingItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  workItemType: z.string(),
  url: z.string(),
  /** State and category at the end of the basis day. */
  state: z.string(),
  category: z.string(),
  startedAt: z.string(),
  startedOn: day,
  ageDays: z.number().int(),
  /** Highest percentile line the age has passed (its pace); null when below every line. */
  pacePassed: z.number().nullable(),
  /** Lowest percentile line the age has not passed; null when above every line. */
  within: z.number().nullable(),
  /** Where the age stands against the lines: none yet, under the lowest, between two, past the highest. */
  zone: z.enum(AGING_ZONES),
  /**
   * Board column at the end of the basis day; null when unknown (see boardColumnSource). Always sent by
   * this version; optional only so answers of earlier versions still parse.
   */
  boardColumn: z.string().nullable().optional(),
  boardColumnSource: z.enum(BOARD_COLUMN_SOURCES).optional(),
});
export type AgingItem = z.infer<typeof agingItemSchema>;

export const BOARD_COLUMN_TYPE_NAMES = ['incoming', 'inProgress', 'outgoing'] as const;

/** A column of the team's board as configured now (limits are today's, also when a past day is replayed). */
export const agingBoardColumnSchema = z.object({
  name: z.string(),
  /** The board's WIP limit for the column; 0 when none is set. */
  itemLimit: z.number().int(),
  columnType: z.enum(BOARD_COLUMN_TYPE_NAMES),
});
export type AgingBoardColumn = z.infer<typeof agingBoardColumnSchema>;

export const agingBoardSchema = z.object({
  name: z.string(),
  /** Left to right. */
  columns: z.array(agingBoardColumnSchema),
});
export type AgingBoard = z.infer<typeof agingBoardSchema>;

export const agingSectionSchema = z.object({
  basis: day,
  lookback: lookbackSchema,
  percentiles: z.array(percentileLineSchema),
  /** Oldest first. */
  items: z.array(agingItemSchema),
  /**
   * The team's board (the one flow metrics use) with its WIP limits; null when the team has none.
   * Always sent by this version; optional only so answers of earlier versions still parse.
   */
  board: agingBoardSchema.nullable().optional(),
});
export const agingResponseSchema = flowResponseMetaSchema.extend(agingSectionSchema.shape);
export type AgingResponse = z.infer<typeof agingResponseSchema>;

export const serviceLevelSchema = z.object({
  percentile: z.number(),
  /** N in "p% of items finish within N days"; null when nothing completed in the lookback window. */
  days: z.number().int().nullable(),
  sampleSize: z.number().int(),
  statement: z.string(),
  /** Share (0..1) of the items completed in the range that finished within N days; null when none. */
  shareWithinInRange: z.number().nullable(),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

export const serviceLevelsSectionSchema = z.object({
  basis: day,
  lookback: lookbackSchema,
  serviceLevels: z.array(serviceLevelSchema),
});
export const serviceLevelsResponseSchema = flowResponseMetaSchema.extend(serviceLevelsSectionSchema.shape);
export type ServiceLevelsResponse = z.infer<typeof serviceLevelsResponseSchema>;

export const DATA_QUALITY_FLAG_NAMES = [
  'skippedStart',
  'reopened',
  'backwardMove',
  'multipleStarts',
  'stateNotInCategory',
] as const;
export type DataQualityFlagName = (typeof DATA_QUALITY_FLAG_NAMES)[number];

export const dataQualityItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  workItemType: z.string(),
  url: z.string(),
  /** State at the end of the range. */
  state: z.string(),
  flags: z.array(z.enum(DATA_QUALITY_FLAG_NAMES)),
  unknownStates: z.array(z.string()),
  /** The state changes up to the end of the range, so the flags can be checked by eye. */
  history: z.array(
    z.object({
      at: z.string(),
      day,
      state: z.string(),
      /** Category of the state; null for a state in no category. */
      category: z.string().nullable(),
    }),
  ),
});
export type DataQualityItem = z.infer<typeof dataQualityItemSchema>;

export const dataQualitySectionSchema = z.object({
  /** Flags are evaluated on the history up to this instant (the end of the range). */
  asOf: z.string(),
  counts: z.record(z.enum(DATA_QUALITY_FLAG_NAMES), z.number().int()),
  /** What each flag means, for the reader. */
  flagDescriptions: z.record(z.enum(DATA_QUALITY_FLAG_NAMES), z.string()),
  /** Only items with at least one flag, by id. */
  items: z.array(dataQualityItemSchema),
});
export const dataQualityResponseSchema = flowResponseMetaSchema.extend(dataQualitySectionSchema.shape);
export type DataQualityResponse = z.infer<typeof dataQualityResponseSchema>;
