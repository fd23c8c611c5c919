/** Targets as the editor holds them (a kind and its numbers), and back to the contract's shape. */
import type { OutcomeTargetSetting } from '../../../../../service/src/contract/targets/sprintTargets.ts';

export type TargetKind = OutcomeTargetSetting['kind'];
export type ParameterName =
  'atLeast' | 'percent' | 'withinDays' | 'days' | 'atMost' | 'atMostPercent' | 'medianAtMostHours';

export interface TargetDraft {
  kind: TargetKind;
  parameters: Partial<Record<ParameterName, number>>;
}

/** Each kind's numbers with a sensible start, in the order the editor shows them. */
export const PARAMETERS: Record<TargetKind, readonly (readonly [ParameterName, number])[]> = {
  goalItemsDone: [],
  itemsFinished: [['atLeast', 5]],
  serviceLevel: [
    ['percent', 85],
    ['withinDays', 10],
  ],
  noItemOlderThan: [['days', 14]],
  wipCeiling: [['atMost', 10]],
  deploymentDaysPerWeek: [['atLeast', 3]],
  changeFailureRate: [['atMostPercent', 15]],
  leadTimeForChanges: [['medianAtMostHours', 48]],
  recoveryTime: [['medianAtMostHours', 24]],
};

export const TARGET_KINDS: readonly TargetKind[] = [
  'goalItemsDone',
  'itemsFinished',
  'serviceLevel',
  'noItemOlderThan',
  'wipCeiling',
  'deploymentDaysPerWeek',
  'changeFailureRate',
  'leadTimeForChanges',
  'recoveryTime',
];

export function newDraft(kind: TargetKind): TargetDraft {
  return { kind, parameters: Object.fromEntries(PARAMETERS[kind]) };
}

export function draftOf(target: OutcomeTargetSetting): TargetDraft {
  const { kind, ...parameters } = target;
  return { kind, parameters };
}

/** The contract's target; a number left empty becomes NaN, which the service refuses by field name. */
export function targetOf(draft: TargetDraft): OutcomeTargetSetting {
  const value = (name: ParameterName) => draft.parameters[name] ?? Number.NaN;
  switch (draft.kind) {
    case 'goalItemsDone':
      return { kind: 'goalItemsDone' };
    case 'itemsFinished':
      return { kind: 'itemsFinished', atLeast: value('atLeast') };
    case 'serviceLevel':
      return { kind: 'serviceLevel', percent: value('percent'), withinDays: value('withinDays') };
    case 'noItemOlderThan':
      return { kind: 'noItemOlderThan', days: value('days') };
    case 'wipCeiling':
      return { kind: 'wipCeiling', atMost: value('atMost') };
    case 'deploymentDaysPerWeek':
      return { kind: 'deploymentDaysPerWeek', atLeast: value('atLeast') };
    case 'changeFailureRate':
      return { kind: 'changeFailureRate', atMostPercent: value('atMostPercent') };
    case 'leadTimeForChanges':
      return { kind: 'leadTimeForChanges', medianAtMostHours: value('medianAtMostHours') };
    case 'recoveryTime':
      return { kind: 'recoveryTime', medianAtMostHours: value('medianAtMostHours') };
  }
}

/** "12, 34 #56" → [12, 34, 56]; anything else is left out (the field shows what was understood). */
export function parseItemIds(text: string): number[] {
  return [
    ...new Set((text.match(/\d+/g) ?? []).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)),
  ];
}

const PARAMETER_NAMES: readonly ParameterName[] = [
  'atLeast',
  'percent',
  'withinDays',
  'days',
  'atMost',
  'atMostPercent',
  'medianAtMostHours',
];

export function isParameterName(name: string | undefined): name is ParameterName {
  return PARAMETER_NAMES.some((known) => known === name);
}
