/**
 * Theme variables the preview host hands to hubs, as Azure DevOps does in the SDK handshake's themeData
 * (names without the leading "--"). azure-devops-ui ships no values for them, so the preview must.
 * --palette-* are bare "r, g, b" triplets; the semantic colours build on them.
 */
export type ThemeName = 'light' | 'dark';
export type ThemeData = Readonly<Record<string, string>>;

const semantic: ThemeData = {
  'background-color': 'rgba(var(--palette-neutral-0), 1)',
  'callout-background-color': 'rgba(var(--palette-neutral-0), 1)',
  'callout-filtered-background-color': 'rgba(var(--palette-neutral-2), 1)',
  'text-primary-color': 'rgba(var(--palette-neutral-100), .9)',
  'text-secondary-color': 'rgba(var(--palette-neutral-100), .55)',
  'text-disabled-color': 'rgba(var(--palette-neutral-100), .38)',
  'text-on-communication-background': 'rgba(255, 255, 255, 1)',
  'communication-background': 'rgba(var(--palette-primary), 1)',
  'focus-border-color': 'rgba(var(--palette-primary), 1)',
  'component-grid-row-hover-color': 'rgba(var(--palette-neutral-4), 1)',
  'component-grid-selected-row-color': 'rgba(var(--palette-primary-tint-40), 1)',
  'component-grid-focus-border-color': 'rgba(var(--palette-primary), 1)',
  'component-grid-cell-bottom-border-color': 'rgba(var(--palette-neutral-8), 1)',
  'component-grid-action-selected-cell-hover-color': 'rgba(var(--palette-primary-tint-30), 1)',
  'component-label-default-color': 'rgba(var(--palette-neutral-6), 1)',
  'component-label-default-color-hover': 'rgba(var(--palette-neutral-10), 1)',
  'splitter-border-color': 'rgba(var(--palette-neutral-8), 1)',
};

const light: ThemeData = {
  ...semantic,
  'palette-primary': '0, 120, 212',
  'palette-primary-darkened-6': '0, 103, 181',
  'palette-primary-darkened-10': '0, 91, 161',
  'palette-primary-shade-30': '0, 69, 120',
  'palette-primary-shade-20': '0, 90, 158',
  'palette-primary-shade-10': '16, 110, 190',
  'palette-primary-tint-10': '43, 136, 216',
  'palette-primary-tint-20': '199, 224, 244',
  'palette-primary-tint-30': '222, 236, 249',
  'palette-primary-tint-40': '239, 246, 252',
  'palette-neutral-100': '0, 0, 0',
  'palette-neutral-80': '51, 51, 51',
  'palette-neutral-70': '76, 76, 76',
  'palette-neutral-60': '102, 102, 102',
  'palette-neutral-30': '166, 166, 166',
  'palette-neutral-20': '200, 200, 200',
  'palette-neutral-10': '218, 218, 218',
  'palette-neutral-8': '234, 234, 234',
  'palette-neutral-6': '239, 239, 239',
  'palette-neutral-4': '244, 244, 244',
  'palette-neutral-2': '248, 248, 248',
  'palette-neutral-0': '255, 255, 255',
  'palette-error': 'rgba(232, 17, 35, 1)',
  'communication-foreground': 'rgba(0, 90, 158, 1)',
  'status-error-foreground': 'rgba(205, 74, 69, 1)',
  'status-error-background': 'rgba(250, 235, 235, 1)',
  'status-error-text': 'rgba(164, 38, 44, 1)',
  'status-warning-text': 'rgba(143, 87, 0, 1)',
  'status-warning-background': 'rgba(251, 242, 236, 1)',
  'status-success-foreground': 'rgba(16, 124, 16, 1)',
  'status-info-foreground': 'rgba(0, 120, 212, 1)',
  'callout-shadow-color': 'rgba(0, 0, 0, .132)',
  'callout-shadow-secondary-color': 'rgba(0, 0, 0, .108)',
};

const dark: ThemeData = {
  ...semantic,
  'palette-primary': '40, 153, 245',
  'palette-primary-darkened-6': '0, 125, 222',
  'palette-primary-darkened-10': '0, 113, 201',
  'palette-primary-shade-30': '140, 195, 245',
  'palette-primary-shade-20': '99, 173, 240',
  'palette-primary-shade-10': '69, 160, 240',
  'palette-primary-tint-10': '30, 110, 180',
  'palette-primary-tint-20': '20, 60, 100',
  'palette-primary-tint-30': '17, 48, 78',
  'palette-primary-tint-40': '14, 38, 60',
  'palette-neutral-100': '255, 255, 255',
  'palette-neutral-80': '214, 214, 214',
  'palette-neutral-70': '180, 180, 180',
  'palette-neutral-60': '155, 155, 155',
  'palette-neutral-30': '110, 110, 110',
  'palette-neutral-20': '85, 85, 85',
  'palette-neutral-10': '70, 70, 70',
  'palette-neutral-8': '60, 60, 60',
  'palette-neutral-6': '53, 53, 53',
  'palette-neutral-4': '47, 47, 47',
  'palette-neutral-2': '39, 39, 39',
  'palette-neutral-0': '30, 30, 30',
  'palette-error': 'rgba(241, 112, 123, 1)',
  'communication-foreground': 'rgba(99, 173, 240, 1)',
  'status-error-foreground': 'rgba(241, 112, 123, 1)',
  'status-error-background': 'rgba(68, 39, 38, 1)',
  'status-error-text': 'rgba(241, 112, 123, 1)',
  'status-warning-text': 'rgba(252, 225, 0, 1)',
  // Azure DevOps' dark theme defines it; without it MessageBar's light default leaves white text unreadable.
  'status-warning-background': 'rgba(67, 53, 25, 1)',
  'status-success-foreground': 'rgba(84, 176, 84, 1)',
  'status-info-foreground': 'rgba(99, 173, 240, 1)',
  'callout-shadow-color': 'rgba(0, 0, 0, .4)',
  'callout-shadow-secondary-color': 'rgba(0, 0, 0, .3)',
};

export const themes: Record<ThemeName, ThemeData> = { light, dark };

/** Applies a theme to the host page itself, the way the SDK applies it inside the hub frame. */
export function applyThemeToDocument(theme: ThemeData, target: HTMLElement): void {
  for (const [name, value] of Object.entries(theme)) {
    target.style.setProperty(`--${name}`, value);
  }
}
