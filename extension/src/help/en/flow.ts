import type { HelpContent } from '../topics.ts';

/** Flow topics in English: the definitions of the metric definitions, with worked examples. */
export const flowHelp = {
  cycleTime: {
    title: 'Cycle time',
    summary: 'How many calendar days an item took from its start to its completion, counting both days.',
    sections: [
      {
        heading: 'What it means',
        body: [
          'Cycle time tells a team how long work takes once it has started. It is the figure a customer feels: “once you begin, when will it be done?”.',
          'Seika measures it per work item and shows the spread, not an average: the percentile lines say “85% of our items finished within N days”.',
        ],
      },
      {
        heading: 'How it is computed',
        body: [
          'Start is the first time the item enters a state whose category is In Progress or Resolved (or the state or board column your team chose in its settings). Completion is the last time it enters a Completed state, if it is still completed at the end of the period.',
          'Cycle time = completion day − start day + 1, in the team’s time zone. An item started and finished on the same day has a cycle time of 1. Weekends and holidays count: customers wait through them too.',
          'Items completed without ever starting have no cycle time. They count in throughput and are flagged “skipped start” in Data quality.',
          'Percentiles use the nearest-rank method: P(p) is the value at position ceil(p/100 × n) of the sorted cycle times.',
        ],
        example: [
          'An item becomes Active on 2 June and Closed on 5 June (Tokyo time).',
          'Cycle time = 5 − 2 + 1 = 4 days.',
          'With 20 items finished, the 85th percentile is the value at position ceil(0.85 × 20) = 17 of the sorted list.',
        ],
      },
    ],
  },
  leadTime: {
    title: 'Lead time',
    summary: 'How many calendar days an item took from its creation to its completion, counting both days.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'Lead time = completion day − creation day + 1, where creation is System.CreatedDate. It includes the time an item waited in the backlog before anyone started it.',
          'Compare it with cycle time: a large gap means work waits long before it starts, which planning can change more easily than delivery.',
        ],
        example: [
          'Created on 21 May, Closed on 5 June: lead time = 16 days; if it started on 2 June, its cycle time is 4 days.',
        ],
      },
    ],
  },
  throughput: {
    title: 'Throughput',
    summary: 'How many items the team finished per day, week or sprint.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'Throughput on a day is the number of the team’s items whose completion falls on that day. Weekly and per-sprint throughput add up the days; days with no completion count as zero.',
          'Throughput counts items, not story points: an item count cannot be inflated by re-estimating.',
        ],
        example: [
          'Completions on Mon 2, Tue 0, Wed 3, Thu 1, Fri 2: the week’s throughput is 8, and the daily history used by forecasts is 2, 0, 3, 1, 2 (plus the weekend’s zeros).',
        ],
      },
    ],
  },
  wip: {
    title: 'Work in progress and arrivals',
    summary: 'How many items were in progress at the end of each day, and how many started.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'WIP on a day is the number of the team’s items whose state category at the end of that day is In Progress or Resolved. Arrivals on a day are the items that started on it.',
          'Little’s Law ties them together in a stable system: average cycle time ≈ average WIP ÷ average throughput. When WIP grows while throughput stays flat, cycle times will grow.',
        ],
        example: [
          'An average of 12 items in progress and 2 finished a day gives an expected average cycle time of 12 ÷ 2 = 6 days.',
        ],
      },
    ],
  },
  aging: {
    title: 'Aging work in progress',
    summary: 'How old each item in progress is, against how long finished items took.',
    sections: [
      {
        heading: 'What it means',
        body: [
          'Work item age is the best early warning a team has: an item that is already older than most finished items will probably finish late. The stand-up can act on it today.',
          'Each dot is an item in progress, placed in its board column at its age. The bands show the cycle-time percentiles of items finished in the lookback window (90 days by default).',
        ],
      },
      {
        heading: 'How it is computed',
        body: [
          'Age on a day = that day − start day + 1. “Pace” is the highest percentile line the item’s age has passed: an item past the 85th percentile is already slower than 85% of finished items.',
        ],
        example: [
          'Finished items had 50th/70th/85th percentiles of 3, 5 and 8 days. An item started 9 days ago (age 10 today) is past the 85th percentile: its pace is “85th”.',
        ],
      },
    ],
  },
  serviceLevel: {
    title: 'Service level expectation (SLE)',
    summary: '“p% of items finish within N days”, taken from the team’s own cycle times.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'N is the p-th percentile (85th by default) of the cycle times of items finished in the lookback window. It is what the team can honestly promise a customer for a typical item.',
          'A reasonable SLE is shorter than the team’s sprint; if it is longer, items are too large to finish within a sprint and Seika suggests splitting them.',
        ],
        example: [
          '40 items finished in 90 days; the 34th shortest cycle time (ceil(0.85 × 40) = 34) is 8 days: “85% of items finish within 8 days”.',
        ],
      },
    ],
  },
  cumulativeFlow: {
    title: 'Cumulative flow',
    summary:
      'How many items were in each state, column or category at the end of each day, stacked in workflow order.',
    sections: [
      {
        heading: 'How to read it',
        body: [
          'Each band is a state (or board column, or category), stacked Proposed → In Progress → Resolved → Completed. The vertical distance between the top of “in progress” and the top of “completed” is WIP; the horizontal distance is roughly how long items take.',
          'Bands that widen mean items arrive faster than they leave. Flat bands mean nothing moved.',
        ],
      },
    ],
  },
  flowEfficiency: {
    title: 'Flow efficiency',
    summary: 'The share of an item’s elapsed time spent in active states rather than waiting.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'Flow efficiency = time in active states ÷ (time in active states + time in waiting states). Your team chooses its waiting states (for example “Ready for test”) in the team settings; without them the figure is not shown.',
        ],
        example: [
          'An item spent 2 days in Active, 3 days in “Ready for test” (waiting) and 1 day in Testing: 3 ÷ (3 + 3) = 50%.',
        ],
      },
    ],
  },
  dataQuality: {
    title: 'Data quality',
    summary: 'Items whose history would distort the figures, with the reason and how Seika treats them.',
    sections: [
      {
        heading: 'The flags',
        body: [
          'Skipped start: completed without ever entering an in-progress state; counted in throughput, left out of cycle time.',
          'Reopened: completed, then moved back; measured to its final completion.',
          'Backward move: moved to an earlier category. More than one start: left and re-entered progress; the first start counts. State not in any category: the process’s state map lacks the state.',
          'Fixing the workflow (for example, moving items through an in-progress state) fixes the figures from the next sync on.',
        ],
      },
    ],
  },
  forecasts: {
    title: 'Forecasts (Monte Carlo)',
    summary:
      'How many items by a date, or when N items will be done, with the odds, from the team’s own throughput.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'Seika replays the team’s past: for every future day it draws one day at random from the last 30 days of throughput (zero days included) and adds them up. It does that 10,000 times with a seeded generator, so the same question always gets the same answer.',
          '“How many by date D at 85%” is the number that 85% of the trials reach or exceed. “When will N be done at 85%” is the date by which 85% of the trials have finished N.',
          'The answer is as good as the history is representative: a change of team or of item size makes the past less useful.',
        ],
        example: [
          'History: 2, 0, 3, 1, 2 items a day. A trial for 3 days might draw 3, 0, 2 = 5 items. After 10,000 trials, if 8,500 of them reached at least 4 items, the 85% answer is 4.',
        ],
      },
    ],
  },
} satisfies Partial<HelpContent>;
