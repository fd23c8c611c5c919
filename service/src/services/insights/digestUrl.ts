/**
 * Which incoming-webhook URLs a team's weekly digest may be posted to: https on Slack's and Microsoft
 * Teams' own hosts only, so the service never posts a team's findings to an arbitrary address (and cannot
 * be pointed at internal hosts). Tests and the demo add their loopback receiver's origin explicitly.
 */
import type { DigestKind } from '../../contract/insights/insights.ts';

/** A digest URL outside Slack's and Teams' webhook hosts; routers answer 422 naming `digest.url`. */
export class DigestUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestUrlError';
  }
}

const HOSTS: Record<DigestKind, (host: string) => boolean> = {
  slack: (host) => host === 'hooks.slack.com',
  teams: (host) => host.endsWith('.webhook.office.com') || host === 'outlook.office.com',
};

/** Why the URL is refused, or undefined when it may be used. */
export function digestUrlProblem(
  kind: DigestKind,
  text: string,
  allowedOrigins: readonly string[] = [],
): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (allowedOrigins.includes(url.origin)) return undefined;
  if (url.protocol !== 'https:') return 'must use https';
  if (url.port !== '') return 'must use the default https port';
  const host = url.hostname.toLowerCase();
  if (!HOSTS[kind](host)) {
    return kind === 'slack'
      ? 'must be a Slack incoming webhook (https://hooks.slack.com/…)'
      : 'must be a Microsoft Teams incoming webhook (https://….webhook.office.com/… or https://outlook.office.com/…)';
  }
  if (url.pathname.length <= 1) return 'must name the webhook';
  return undefined;
}

/** The URL as it may be shown again: origin and the path's last four characters, the rest hidden. */
export function maskDigestUrl(text: string): string {
  const url = new URL(text);
  const path = url.pathname;
  return `${url.origin}/…${path.length > 4 ? path.slice(-4) : ''}`;
}
