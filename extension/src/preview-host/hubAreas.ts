import type { PreviewHub } from './previewState.ts';

/** Where Azure DevOps shows a hub, from its hub-group target: the nav group and the page's level. */
export interface HubArea {
  label: string;
  /** Team pages have a project and team in their web context; organization pages have neither. */
  level: 'team' | 'organization';
}

/** In nav order: project areas first, Organization settings last (as Azure DevOps lays them out). */
const boards: HubArea = { label: 'Boards', level: 'team' };
const areasByTarget: readonly (readonly [string, HubArea])[] = [
  ['ms.vss-work-web.work-hub-group', boards],
  // A tab of Boards › Sprints (the sprint backlog) belongs to Boards too.
  ['ms.vss-work-web.iteration-backlog-tabs', boards],
  ['ms.vss-build-web.build-release-hub-group', { label: 'Pipelines', level: 'team' }],
  // Widgets sit on a team's dashboard (Overview › Dashboards); their scope is project_team.
  ['ms.vss-dashboards-web.widget-catalog', { label: 'Dashboards', level: 'team' }],
  ['ms.vss-web.collection-admin-hub-group', { label: 'Organization settings', level: 'organization' }],
];
const otherArea: HubArea = { label: 'Other', level: 'team' };

/** The nav position of the hub's area: the first target of the same area, so an area is one group. */
function areaIndex(hub: PreviewHub): number {
  const area = areasByTarget.find(([target]) => hub.targets.includes(target))?.[1];
  const index = areasByTarget.findIndex(([, candidate]) => candidate === area);
  return index < 0 ? areasByTarget.length : index;
}

export function areaOf(hub: PreviewHub): HubArea {
  return areasByTarget[areaIndex(hub)]?.[1] ?? otherArea;
}

/** Hubs grouped by area, in nav order; hubs keep their build order within a group. */
export function groupByArea(hubs: readonly PreviewHub[]): { area: HubArea; hubs: PreviewHub[] }[] {
  const groups = new Map<number, PreviewHub[]>();
  for (const hub of hubs) {
    const index = areaIndex(hub);
    groups.set(index, [...(groups.get(index) ?? []), hub]);
  }
  return [...groups.entries()]
    .sort(([left], [right]) => left - right)
    .map(([index, grouped]) => ({ area: areasByTarget[index]?.[1] ?? otherArea, hubs: grouped }));
}

/** The hub the preview opens without ?hub=: the first one in nav order (a team hub, e.g. Boards › Flow). */
export function defaultHub(hubs: readonly PreviewHub[]): PreviewHub | undefined {
  return groupByArea(hubs)[0]?.hubs[0];
}
