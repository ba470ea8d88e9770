import { presetMeaning } from '~/checklist/meaning-preset';
import { formatDuration } from '~/day/duration';
import type { DayStep } from '~/day/model';
import { runState, type RunState } from '~/day/run-state';
import { recordsAsReported, reportingSide } from '~/day/sides';
import { dayTiming, type DayTiming } from '~/day/timing';
import type { Side } from '~/process/schema';
import type { StepEvent } from '~/state/events';
import { $planned, type PlannedTime } from '~/state/planned';
import { $signer, setSignerName, setSignerRole } from '~/state/signer';
import { $signoffs } from '~/state/signoffs';
import { formatTime, isoUtc } from '~/text/time';
import { ref, watchStorage } from '../checklist/dom';

const json = <T,>(text: string | undefined): T => JSON.parse(text ?? 'null') as T;

/** What the actions, loaded on first use, read of the run sheet. */
export interface RunSheetHost extends HTMLElement {
	steps: DayStep[];
	numbers: { stop: number; backup: number; decision: number };
	planned: Record<string, PlannedTime | undefined>;
	state?: RunState;
	roleName(id: string): string;
	signerSide(): Side | undefined;
}

/** Wires the run sheet (RunSheet.astro) to the stored events, the planned times and the signer; re-renders on each change and each minute. */
class RunSheet extends HTMLElement implements RunSheetHost {
	steps: DayStep[] = [];
	private roleNames: Record<string, string> = {};
	private roleSides: Record<string, Side> = {};
	/** The sides' names as sentences give them (SIDE_NAMES, written into the page so this script does without the module). */
	private sideNames: Record<string, string> = {};
	numbers = { stop: 0, backup: 0, decision: 0 };
	private events: readonly StepEvent[] = [];
	planned: Record<string, PlannedTime | undefined> = {};
	state?: RunState;
	private shownStep?: string;
	private stops: (() => void)[] = [];
	private timer = 0;
	private minute = -1;

	connectedCallback() {
		this.steps = json(this.dataset.steps);
		this.roleNames = json(this.dataset.roleNames);
		this.roleSides = json(this.dataset.roleSides);
		this.sideNames = json(this.dataset.sideNames);
		this.numbers = json(this.dataset.numbers);
		const name = ref<HTMLInputElement>(this, 'name');
		const role = ref<HTMLSelectElement>(this, 'role');
		name.addEventListener('input', () => setSignerName(name.value));
		role.addEventListener('change', () => setSignerRole(role.value));
		ref(this, 'start').addEventListener('click', () => this.act('start'));
		ref(this, 'done').addEventListener('click', () => this.act('done'));
		ref(this, 'decide').addEventListener('click', () => this.act('decide'));
		ref(this, 'copy').addEventListener('click', () => void import('./run-actions').then((actions) => actions.copy(this)));
		// The draft must be saved before the link is followed, so the link waits for it.
		const ticket = ref<HTMLAnchorElement>(this, 'ticket');
		ticket.addEventListener('click', (event) => {
			event.preventDefault();
			void import('./run-actions').then((actions) => actions.fillTicket(this)).finally(() => location.assign(ticket.href));
		});
		for (const input of this.querySelectorAll<HTMLInputElement>('input[data-ref="planned"]')) {
			input.addEventListener('change', () => void import('./run-actions').then((actions) => actions.plan(this, input)));
		}
		this.stops = [
			watchStorage(ref(this, 'storage')),
			$signer.subscribe((signer) => {
				if (document.activeElement !== name) name.value = signer.name;
				role.value = signer.role;
				this.render();
			}),
			$signoffs.subscribe((events) => {
				this.events = events;
				this.render();
			}),
			$planned.subscribe((planned) => {
				this.planned = planned;
				this.render();
			}),
		];
		// The clocks move each minute; checking more often keeps them on the minute without drifting.
		this.timer = window.setInterval(() => {
			if (new Date().getMinutes() !== this.minute) this.render();
		}, 10_000);
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
		clearInterval(this.timer);
	}

	roleName = (id: string) => this.roleNames[id] ?? id;
	signerSide = (): Side | undefined => this.roleSides[$signer.get().role];

	/** Runs an action, loaded on first use, showing what went wrong next to the current step rather than losing it. */
	private act(what: 'start' | 'done' | 'decide') {
		const error = ref(this, 'error');
		error.textContent = '';
		void import('./run-actions').then(
			(actions) => {
				try {
					actions[what](this);
				} catch (problem) {
					error.textContent = problem instanceof Error ? problem.message : String(problem);
				}
			},
			() => (error.textContent = 'Not recorded: reload the page and try again.'),
		);
	}

	private render() {
		if (!this.steps.length) return;
		const now = isoUtc();
		this.minute = new Date().getMinutes();
		const state = (this.state = runState(this.steps, this.events));
		const timing = dayTiming(state, this.planned, now);
		this.renderClocks(timing);
		this.renderCurrent(state, timing);
		this.renderList(state, timing);
	}

	private renderClocks(timing: DayTiming) {
		ref(this, 'elapsed').textContent = timing.elapsed === undefined ? 'not started' : formatDuration(timing.elapsed);
		ref(this, 'since-stop').textContent = timing.sinceStop === undefined ? 'not yet' : formatDuration(timing.sinceStop);
		const ended = timing.endedAt !== undefined && timing.expectedEnd === timing.endedAt;
		ref(this, 'end-label').textContent = ended ? 'Ended' : 'Expected end';
		ref(this, 'end').textContent = timing.expectedEnd
			? formatTime(timing.expectedEnd)
			: timing.unplanned.length
				? 'not known: a step has no planned time'
				: 'not known: no planned time for the revert';
	}

	private renderCurrent(state: RunState, timing: DayTiming) {
		const run = state.current;
		const panel = ref(this, 'current');
		const revert = ref(this, 'revert');
		const noGo = !run && state.outcome === 'no-go';
		revert.hidden = !noGo;
		const decision = state.decision;
		if (noGo && decision) {
			void import('../checklist/event-line').then(({ when, whoSigned }) =>
				ref(this, 'decided').replaceChildren('Decided ', when(decision.at), ` by ${whoSigned(decision)}. Reason: ${decision.reason}.`, timing.revert ? ` Planned for the revert: ${formatDuration(timing.revert)}.` : ''),
			);
		}
		ref(this, 'ticket-line').hidden = !state.decision;
		panel.hidden = noGo;
		ref(this, 'actions').hidden = !run;
		if (!run) {
			ref(this, 'number').textContent = '';
			ref(this, 'title').textContent = 'Every step of the day is closed';
			for (const name of ['who', 'what', 'state']) ref(this, name).textContent = '';
			ref(this, 'warns-box').hidden = true;
			ref(this, 'over').hidden = true;
			ref(this, 'decision').hidden = true;
			return;
		}
		const { step } = run;
		const isDecision = step.number === this.numbers.decision;
		ref(this, 'number').textContent = `Step ${step.number}`;
		ref(this, 'title').textContent = step.title;
		ref(this, 'who').textContent = step.roles.map(this.roleName).join(', ');
		ref(this, 'what').textContent = step.activity;
		if (this.shownStep !== step.id) {
			// The plan's notes for the step, as the list below shows them.
			const notes = this.querySelector(`li[data-step-id="${step.id}"] [data-ref="notes"]`);
			ref(this, 'warns').replaceChildren(...(notes ? [notes.cloneNode(true)] : []));
			ref(this, 'warns-box').hidden = !notes;
			ref<HTMLSelectElement>(this, 'meaning').value = presetMeaning($signer.get().role, step.roles);
			this.shownStep = step.id;
		}
		const stepTiming = timing.steps.find((t) => t.run === run);
		const started = run.startedAt ? `Started ${formatTime(run.startedAt)}` : 'Not started yet';
		const against = stepTiming?.actual !== undefined ? `; ${formatDuration(stepTiming.actual)} so far${stepTiming.planned !== undefined ? ` of ${formatDuration(stepTiming.planned)} planned` : ''}` : '';
		ref(this, 'state').textContent = `${started}${against}.`;
		const over = ref(this, 'over');
		over.hidden = !stepTiming?.over;
		over.textContent = stepTiming?.over ? `Step ${step.number} has run past its planned time (${formatDuration(stepTiming.planned!)}) by ${formatDuration(stepTiming.actual! - stepTiming.planned!)}.` : '';

		const reported = recordsAsReported(step, this.signerSide());
		// The other side starts its own steps: this browser records only their report.
		ref(this, 'start').hidden = run.status === 'running' || reported;
		ref(this, 'meaning-field').hidden = reported;
		ref(this, 'reported-field').hidden = !reported;
		const done = ref(this, 'done');
		done.hidden = isDecision;
		done.textContent = reported ? `Done, as ${this.sideNames[reportingSide(step)]} reported it` : 'Done';
		ref(this, 'decision').hidden = !isDecision;
	}

	private renderList(state: RunState, timing: DayTiming) {
		for (const t of timing.steps) {
			const li = this.querySelector<HTMLElement>(`li[data-step-id="${t.run.step.id}"]`);
			if (!li) continue;
			const isCurrent = t.run === state.current;
			li.dataset.status = t.run.status;
			if (isCurrent) li.setAttribute('aria-current', 'step');
			else li.removeAttribute('aria-current');
			const signed = t.run.standing.filter((event) => event.kind === 'signed');
			ref(li, 'status').textContent =
				t.run.status === 'done'
					? `done ${formatTime(t.run.doneAt!)}${signed.some((event) => event.reported) ? ' (reported)' : ''}`
					: t.run.status === 'not-applicable'
						? 'not applicable'
						: t.run.status === 'running'
							? 'running'
							: isCurrent
								? 'next'
								: 'open';
			const input = ref<HTMLInputElement>(li, 'planned');
			if (document.activeElement !== input && input.getAttribute('aria-invalid') !== 'true') input.value = t.planned === undefined ? '' : formatDuration(t.planned);
			ref(li, 'actual').textContent =
				t.actual === undefined ? '' : `${t.run.status === 'done' ? 'took' : 'so far'} ${formatDuration(t.actual)}${t.over ? ', past its planned time' : ''}`;
			li.toggleAttribute('data-over', t.over);
		}
		const revert = this.querySelector<HTMLInputElement>('input[data-step="revert"]');
		if (revert && document.activeElement !== revert && revert.getAttribute('aria-invalid') !== 'true') revert.value = this.planned.revert ? formatDuration(this.planned.revert.minutes) : '';
	}
}

customElements.define('run-sheet', RunSheet);
