import { $plan, setPlanField } from '~/state/plan';
import { $planner, EMPTY_PLANNER, updatePlanner, type PlannerState } from '~/state/planner';
import { planDates, rangeText, type PlannerResult } from '~/plan/schedule';
import { plannerInput } from '~/plan/planner-input';
import { NOT_PLANNED_YET, zoneNote } from '~/plan/planner-text';
import { MILESTONES } from '~/plan/milestone-names';
import { stripCitations } from '~/sources/citations';
import type { StageInfo } from '~/plan/calendar-events';
import { timingProblems } from '~/plan/day-timing';
import { browserTimeZone, formatDay } from '~/text/time';
import { watchStorage } from '../storage-watch';
// Text only, never parsed as HTML, so nothing typed can become markup.
import { el as cell } from '../record/host';

/** The planner's inputs that are kept in its state, by form field name. */
const TEXT_FIELDS = ['startDate', 'validationCount', 'prepDays', 'holidays', 'dayStart', 'dayHours'] as const;


/** A date cell: one date, or the earliest and latest it can fall on. */
function date(range: Parameters<typeof rangeText>[0]): HTMLTableCellElement {
	const td = cell('td', rangeText(range, formatDay));
	td.className = 'planner-date';
	return td;
}

/** Wires the planner (Planner.astro): saves what is typed, shows the dates, and downloads the calendar. */
class PlanPlanner extends HTMLElement {
	private stops: (() => void)[] = [];
	private stages: StageInfo[] = [];
	private result: PlannerResult | undefined;

	ref<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.querySelector(`[data-ref="${name}"]`) as T;
	}

	connectedCallback() {
		this.stages = JSON.parse(this.dataset.stages ?? '[]') as StageInfo[];
		const form = this.ref<HTMLFormElement>('form');
		const zone = browserTimeZone();
		this.ref('zone').textContent = zoneNote(zone);
		form.addEventListener('submit', (event) => event.preventDefault());
		form.addEventListener('input', (event) => this.save(event.target as HTMLInputElement));
		form.addEventListener('change', (event) => this.save(event.target as HTMLInputElement));
		this.ref('download').addEventListener('click', () => void this.download());
		this.stops = [watchStorage(this.ref('storage')), $planner.subscribe(() => this.show()), $plan.subscribe(() => this.show())];
		this.dataset.ready = '';
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}

	/** Keeps one changed input: the target date in the upgrade plan, the rest in the planner's state. */
	private save(input: HTMLInputElement) {
		if (input.name === 'upgradeDate') return setPlanField('upgradeDate', input.value);
		if (input.name === 'anchor') return void updatePlanner({ anchor: input.value === 'start' ? 'start' : 'upgrade' });
		if (input.name === 'validationUnit') return void updatePlanner({ validationUnit: input.value === 'weeks' ? 'weeks' : 'months' });
		if ((TEXT_FIELDS as readonly string[]).includes(input.name)) updatePlanner({ [input.name]: input.value });
	}

	/** The state shown: what was saved, or the empty planner. */
	private state(): PlannerState {
		return $planner.get() ?? EMPTY_PLANNER;
	}

	/** Puts the saved values in the form (leaving the field being typed in alone) and the dates on the page. */
	private show() {
		const state = this.state();
		const upgradeDate = $plan.get().upgradeDate;
		const form = this.ref<HTMLFormElement>('form');
		const set = (name: string, value: string) => {
			const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
			if (input && document.activeElement !== input && input.value !== value) input.value = value;
		};
		set('upgradeDate', upgradeDate);
		for (const name of TEXT_FIELDS) set(name, state[name]);
		set('validationUnit', state.validationUnit);
		for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="anchor"]')) radio.checked = radio.value === state.anchor;
		this.ref('upgrade-field').hidden = state.anchor !== 'upgrade';
		this.ref('start-field').hidden = state.anchor !== 'start';

		this.result = planDates(plannerInput(state, upgradeDate));
		const problems = this.ref('problems');
		const result = this.ref('result');
		if (!this.result.ok) {
			const list = document.createElement('ul');
			list.append(...this.result.problems.map((problem) => cell('li', problem)));
			problems.replaceChildren(cell('p', NOT_PLANNED_YET), list);
			result.hidden = true;
			return;
		}
		// A wrong start time or length leaves the dates standing: only the calendar's timed event waits for it.
		const timing = timingProblems({ start: state.dayStart, hours: state.dayHours });
		problems.replaceChildren(...timing.map((problem) => cell('p', problem)));
		result.hidden = false;
		const title = (id: string) => this.stages.find((stage) => stage.id === id);
		this.ref('stages').replaceChildren(
			...this.result.stages.map((window) => {
				const row = document.createElement('tr');
				const head = cell('th', title(window.stage)?.title ?? window.stage);
				head.scope = 'row';
				head.append(' ', cell('span', `steps ${title(window.stage)?.steps ?? ''}`));
				row.append(head, date(window.first), date(window.last));
				return row;
			}),
		);
		this.ref('milestones').replaceChildren(
			...this.result.milestones.map((milestone) => {
				const row = document.createElement('tr');
				row.dataset.milestone = milestone.id;
				const head = cell('th', MILESTONES[milestone.id].name);
				head.scope = 'row';
				const basis = document.createElement('td');
				const template = this.querySelector<HTMLTemplateElement>(`template[data-basis="${milestone.id}"]`);
				basis.append(template ? template.content.cloneNode(true) : stripCitations(MILESTONES[milestone.id].basis));
				row.append(head, date(milestone.at), basis);
				return row;
			}),
		);
		this.ref('notes').replaceChildren(...this.result.notes.map((note) => cell('li', note)));
		const day = this.result.milestones.find((m) => m.id === 'upgrade-day')!.at;
		this.ref('calendar-about').textContent =
			day.earliest === day.latest
				? 'The stage windows and milestones as all-day events; the upgrade day as a timed event when its start and hours are entered. After a change, download again: a calendar that matches events by their identity updates those it already has.'
				: 'The stage windows and milestones as all-day events. Plan from a target date to get the upgrade day as a timed event. After a change, download again: a calendar that matches events by their identity updates those it already has.';
	}

	/** Writes the calendar file of the plan on screen; its code loads on first use. */
	private async download() {
		const status = this.ref('download-status');
		if (!this.result?.ok) return;
		try {
			const { downloadCalendar } = await import('./calendar-download');
			const outcome = downloadCalendar(this.result, this.stages, this.state(), $plan.get().site);
			status.textContent = outcome;
		} catch {
			status.textContent = 'The calendar file could not be made. Reload the page and try again.';
		}
	}
}

customElements.define('plan-planner', PlanPlanner);
