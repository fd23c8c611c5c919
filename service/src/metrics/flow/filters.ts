/**
 * Filters a user can apply on top of a team's scope: work item types, tags, an area path below the
 * team's. Dates (range and basis day) are part of the query, not of the item filter.
 */
import type { FlowItem } from '../../domain/records.ts';
import { isAreaPathCovered } from './scope.ts';

export interface FlowFilter {
  /** Keep only these types (case-insensitive); empty or absent keeps all. */
  workItemTypes?: readonly string[];
  /** Keep items carrying these tags (case-insensitive): any one of them, or all with `tagMatch: 'all'`. */
  tags?: readonly string[];
  tagMatch?: 'any' | 'all';
  /** Keep items at or below this area path. */
  areaPath?: string;
}

export function itemFilter(filter: FlowFilter): (item: FlowItem) => boolean {
  const types = new Set((filter.workItemTypes ?? []).map((type) => type.toLowerCase()));
  const tags = (filter.tags ?? []).map((tag) => tag.toLowerCase());
  const matchAll = filter.tagMatch === 'all';
  const { areaPath } = filter;
  return ({ item }) => {
    if (types.size > 0 && !types.has(item.workItemType.toLowerCase())) return false;
    if (areaPath !== undefined && !isAreaPathCovered(item.areaPath, areaPath, true)) return false;
    if (tags.length === 0) return true;
    const carried = new Set(item.tags.map((tag) => tag.toLowerCase()));
    return matchAll ? tags.every((tag) => carried.has(tag)) : tags.some((tag) => carried.has(tag));
  };
}

export function applyFilter(items: readonly FlowItem[], filter: FlowFilter): FlowItem[] {
  return items.filter(itemFilter(filter));
}
