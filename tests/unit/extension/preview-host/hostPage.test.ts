import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewConfigElementId, renderHostPage } from '../../../../service/src/preview/hostPage.ts';
import type { PreviewPageConfig } from '../../../../service/src/preview/previewPageConfig.ts';
import { readPageConfig } from '../../../../extension/src/preview-host/previewState.ts';

/** Shaped like Vite's output for extension/src/preview-host/preview-host.html. */
const builtHtml = [
  '<!doctype html>',
  '<html lang="en">',
  '  <head>',
  '    <meta charset="utf-8" />',
  '    <title>Seika preview</title>',
  '    <script type="module" crossorigin src="./assets/preview-host-B1x2.js"></script>',
  '    <link rel="stylesheet" crossorigin href="./assets/preview-host-C3y4.css">',
  '  </head>',
  '  <body><header class="ph-topbar"></header><iframe id="hub-frame"></iframe></body>',
  '</html>',
].join('\n');

function configFor(projectName: string, teamName = 'Web'): PreviewPageConfig {
  return {
    context: {
      organization: 'contoso',
      organizationUrl: 'https://dev.azure.com/contoso/',
      project: { id: 'p-1', name: projectName },
      team: { id: 't-1', name: teamName },
      user: { id: 'u-1', name: 'ada@contoso.example', displayName: 'Ada Lovelace' },
      theme: 'dark',
    },
    extensionBaseUri: '/',
    appTokenUrl: '/preview/app-token',
  };
}

const configOpenTag = `<script type="application/json" id="${previewConfigElementId}">`;

/**
 * The config element's text as an HTML parser sees it: script data runs to the first "</script"
 * (any case). Returns the raw text and what follows the element.
 */
function configElementText(html: string): { text: string; rest: string } {
  const start = html.indexOf(configOpenTag);
  if (start < 0) {
    throw new Error('No config element.');
  }
  const textStart = start + configOpenTag.length;
  const end = html.toLowerCase().indexOf('</script', textStart);
  return { text: html.slice(textStart, end), rest: html.slice(end + '</script>'.length) };
}

function countOf(html: string, needle: string): number {
  return html.toLowerCase().split(needle.toLowerCase()).length - 1;
}

const hostileNames = [
  { name: 'a closing script tag', project: '</script><script>alert(1)</script>' },
  { name: 'a closing script tag in odd case', project: 'A </ScRiPt ><img src=x onerror=alert(1)>' },
  { name: 'an HTML comment opener', project: '<!-- <script>' },
  { name: 'a comment closer and CDATA end', project: '--> ]]>' },
  { name: 'ampersands and entities', project: 'R&D &amp; &lt;Ops&gt;' },
  { name: 'line and paragraph separators', project: 'one\u2028two\u2029three' },
  { name: 'quotes and backslashes', project: 'say "hi" \\ \'there\'' },
  { name: 'Japanese text', project: '開発チーム</script>' },
];

describe('renderHostPage', () => {
  it.each(hostileNames)('keeps $name inside the config element', ({ project }) => {
    const config = configFor(project, project);
    const html = renderHostPage(builtHtml, '/extension/preview-host/', config);
    const { text, rest } = configElementText(html);
    // No "<" at all: neither "</script" nor "<!--" (which would change how the script ends) can occur.
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/u);
    expect(JSON.parse(text)).toEqual(config);
    // The element closes where the head ends, and the page gained exactly one script element.
    expect(rest.startsWith('</head>')).toBe(true);
    expect(countOf(html, '<script')).toBe(countOf(builtHtml, '<script') + 1);
    expect(countOf(html, '</script')).toBe(countOf(builtHtml, '</script') + 1);
  });

  it('leaves the rest of the page as it was', () => {
    const html = renderHostPage(builtHtml, '/extension/preview-host/', configFor('Fabrikam'));
    const withoutInsertions = html
      .replace('<base href="/extension/preview-host/">', '')
      .replace(/<script type="application\/json" id="seika-preview-config">[^<]*<\/script>/u, '');
    expect(withoutInsertions).toBe(builtHtml);
  });

  it.each([
    { name: 'a plain head', head: '<head>' },
    { name: 'a head with attributes', head: '<head data-x="1">' },
    { name: 'an upper-case head', head: '<HEAD>' },
  ])('puts <base> first in $name, before every relative URL', ({ head }) => {
    const page = builtHtml.replace('<head>', head);
    const html = renderHostPage(page, '/seika/extension/preview-host/', configFor('Fabrikam'));
    expect(html).toContain(`${head}<base href="/seika/extension/preview-host/">`);
    expect(html.indexOf('<base ')).toBeLessThan(html.indexOf('./assets/'));
    expect(countOf(html, '<base ')).toBe(1);
  });

  it.each([
    {
      name: 'a quote',
      base: '/x"><script>alert(1)</script>/',
      attribute: '/x&quot;>&lt;script>alert(1)&lt;/script>/',
    },
    { name: 'an ampersand', base: '/a&b/', attribute: '/a&amp;b/' },
    { name: 'an entity-like text', base: '/a&quot;b/', attribute: '/a&amp;quot;b/' },
  ])('escapes $name in the asset base', ({ base, attribute }) => {
    const html = renderHostPage(builtHtml, base, configFor('Fabrikam'));
    expect(html).toContain(`<base href="${attribute}">`);
    expect(countOf(html, '<script')).toBe(countOf(builtHtml, '<script') + 1);
  });

  it.each([
    { name: 'no head at all', page: '<html><body></body></html>' },
    { name: 'an unclosed head', page: '<html><head><title>x</title><body></body></html>' },
    { name: 'only a <header>', page: '<html><body><header></header></body></html>' },
  ])('refuses a page with $name', ({ page }) => {
    expect(() => renderHostPage(page, '/extension/preview-host/', configFor('Fabrikam'))).toThrow(
      'The built preview host page has no <head> element.',
    );
  });

  it('works on the real host page template', () => {
    const template = readFileSync(
      new URL('../../../../extension/src/preview-host/preview-host.html', import.meta.url),
      'utf8',
    );
    const config = configFor('</script>Fabrikam');
    const html = renderHostPage(template, '/extension/preview-host/', config);
    expect(JSON.parse(configElementText(html).text)).toEqual(config);
    expect(html.indexOf('<base ')).toBeLessThan(html.indexOf('</head>'));
  });
});

describe('the host page reads back what the service wrote', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(hostileNames)('round-trips a project named with $name', ({ project }) => {
    const config = configFor(project, `${project} team`);
    const html = renderHostPage(builtHtml, '/extension/preview-host/', config);
    const { text } = configElementText(html);
    // A document that finds the element only under the id the service used.
    vi.stubGlobal('document', {
      getElementById: (id: string) => (id === previewConfigElementId ? { textContent: text } : null),
    });
    expect(readPageConfig()).toEqual({
      extensionBaseUri: config.extensionBaseUri,
      appTokenUrl: config.appTokenUrl,
      context: {
        organization: config.context.organization,
        project: config.context.project,
        team: config.context.team,
        user: config.context.user,
        theme: config.context.theme,
      },
    });
  });

  it('explains how to open the page when the config is missing', () => {
    vi.stubGlobal('document', { getElementById: () => null });
    expect(() => readPageConfig()).toThrow('This page must be opened through the Seika service');
  });
});
