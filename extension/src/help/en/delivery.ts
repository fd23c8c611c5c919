import type { HelpContent } from '../topics.ts';

/** Delivery (DORA) topics in English: the definitions DORA publishes, as Apache DevLake encodes them. */
export const deliveryHelp = {
  deploymentFrequency: {
    title: 'Deployment frequency',
    summary:
      'How often the team deploys to production: deployments per day and the median deployment days per week.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'A production deployment is a YAML environment deployment to an environment marked production, or a classic release deployment to a release environment marked production (by default: the name contains “prod”; project administrators set the mark in the delivery settings). Succeeded and succeeded-with-issues count.',
          'Deployment days per week: for each calendar week (Monday to Sunday) in the period, the number of days with at least one successful production deployment; Seika shows the median over the weeks.',
        ],
        example: ['Weeks with 3, 5 and 2 deployment days: the median (nearest rank) is 3 days per week.'],
      },
    ],
  },
  leadTimeForChanges: {
    title: 'Lead time for changes',
    summary: 'How long a change took from its first commit to the production deployment that delivered it.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'A change is a pull request merged into the deployed branch, or a commit that reached it without one. Its lead time runs from its first commit’s author time to the finish of the first successful production deployment of the pipeline that contained it.',
          'It is split into coding (first commit to pull request opened), review (opened to merged) and waiting for deployment (merged to deployed), and reported as the median and the 85th percentile.',
        ],
        example: [
          'First commit on day 1 at 10:00, pull request opened on day 2 at 09:00, merged on day 2 at 15:00, deployed on day 3 at 11:00: lead time 49 hours (coding 23, review 6, waiting 20).',
        ],
      },
    ],
  },
  changeFailureRate: {
    title: 'Change failure rate',
    summary: 'The share of production deployments that led to an incident.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'An incident is a work item matching the project’s incident rule (by default a Bug tagged “incident”). It is attributed, in this order: to the production deployment of a build or release its own links name (“Found in build”, “Integrated in build”, “Integrated in release environment”); else to the deployment its tag names (deployment:environment:250); else to the last successful production deployment that finished before it was created.',
          'Change failure rate = successful production deployments with at least one incident ÷ successful production deployments. Failed pipeline runs are not incidents: they are shown separately as the deployment failure rate.',
        ],
        example: ['20 successful production deployments, 2 of them followed by an incident: 10%.'],
      },
    ],
  },
  recoveryTime: {
    title: 'Failed deployment recovery time',
    summary: 'How long it took to recover from a deployment that caused an incident.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'For each attributed incident: the incident’s completion minus its deployment’s finish. Seika shows the median; time to restore (incident created to completed) is shown beside it.',
        ],
        example: [
          'Deployed 14:00, incident created 15:30, closed 18:00: recovery time 4 hours, time to restore 2.5 hours.',
        ],
      },
    ],
  },
  reworkRate: {
    title: 'Rework rate',
    summary: 'The share of production deployments made to fix production rather than to deliver new work.',
    sections: [
      {
        heading: 'How it is computed',
        body: [
          'Rework rate = successful production deployments whose changes are linked to an incident or a Bug ÷ successful production deployments.',
        ],
      },
    ],
  },
  referenceBands: {
    title: 'Reference bands',
    summary: 'DORA’s elite, high, medium and low bands, shown as context — never to rank teams.',
    sections: [
      {
        heading: 'How to use them',
        body: [
          'The bands come from DORA’s 2023 research as Apache DevLake encodes them. They describe the industry, not your team’s worth: a team improves against its own past, not against another team.',
          'Deployment days per week: elite 5 or more, high 1 or more, medium 1 or more a month. Lead time: elite under a day, high under a week, medium under a month. Change failure rate: elite 5% or less, high 10%, medium 15%. Recovery: elite under an hour, high under a day, medium under a week.',
        ],
      },
    ],
  },
} satisfies Partial<HelpContent>;
