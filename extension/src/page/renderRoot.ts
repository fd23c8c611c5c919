import 'azure-devops-ui/Core/override.css';
import './root.css';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Mounts a page's root component into #root. No <StrictMode>: azure-devops-ui's Observer drops its
 * subscription on StrictMode's simulated remount (see shared notes, extension platform §4).
 */
export function renderRoot(element: ReactElement): void {
  const container = document.getElementById('root');
  if (!container) {
    throw new Error('The page has no #root element to render into.');
  }
  createRoot(container).render(element);
}
