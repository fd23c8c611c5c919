import type { Random } from '../../model/random.ts';
import { derivedGuid } from '../../model/ids.ts';
import type { ProjectModel, TeamModel } from '../../model/organization.ts';
import { teamBoards } from '../../model/boards.ts';
import { makeIterations } from '../../legacy/layout.ts';
import { PROCESSES } from '../../processes/index.ts';
import type { ProcessName } from '../../processes/index.ts';
import type { BugsBehavior, ColumnDef } from '../../processes/types.ts';

interface TeamPlan {
  readonly name: string;
  readonly area: string;
  readonly bugsBehavior?: BugsBehavior;
  /** Split the requirement board's first in-progress column (Doing | Done). */
  readonly splitActive?: boolean;
}

interface ProjectPlan {
  readonly name: string;
  readonly process: ProcessName;
  readonly description: string;
  readonly teams: readonly TeamPlan[];
}

/** Six projects over the four system processes and one inherited process, nineteen teams. */
export const LARGE_PROJECTS: readonly ProjectPlan[] = [
  {
    name: 'Seika Demo',
    process: 'Agile',
    description: 'Web shop',
    teams: [
      { name: 'Web Team', area: 'Web', splitActive: true },
      { name: 'Mobile Team', area: 'Mobile' },
      { name: 'Checkout Team', area: 'Checkout', bugsBehavior: 'asTasks' },
      { name: 'Search Team', area: 'Search' },
    ],
  },
  {
    name: 'Seika Platform',
    process: 'Seika Agile',
    description: 'Shared platform services',
    teams: [
      { name: 'Platform Team', area: 'Platform' },
      { name: 'SRE Team', area: 'SRE' },
      { name: 'Identity Team', area: 'Identity' },
    ],
  },
  {
    name: 'Seika Data',
    process: 'Scrum',
    description: 'Data and analytics',
    teams: [
      { name: 'Data Team', area: 'Data' },
      { name: 'ML Team', area: 'ML', splitActive: true },
      { name: 'Analytics Team', area: 'Analytics' },
      { name: 'Reporting Team', area: 'Reporting' },
    ],
  },
  {
    name: 'Seika Support',
    process: 'Basic',
    description: 'Customer support tooling',
    teams: [
      { name: 'Support Team', area: 'Support' },
      { name: 'Docs Team', area: 'Docs' },
    ],
  },
  {
    name: 'Seika Compliance',
    process: 'CMMI',
    description: 'Regulated back office',
    teams: [
      { name: 'Compliance Team', area: 'Compliance', bugsBehavior: 'asRequirements' },
      { name: 'Audit Team', area: 'Audit' },
      { name: 'Security Team', area: 'Security', bugsBehavior: 'asTasks' },
    ],
  },
  {
    name: 'Seika Labs',
    process: 'Agile',
    description: 'Experiments',
    teams: [
      { name: 'Labs Team', area: 'Labs' },
      { name: 'Prototype Team', area: 'Prototype' },
      { name: 'Research Team', area: 'Research' },
    ],
  },
];

function columns(process: ProcessName, split: boolean): readonly ColumnDef[] {
  const base = PROCESSES[process].requirementColumns;
  if (!split) return base;
  const first = base.findIndex((column) => column.columnType === 'inProgress');
  return base.map((column, index) => (index === first ? { ...column, isSplit: true } : column));
}

/** Projects with their areas (team area, Frontend, Backend), teams, boards and two-week sprints. */
export function largeProjects(seed: number, ids: Random, start: Date, now: Date): ProjectModel[] {
  return LARGE_PROJECTS.map((plan, index): ProjectModel => {
    const process = PROCESSES[plan.process];
    const teams = plan.teams.map((teamPlan): TeamModel => {
      const id = derivedGuid(seed, `team:${plan.name}:${teamPlan.name}`);
      const areaPath = `${plan.name}\\${teamPlan.area}`;
      const bugsBehavior = teamPlan.bugsBehavior ?? process.defaultBugsBehavior;
      return {
        id,
        name: teamPlan.name,
        description: `${teamPlan.name} of ${plan.name}`,
        projectIndex: index,
        areaPath,
        areas: [{ value: areaPath, includeChildren: true }],
        bugsBehavior,
        boards: teamBoards(
          seed,
          process,
          id,
          bugsBehavior,
          columns(plan.process, teamPlan.splitActive === true),
        ),
      };
    });
    const defaultTeam = teams[0];
    if (!defaultTeam) throw new Error(`project ${plan.name} has no team`);
    return {
      index,
      id: derivedGuid(seed, `project:${plan.name}`),
      name: plan.name,
      description: plan.description,
      lastUpdateTime: start,
      rootIterationId: derivedGuid(seed, `root-iteration:${plan.name}`),
      process,
      teams,
      defaultTeam,
      areaPaths: [
        plan.name,
        ...plan.teams.flatMap((team) => [
          `${plan.name}\\${team.area}`,
          `${plan.name}\\${team.area}\\Frontend`,
          `${plan.name}\\${team.area}\\Backend`,
        ]),
      ],
      iterations: makeIterations(ids, start, now, plan.name),
    };
  });
}
