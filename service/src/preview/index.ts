export { createPreviewRouter, type PreviewRouterOptions } from './createPreviewRouter.ts';
export type { PreviewHostContext, PreviewPageConfig } from './previewPageConfig.ts';
