import { html } from '../http.ts';
import type { RouteResult } from '../http.ts';
import { formatAdoDate } from '../dates.ts';
import type { OrganizationModel } from '../generate/model.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The work item form the hub links to (`{org}/{project}/_workitems/edit/{id}`), reduced to its state history. */
export function workItemPage(model: OrganizationModel, id: number): RouteResult | undefined {
  const item = model.workItems.get(id);
  const latest = item?.revisions.at(-1);
  if (!item || !latest) return undefined;
  const rows = item.revisions
    .filter((revision, index, all) => index === 0 || revision.state !== all[index - 1]?.state)
    .map(
      (revision) =>
        `<tr><td>${formatAdoDate(revision.changedDate)}</td><td>${escape(revision.state)}</td><td>${escape(revision.reason)}</td><td>${escape(revision.changedBy.displayName)}</td></tr>`,
    )
    .join('\n');
  return html(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(item.workItemType)} ${item.id}: ${escape(latest.title)}</title></head>
<body>
<h1><span class="type">${escape(item.workItemType)}</span> ${item.id}: <span class="title">${escape(latest.title)}</span></h1>
<p>State: <strong class="state">${escape(latest.state)}</strong> · Area: ${escape(latest.areaPath)} · Iteration: ${escape(latest.iterationPath)}</p>
<table>
<thead><tr><th>Changed</th><th>State</th><th>Reason</th><th>By</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`);
}
