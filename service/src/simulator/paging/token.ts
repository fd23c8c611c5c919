/**
 * Continuation tokens for reporting revisions. The service's tokens look like `813;350;1`
 * (watermark;id;rev, per the official examples); clients must treat them as opaque, and so do we:
 * only the leading watermark is used to resume.
 */
export interface RevisionPosition {
  readonly watermark: number;
  readonly id: number;
  readonly rev: number;
}

export function encodeContinuationToken(position: RevisionPosition): string {
  return `${position.watermark};${position.id};${position.rev}`;
}

/** The watermark to resume after, or undefined for a token this service did not issue. */
export function decodeContinuationToken(token: string): number | undefined {
  const match = /^(\d{1,15})(;\d{1,15};\d{1,15})?$/.exec(token.trim());
  const watermark = match?.[1];
  return watermark === undefined ? undefined : Number(watermark);
}
