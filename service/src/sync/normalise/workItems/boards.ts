import { z } from 'zod';
import {
  BOARD_COLUMN_TYPES,
  type BoardColumnRecord,
  type TeamIterationRecord,
} from '../../../domain/records.ts';

/**
 * azure-devops-node-api turns iteration dates into Date objects and enums into numbers; the REST answer
 * has ISO strings and names. Both forms are accepted, since raw pages may come from either path.
 */
const dateOnly = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => {
  const iso = value instanceof Date ? value.toISOString() : value;
  // "Date-only, correct unadjusted at midnight in UTC" (work.json): the date part is the calendar day.
  return iso.slice(0, 10);
});

export const iterationsSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    path: z.string(),
    attributes: z.object({ startDate: dateOnly.nullish(), finishDate: dateOnly.nullish() }).optional(),
  }),
);

export function toIterations(iterations: z.infer<typeof iterationsSchema>): TeamIterationRecord[] {
  return iterations.map((iteration) => ({
    id: iteration.id,
    name: iteration.name,
    path: iteration.path,
    startDay: iteration.attributes?.startDate ?? null,
    finishDay: iteration.attributes?.finishDate ?? null,
  }));
}

/** BoardColumnType in the library: Incoming = 0, InProgress = 1, Outgoing = 2. */
const COLUMN_TYPE_BY_NUMBER: Record<number, (typeof BOARD_COLUMN_TYPES)[number]> = {
  0: 'incoming',
  1: 'inProgress',
  2: 'outgoing',
};

export const boardColumnsSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    itemLimit: z.number().int().default(0),
    stateMappings: z.record(z.string(), z.string()).default({}),
    columnType: z.union([
      z.enum(BOARD_COLUMN_TYPES),
      z
        .number()
        .int()
        .refine((value) => value in COLUMN_TYPE_BY_NUMBER, 'is not a known board column type')
        .transform((value) => COLUMN_TYPE_BY_NUMBER[value] ?? 'inProgress'),
    ]),
  }),
);

export function toBoardColumns(
  board: string,
  columns: z.infer<typeof boardColumnsSchema>,
): BoardColumnRecord[] {
  return columns.map((column, position) => ({
    board,
    position,
    id: column.id,
    name: column.name,
    columnType: column.columnType,
    itemLimit: column.itemLimit,
    stateMappings: column.stateMappings,
  }));
}
