/** What a rule found: its id, the evidence items and figures behind it, and how much acting on it may help. */

export type InsightRuleId =
  | 'AGE-1'
  | 'WIP-1'
  | 'CFD-1'
  | 'STB-1'
  | 'WAIT-1'
  | 'SLE-1'
  | 'CARRY-1'
  | 'SCOPE-1'
  | 'TGT-1'
  | 'DEP-1'
  | 'CFR-1'
  | 'MTTR-1'
  | 'RWK-1'
  | 'DQ-1';

export interface Finding {
  ruleId: InsightRuleId;
  /** 0–1: how far past the threshold, scaled by how much of the team's work it touches. */
  expectedEffect: number;
  /** Work items behind the finding (drill-down), never people. */
  itemIds: readonly number[];
  /** Figures the hub words the finding with. */
  figures: Readonly<Record<string, number | string>>;
}

export const MINIMUM_ITEMS = 5;

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : sum(values) / values.length;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
