/**
 * Import rules, checked by `npm run lint:imports` (part of `npm run lint`):
 * no import cycles, the service's layers only import downwards, the hubs reach the service only through
 * its shared contract, and nothing imports from outside the checkout.
 * Layers of service/src, top to bottom: app (and main.ts) → api → services → sync → metrics, storage →
 * contract, domain. ado/, security/ and logger.ts serve every layer above domain; the simulator stands in
 * for Azure DevOps and imports nothing of the product.
 */
const layer = (name) => `^service/src/${name}/`;
const above = {
  domain: [
    'contract',
    'metrics',
    'storage',
    'sync',
    'services',
    'api',
    'app',
    'ado',
    'security',
    'simulator',
    'preview',
  ],
  contract: [
    'metrics',
    'storage',
    'sync',
    'services',
    'api',
    'app',
    'ado',
    'security',
    'simulator',
    'preview',
  ],
  metrics: ['storage', 'sync', 'services', 'api', 'app', 'ado', 'security', 'simulator', 'preview'],
  storage: ['sync', 'services', 'api', 'app', 'ado', 'simulator', 'preview'],
  sync: ['services', 'api', 'app', 'simulator', 'preview'],
  services: ['api', 'app', 'simulator', 'preview'],
  api: ['app', 'simulator', 'preview'],
  ado: ['storage', 'sync', 'services', 'api', 'app', 'simulator', 'preview'],
  security: ['storage', 'sync', 'services', 'api', 'app', 'simulator', 'preview'],
  simulator: [
    'contract',
    'metrics',
    'storage',
    'sync',
    'services',
    'api',
    'app',
    'ado',
    'security',
    'preview',
  ],
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import one another in a ring: move what they share into a module of its own.',
      severity: 'error',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
    ...Object.entries(above).map(([from, forbidden]) => ({
      name: `layer-${from}`,
      comment: `service/src/${from} must not import from the layers above it or beside it: ${forbidden.join(', ')}.`,
      severity: 'error',
      from: { path: layer(from) },
      to: { path: `^service/src/(${forbidden.join('|')})/` },
    })),
    {
      name: 'service-not-to-extension-or-tests',
      severity: 'error',
      from: { path: '^service/src/' },
      to: { path: '^(extension|tests|bench)/' },
    },
    {
      name: 'hubs-through-contract',
      comment: 'The hubs reach the service only through its shared contract (types and schemas).',
      severity: 'error',
      from: { path: '^extension/src/' },
      to: { path: '^service/src/', pathNot: '^service/src/contract/' },
    },
    {
      name: 'inside-the-checkout',
      comment: 'A checkout stands alone: nothing imports a file outside it.',
      severity: 'error',
      from: {},
      to: { path: '^\\.\\./' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out|data|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tests/tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
