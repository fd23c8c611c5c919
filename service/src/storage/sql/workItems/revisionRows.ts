import type {
  StateTransitionRecord,
  TeamScope,
  WorkItemRecord,
  WorkItemRevisionRecord,
} from '../../../domain/records.ts';
import type { StoredRawPage } from '../../repository.ts';
import { bool, integer, optionalText, stringArray, text } from '../rows.ts';
import type { SqlRow, SqlValue } from '../sqlDatabase.ts';

/** A revision as stored: the normalised record plus the raw page it came from. */
export type StoredRevision = WorkItemRevisionRecord & { rawPageId: number };

export const REVISION_COLUMNS = [
  'organization',
  'work_item_id',
  'revision',
  'project',
  'work_item_type',
  'title',
  'area_path',
  'state',
  'tags',
  'created_at',
  'changed_at',
  'is_deleted',
  'raw_page_id',
  'board_column',
  'iteration_path',
] as const;
export const TRANSITION_COLUMNS = [
  'organization',
  'work_item_id',
  'revision',
  'at',
  'from_state',
  'to_state',
  'work_item_type',
  'raw_page_id',
] as const;
export const SNAPSHOT_COLUMNS = [
  'organization',
  'work_item_id',
  'project',
  'work_item_type',
  'title',
  'area_path',
  'state',
  'tags',
  'created_at',
  'changed_at',
  'revision',
  'is_deleted',
  'raw_page_id',
  'board_column',
  'iteration_path',
] as const;
export const COLUMN_CHANGE_COLUMNS = [
  'organization',
  'work_item_id',
  'revision',
  'at',
  'board_column',
  'raw_page_id',
] as const;
export const ITERATION_CHANGE_COLUMNS = [
  'organization',
  'work_item_id',
  'revision',
  'at',
  'iteration_path',
  'iteration_key',
  'raw_page_id',
] as const;

export function updateAll(columns: readonly string[], key: readonly string[]): string {
  return columns
    .filter((column) => !key.includes(column))
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
}

/** The repository over either SQL dialect. Every statement is scoped by organization. */
export function toStoredRawPage(row: SqlRow): StoredRawPage {
  return {
    id: integer(row, 'id'),
    stream: text(row, 'stream'),
    requestUrl: text(row, 'request_url'),
    requestToken: optionalText(row, 'request_token'),
    responseToken: optionalText(row, 'response_token'),
    isLastBatch: bool(row, 'is_last_batch'),
    itemCount: integer(row, 'item_count'),
    body: text(row, 'body'),
    fetchedAt: text(row, 'fetched_at'),
  };
}

export function revisionValues(organization: string, revision: StoredRevision): SqlValue[] {
  return [
    organization,
    revision.workItemId,
    revision.revision,
    revision.project,
    revision.workItemType,
    revision.title,
    revision.areaPath,
    revision.state,
    JSON.stringify(revision.tags),
    revision.createdAt,
    revision.changedAt,
    revision.isDeleted ? 1 : 0,
    revision.rawPageId,
    revision.boardColumn,
    revision.iterationPath ?? null,
  ];
}

export function snapshotValues(organization: string, revision: StoredRevision): SqlValue[] {
  return [
    organization,
    revision.workItemId,
    revision.project,
    revision.workItemType,
    revision.title,
    revision.areaPath,
    revision.state,
    JSON.stringify(revision.tags),
    revision.createdAt,
    revision.changedAt,
    revision.revision,
    revision.isDeleted ? 1 : 0,
    revision.rawPageId,
    revision.boardColumn,
    revision.iterationPath ?? null,
  ];
}

export function transitionValues(organization: string, transition: StateTransitionRecord): SqlValue[] {
  return [
    organization,
    transition.workItemId,
    transition.revision,
    transition.at,
    transition.fromState,
    transition.toState,
    transition.workItemType,
    transition.provenance.rawPageId,
  ];
}

export function toStoredRevision(row: SqlRow): StoredRevision {
  return {
    workItemId: integer(row, 'work_item_id'),
    revision: integer(row, 'revision'),
    project: text(row, 'project'),
    workItemType: text(row, 'work_item_type'),
    title: text(row, 'title'),
    areaPath: text(row, 'area_path'),
    state: text(row, 'state'),
    tags: stringArray(row, 'tags'),
    createdAt: integer(row, 'created_at'),
    changedAt: integer(row, 'changed_at'),
    isDeleted: bool(row, 'is_deleted'),
    rawPageId: integer(row, 'raw_page_id'),
    boardColumn: optionalText(row, 'board_column'),
    iterationPath: optionalText(row, 'iteration_path'),
  };
}

export function parseFieldValues(values: unknown): TeamScope['values'] {
  if (!Array.isArray(values)) throw new Error('Stored team field values are not a list');
  return values.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null)
      throw new Error('Stored team field value is not an object');
    const value: unknown = Reflect.get(entry, 'value');
    const includeChildren: unknown = Reflect.get(entry, 'includeChildren');
    if (typeof value !== 'string' || typeof includeChildren !== 'boolean') {
      throw new Error('Stored team field value has the wrong shape');
    }
    return { value, includeChildren };
  });
}

export function toWorkItem(row: SqlRow): WorkItemRecord {
  return {
    id: integer(row, 'work_item_id'),
    project: text(row, 'project'),
    workItemType: text(row, 'work_item_type'),
    title: text(row, 'title'),
    areaPath: text(row, 'area_path'),
    tags: stringArray(row, 'tags'),
    state: text(row, 'state'),
    createdAt: integer(row, 'created_at'),
    changedAt: integer(row, 'changed_at'),
    revision: integer(row, 'revision'),
    isDeleted: bool(row, 'is_deleted'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
  };
}

export function toTransition(row: SqlRow): StateTransitionRecord {
  return {
    workItemId: integer(row, 'work_item_id'),
    revision: integer(row, 'revision'),
    at: integer(row, 'at'),
    fromState: optionalText(row, 'from_state'),
    toState: text(row, 'to_state'),
    workItemType: text(row, 'work_item_type'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
  };
}
