/**
 * Changes of the living organization, for service hooks. Nothing listens while the history is
 * generated, so only what happens after the simulator starts is delivered.
 */
export type OrganizationEvent =
  | { readonly kind: 'workitem.created' | 'workitem.updated' | 'workitem.deleted'; readonly revision: number }
  | { readonly kind: 'build.complete'; readonly build: number }
  | { readonly kind: 'run.state'; readonly build: number }
  | { readonly kind: 'stage.state'; readonly build: number; readonly stage: number }
  | { readonly kind: 'release.deployment.completed'; readonly deployment: number }
  | { readonly kind: 'git.pullrequest.merged'; readonly pullRequest: number };

export type OrganizationListener = (event: OrganizationEvent, at: number) => void;

export class EventBus {
  private readonly listeners: OrganizationListener[] = [];

  listen(listener: OrganizationListener): void {
    this.listeners.push(listener);
  }

  emit(event: OrganizationEvent, at: number): void {
    for (const listener of this.listeners) listener(event, at);
  }
}
