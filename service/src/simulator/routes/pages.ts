import { html } from '../http.ts';
import type { RouteResult } from '../http.ts';
import { formatAdoDate } from '../dates.ts';
import type { OrganizationModel } from '../model/organization.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The work item form the hub links to (`{org}/{project}/_workitems/edit/{id}`), reduced to its state history. */
export function workItemPage(model: OrganizationModel, id: number): RouteResult | undefined {
  const store = model.workItems;
  if (!store.has(id) || store.isDeleted(id)) return undefined;
  const { strings } = store;
  const latest = store.latestIndex(id);
  const type = escape(strings.get(store.types.get(latest)));
  const title = escape(strings.get(store.titles.get(latest)));
  const rows: string[] = [];
  let previousState = -1;
  for (let index = store.firstIndex(id); index !== -1; index = store.next.get(index)) {
    const state = store.states.get(index);
    if (state === previousState) continue;
    previousState = state;
    const by = model.identities[store.changedBy.get(index)]?.displayName ?? '';
    rows.push(
      `<tr><td>${formatAdoDate(new Date(store.changed.get(index)))}</td><td>${escape(strings.get(state))}</td><td>${escape(strings.get(store.reasons.get(index)))}</td><td>${escape(by)}</td></tr>`,
    );
  }
  return html(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${type} ${id}: ${title}</title></head>
<body>
<h1><span class="type">${type}</span> ${id}: <span class="title">${title}</span></h1>
<p>State: <strong class="state">${escape(strings.get(store.states.get(latest)))}</strong> · Area: ${escape(strings.get(store.areas.get(latest)))} · Iteration: ${escape(strings.get(store.iterations.get(latest)))}</p>
<table>
<thead><tr><th>Changed</th><th>State</th><th>Reason</th><th>By</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`);
}
