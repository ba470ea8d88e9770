import type { Milestone } from './schedule';

/** What each milestone is called, and on what its date rests (citing its source where the plan does not say it), for the table and the calendar. */
export const MILESTONES: Record<Milestone['id'], { name: string; basis: string }> = {
	'val-request': { name: 'VAL request raised', basis: 'Step 5, within Preparation: the plan sets no day inside the stage.' },
	'val-available': { name: 'VAL available', basis: 'Step 7: access confirmed by the end of Preparation, so that validation can start.' },
	'validation-complete': { name: 'Validation complete', basis: 'Step 12, on the last working day of Validation.' },
	'prod-request': { name: 'PROD request raised', basis: 'Step 13, on the first working day of Prep for Upgrade.' },
	'slot-confirmed': { name: 'Slot confirmed', basis: 'Step 16, by the last working day of Prep for Upgrade.' },
	'upgrade-day': { name: 'Upgrade day', basis: 'Steps 17 to 28, on the working day after Prep for Upgrade.' },
	'val-closed': { name: 'VAL expected to be closed', basis: 'Two weeks after a successful PROD upgrade, as IQVIA’s page on VAL environments says.[^src=creating-val-environments]' },
};
