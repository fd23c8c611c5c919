/**
 * Reads Azure DevOps theme colours at draw time. The host injects them as CSS custom properties:
 * --palette-* hold bare "r, g, b" triplets, the semantic ones (--text-primary-color…) full colours that
 * may themselves reference palette variables. Resolving through a probe element lets the browser do the
 * var() substitution, so every value comes back as a canvas-ready rgb()/rgba() string.
 */

let probe: HTMLElement | undefined;

function colorProbe(): HTMLElement {
  if (!probe || !probe.isConnected) {
    probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.display = 'none';
    document.body.appendChild(probe);
  }
  return probe;
}

/** Resolves any CSS colour expression (including var() references) to its computed rgb()/rgba() form. */
export function resolveCssColor(expression: string): string {
  const element = colorProbe();
  element.style.color = '';
  element.style.color = expression;
  return getComputedStyle(element).color;
}

/** A palette triplet variable as a colour, e.g. paletteColor('palette-primary', 0.6, '0, 120, 212'). */
export function paletteColor(variable: string, alpha: number, fallbackTriplet: string): string {
  return resolveCssColor(`rgba(var(--${variable}, ${fallbackTriplet}), ${alpha})`);
}

/** A semantic colour variable, e.g. semanticColor('text-primary-color', 'rgba(0, 0, 0, .9)'). */
export function semanticColor(variable: string, fallback: string): string {
  return resolveCssColor(`var(--${variable}, ${fallback})`);
}
