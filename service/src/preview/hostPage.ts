import type { PreviewPageConfig } from './previewPageConfig.ts';

export const previewConfigElementId = 'seika-preview-config';

/** JSON that is safe inside a <script> element: no "</script>", no HTML comment openers. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The built host page references its assets relatively ("./assets/…") but is served at the router's
 * root, so a <base> points it back at its build folder; the config rides along as inline JSON.
 */
export function renderHostPage(builtHtml: string, assetsBaseUrl: string, config: PreviewPageConfig): string {
  const headOpen = /<head[^>]*>/i.exec(builtHtml);
  const headClose = builtHtml.search(/<\/head>/i);
  if (!headOpen || headClose < 0) {
    throw new Error('The built preview host page has no <head> element.');
  }
  // <base> must precede every relative URL in the head; the config only has to exist before scripts run.
  const afterHeadOpen = headOpen.index + headOpen[0].length;
  const base = `<base href="${escapeAttribute(assetsBaseUrl)}">`;
  const configScript = `<script type="application/json" id="${previewConfigElementId}">${scriptSafeJson(config)}</script>`;
  return (
    builtHtml.slice(0, afterHeadOpen) +
    base +
    builtHtml.slice(afterHeadOpen, headClose) +
    configScript +
    builtHtml.slice(headClose)
  );
}
