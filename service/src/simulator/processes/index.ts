import { AGILE } from './agile.ts';
import { BASIC } from './basic.ts';
import { CMMI } from './cmmi.ts';
import { SEIKA_AGILE } from './inherited.ts';
import { SCRUM } from './scrum.ts';
import type { ProcessDef } from './types.ts';

export const PROCESSES = {
  Agile: AGILE,
  Scrum: SCRUM,
  Basic: BASIC,
  CMMI,
  'Seika Agile': SEIKA_AGILE,
} as const;
export type ProcessName = keyof typeof PROCESSES;

export function processByName(name: ProcessName): ProcessDef {
  return PROCESSES[name];
}

/** Backlog level of a type in a process: where its board lives and how deep it sits. */
export function levelOfType(
  process: ProcessDef,
  typeName: string,
): 'requirement' | 'task' | 'portfolio' | 'bug' | undefined {
  if (process.requirement.types.includes(typeName)) return 'requirement';
  if (process.task.types.includes(typeName)) return 'task';
  if (process.portfolio.some((level) => level.types.includes(typeName))) return 'portfolio';
  if (process.bug.types.includes(typeName)) return 'bug';
  return undefined;
}

/** Backlog types in the order the service lists them: requirement, bug, task, then portfolio upwards. */
export function backlogTypeOrder(process: ProcessDef): string[] {
  const names = [
    ...process.requirement.types,
    ...process.bug.types,
    ...process.task.types,
    ...[...process.portfolio].reverse().flatMap((level) => level.types),
  ];
  return [...new Set(names)];
}
