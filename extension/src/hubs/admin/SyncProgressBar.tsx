import { progressPercent } from './syncDisplay.ts';

interface SyncProgressBarProps {
  /** 0..1, or null when the service cannot estimate it. */
  progress: number | null;
  /** Animate an unknown progress (the stream is working); otherwise an unknown progress is an empty track. */
  working: boolean;
  label: string;
  estimatingText: string;
}

/** A stream's progress: a bar plus its percentage; indeterminate (animated) while working without an estimate. */
export function SyncProgressBar({ progress, working, label, estimatingText }: SyncProgressBarProps) {
  const percent = progressPercent(progress);
  const indeterminate = percent === null && working;
  return (
    <div className="seika-progress flex-row flex-center">
      <div
        className={`seika-progress-track${indeterminate ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? estimatingText : `${percent}%`}
        data-progress={percent ?? ''}
      >
        <div
          className="seika-progress-fill"
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <span className="seika-progress-text secondary-text">
        {percent === null ? (working ? estimatingText : '') : `${percent}%`}
      </span>
    </div>
  );
}
