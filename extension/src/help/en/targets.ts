import type { HelpContent } from '../topics.ts';

/** Targets, probabilities and insights in English. */
export const targetsHelp = {
  targets: {
    title: 'Sprint outcome targets',
    summary: 'What a team agrees the sprint should achieve, judged by outcomes, never by watching people.',
    sections: [
      {
        heading: 'What a lead can set',
        body: [
          'The sprint goal in words (スプリントゴール) and the work items that deliver it, plus any of: goal items done; at least N items finished; p% of items finished within D days; no item older than D days at sprint end; a WIP ceiling; and, where delivery data exists, deployment days per week, change failure rate, lead time for changes and recovery time.',
          'Targets are stored per team and per sprint, never shared between teams or sprints. Suggested values come from the team’s last six sprints, with how often each would have been met.',
        ],
      },
      {
        heading: 'What Seika refuses, and why',
        body: [
          'Targets per person, hours worked, attendance or online presence, counts of commits or comments, and story points. They measure people or activity, not outcomes, and they invite surveillance and gaming.',
        ],
      },
      {
        heading: 'Scope and removed items',
        body: [
          'The sprint’s scope is frozen when it starts (the baseline). Later changes are classed as planned, added, carried over or carried over twice; removed items stay listed and in every denominator, so taking work out cannot make a target look met.',
        ],
      },
      {
        heading: 'The review',
        body: [
          'At the end, each target is met or missed with the figures behind it; the team records a reason per miss, and a Keep / Problem / Try outline is pre-filled from the data. The review exports to Markdown for the team’s wiki.',
        ],
      },
    ],
  },
  probabilities: {
    title: 'How the odds are computed',
    summary:
      'The chance of meeting each target by the sprint’s end, from the team’s own history, recomputed daily.',
    sections: [
      {
        heading: 'Method',
        body: [
          'Seika replays randomly chosen past working days of the team over the sprint’s remaining working days, thousands of times, and counts how often the target is met. Item-age targets use each open item’s chance to finish in time given how old it already is.',
          'Working days follow the team’s working days in Azure DevOps, its days off, the national holidays of its calendar (Japan or none) and the company holidays an administrator adds (for example 29 December to 3 January).',
          'Each day’s answer is seeded by team, sprint and day, so it does not change when you reload. Figures over fewer than 5 items carry the note “too few to judge”.',
        ],
        example: [
          '3 working days left, 4 more items needed, past working days finished 0, 1, 2 or 3 items: if 6,200 of 10,000 replays reach 4, the probability is 62%.',
        ],
      },
      {
        heading: 'Calibration',
        body: [
          'Seika reports its own track record: of the targets it gave about an 85% chance, how many were met. A well-calibrated 85% is met about 85 times in 100.',
        ],
      },
    ],
  },
  insights: {
    title: 'Improvement insights (改善施策)',
    summary:
      'At most three suggestions a week for the team, each with its evidence, an experiment and how you will know.',
    sections: [
      {
        heading: 'What they are based on',
        body: [
          'Each rule names its source: work item age and service levels (the Kanban Guide, Vacanti), Little’s Law and cumulative flow reading, sprint scope and carry-over research, and the DORA research programme for delivery. Change failure and recovery rules use real incidents only, never failed pipeline runs.',
          'A rule needs at least 5 items before it judges. Insights are addressed to the team, never to a person.',
        ],
      },
      {
        heading: 'Acting on them',
        body: [
          'Acknowledge, dismiss with a reason, or turn an insight into an experiment linked to a sprint target. An experiment is judged with a process behaviour chart: a signal beyond the natural limits of the team’s own variation, not a comparison of two averages.',
          'Before switching a rule on, the preview shows when it would have fired in the last 90 days.',
        ],
      },
    ],
  },
} satisfies Partial<HelpContent>;
