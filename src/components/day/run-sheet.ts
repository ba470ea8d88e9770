import { presetMeaning, responsibleFor } from '~/checklist/meaning-preset';
import { DECISION_TICKET, decisionDraft } from '~/day/decision-ticket';
import { formatDuration, parseDuration } from '~/day/duration';
import type { DayStep } from '~/day/model';
import { noGoReason, runState, stepsClosedByNoGo, type RunState, type StepRun } from '~/day/run-state';
import { recordsAsReported, reportingSide } from '~/day/sides';
import { dayTiming, type DayTiming } from '~/day/timing';
import type { Side } from '~/process/schema';
import { $drafts, saveDraft } from '~/state/drafts';
import type { StepEvent } from '~/state/events';
import { isMeaning } from '~/state/meaning';
import { $planned, setPlanned, type PlannedTime } from '~/state/planned';
import { recordEvent, type EventInput } from '~/state/record-event';
import { $signer, setSignerName, setSignerRole } from '~/state/signer';
import { $signoffs } from '~/state/signoffs';
import { formatTime, fromLocalInput, isoUtc } from '~/text/time';
import { SIDE_NAMES } from '~/checklist/signoff-text';
import { h, ref, watchStorage } from '../checklist/dom';
import { when, whoSigned } from '../checklist/event-line';

const json = <T,>(text: string | undefined): T => JSON.parse(text ?? 'null') as T;

/** Wires the run sheet (RunSheet.astro) to the stored events, the planned times and the signer; re-renders on each change and each minute. */
class RunSheet extends HTMLElement {
	private steps: DayStep[] = [];
	private roleNames: Record<string, string> = {};
	private roleSides: Record<string, Side> = {};
	private numbers = { stop: 0, backup: 0, decision: 0 };
	private events: StepEvent[] = [];
	private planned: Record<string, PlannedTime | undefined> = {};
	private state?: RunState;
	private shownStep?: string;
	private stops: (() => void)[] = [];
	private timer = 0;
	private minute = -1;

	connectedCallback() {
		this.steps = json(this.dataset.steps);
		this.roleNames = json(this.dataset.roleNames);
		this.roleSides = json(this.dataset.roleSides);
		this.numbers = json(this.dataset.numbers);
		const name = ref<HTMLInputElement>(this, 'name');
		const role = ref<HTMLSelectElement>(this, 'role');
		name.addEventListener('input', () => setSignerName(name.value));
		role.addEventListener('change', () => setSignerRole(role.value));
		ref(this, 'start').addEventListener('click', () => this.act(() => this.start()));
		ref(this, 'done').addEventListener('click', () => this.act(() => this.done()));
		ref(this, 'decide').addEventListener('click', () => this.act(() => this.decide()));
		ref(this, 'copy').addEventListener('click', () => void this.copy());
		ref(this, 'ticket').addEventListener('click', () => this.fillTicket());
		for (const input of this.querySelectorAll<HTMLInputElement>('input[data-ref="planned"]')) {
			input.addEventListener('change', () => this.plan(input));
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

	private roleName = (id: string) => this.roleNames[id] ?? id;
	private signerSide = (): Side | undefined => this.roleSides[$signer.get().role];

	/** Runs an action, showing what went wrong next to the current step rather than losing it. */
	private act(action: () => void) {
		const error = ref(this, 'error');
		error.textContent = '';
		try {
			action();
		} catch (problem) {
			error.textContent = problem instanceof Error ? problem.message : String(problem);
		}
	}

	/** Who signs: the name and role entered above; asks for them when missing. */
	private who() {
		const signer = $signer.get();
		if (!signer.name.trim() || !signer.role) {
			(signer.name.trim() ? ref(this, 'role') : ref(this, 'name')).focus();
			throw new Error('Enter your name and role above first: every event records who recorded it.');
		}
		return signer;
	}

	private base(run: StepRun) {
		const signer = this.who();
		return { step: run.step.id, by: signer.name, role: signer.role, text: run.step.text, fingerprint: run.step.fingerprint };
	}

	private start() {
		const run = this.state?.current;
		if (run) recordEvent({ ...this.base(run), kind: 'started' });
	}

	/** The sign-off of the current step: performed (or the meaning chosen) by the signer's side, or recorded as the other side's report. */
	private signoff(run: StepRun): EventInput {
		const base = this.base(run);
		const comment = ref<HTMLInputElement>(this, 'comment').value;
		if (recordsAsReported(run.step, this.signerSide())) {
			const at = fromLocalInput(ref<HTMLInputElement>(this, 'reported-at').value);
			if (!at) throw new Error(`Enter when ${SIDE_NAMES[reportingSide(run.step)]} reported step ${run.step.number} in the ticket.`);
			if (Date.parse(at) > Date.now() + 60_000) throw new Error('The time of the report is in the future: enter the time the ticket shows.');
			return { ...base, kind: 'signed', comment, reported: { by: reportingSide(run.step), at } };
		}
		const meaning = ref<HTMLSelectElement>(this, 'meaning').value;
		if (!isMeaning(meaning)) throw new Error('Choose what your signature means.');
		return { ...base, kind: 'signed', meaning, comment, otherRole: !responsibleFor(base.role, run.step.roles) };
	}

	private done() {
		const run = this.state?.current;
		if (!run) return;
		recordEvent(this.signoff(run));
		this.clearFields();
	}

	private decide() {
		const run = this.state?.current;
		if (!run) return;
		const outcome = ref<HTMLInputElement>(this, 'go').checked ? 'go' : ref<HTMLInputElement>(this, 'no-go').checked ? 'no-go' : undefined;
		if (!outcome) throw new Error('Choose Go or No-Go.');
		const why = ref<HTMLTextAreaElement>(this, 'why').value.trim();
		if (!why) throw new Error('Say why: the reason is kept with the decision.');
		const signoff = this.signoff(run);
		const decision = recordEvent({ ...this.base(run), kind: 'decided', outcome, reason: why, comment: signoff.comment });
		recordEvent({ ...signoff, comment: `${outcome === 'go' ? 'Go' : 'No-Go'}${signoff.comment ? `; ${signoff.comment.trim()}` : ''}` });
		if (outcome === 'no-go') {
			const state = runState(this.steps, $signoffs.get());
			for (const closed of stepsClosedByNoGo(state)) {
				recordEvent({
					...this.base(closed),
					kind: 'not-applicable',
					meaning: 'approved',
					reason: noGoReason(decision, this.numbers.decision),
					otherRole: !responsibleFor($signer.get().role, closed.step.roles),
				});
			}
		}
		this.clearFields();
		ref<HTMLTextAreaElement>(this, 'why').value = '';
		ref<HTMLInputElement>(this, 'go').checked = false;
		ref<HTMLInputElement>(this, 'no-go').checked = false;
	}

	private clearFields() {
		ref<HTMLInputElement>(this, 'comment').value = '';
		ref<HTMLInputElement>(this, 'reported-at').value = '';
	}

	private plan(input: HTMLInputElement) {
		const error = ref(this, 'planned-error');
		const text = input.value.trim();
		const minutes = text === '' ? undefined : parseDuration(text);
		if (text !== '' && (minutes === undefined || minutes < 1)) {
			error.textContent = `"${text}" is not a duration: write minutes (45), hours and minutes (1:30, 1 h 30 min) or hours (4 h).`;
			input.setAttribute('aria-invalid', 'true');
			return;
		}
		try {
			setPlanned(input.dataset.step!, minutes === undefined ? undefined : { minutes, note: this.planned[input.dataset.step!]?.note ?? '' });
			error.textContent = '';
			input.removeAttribute('aria-invalid');
		} catch (problem) {
			error.textContent = problem instanceof Error ? problem.message : String(problem);
			input.setAttribute('aria-invalid', 'true');
		}
	}

	private fillTicket() {
		const decision = this.state?.decision;
		if (decision) saveDraft(DECISION_TICKET, decisionDraft(decision, $drafts.get()[DECISION_TICKET]?.values));
	}

	private async copy() {
		if (!this.state) return;
		const { statusText } = await import('~/day/status-text');
		const now = isoUtc();
		const text = statusText(this.state, dayTiming(this.state, this.planned, now), {
			roleName: this.roleName,
			now,
			decisionNumber: this.numbers.decision,
			backupNumber: this.numbers.backup,
		});
		const copied = ref(this, 'copied');
		const fallback = ref(this, 'fallback');
		const area = ref<HTMLTextAreaElement>(this, 'status-text');
		try {
			await navigator.clipboard.writeText(text);
			fallback.hidden = true;
			copied.textContent = `Status copied, ${formatTime(now)}.`;
		} catch {
			area.value = text;
			fallback.hidden = false;
			copied.textContent = 'The browser refused the clipboard: the status is below.';
			area.focus();
			area.select();
		}
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
				? `not known: ${timing.unplanned.length} step${timing.unplanned.length > 1 ? 's' : ''} without a planned time`
				: 'not known: no planned time for the revert';
	}

	private renderCurrent(state: RunState, timing: DayTiming) {
		const run = state.current;
		const panel = ref(this, 'current');
		const revert = ref(this, 'revert');
		const noGo = !run && state.outcome === 'no-go';
		revert.hidden = !noGo;
		if (noGo && state.decision) ref(this, 'decided').replaceChildren('Decided ', when(state.decision.at), ` by ${whoSigned(state.decision)}. Reason: ${state.decision.reason}.`, timing.revert ? ` Planned for the revert: ${formatDuration(timing.revert)}.` : '');
		ref(this, 'ticket-line').hidden = !state.decision;
		panel.hidden = noGo;
		ref(this, 'actions').hidden = !run;
		if (!run) {
			ref(this, 'number').textContent = '';
			ref(this, 'title').textContent = 'Every step of the day is closed';
			for (const name of ['who', 'what', 'state']) ref(this, name).textContent = '';
			ref(this, 'warns').replaceChildren();
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
			ref(this, 'warns').replaceChildren(...(notes ? [h('strong', null, 'The plan says:'), notes.cloneNode(true)] : []));
			ref<HTMLSelectElement>(this, 'meaning').value = presetMeaning($signer.get().role, step.roles);
			this.shownStep = step.id;
		}
		const stepTiming = timing.steps.find((t) => t.run === run);
		const started = run.startedAt ? `Started ${formatTime(run.startedAt)}` : stepTiming?.beganAt ? `Not started; the step before it ended ${formatTime(stepTiming.beganAt)}` : 'Not started yet';
		const against = stepTiming?.actual !== undefined ? `; ${formatDuration(stepTiming.actual)} so far${stepTiming.planned !== undefined ? ` of ${formatDuration(stepTiming.planned)} planned` : ', no planned time'}` : '';
		ref(this, 'state').textContent = `${started}${against}.`;
		const over = ref(this, 'over');
		over.hidden = !stepTiming?.over;
		over.textContent = stepTiming?.over ? `Step ${step.number} has run past its planned time (${formatDuration(stepTiming.planned!)}) by ${formatDuration(stepTiming.actual! - stepTiming.planned!)}.` : '';

		const reported = recordsAsReported(step, this.signerSide());
		ref(this, 'start').hidden = run.status === 'running';
		ref(this, 'meaning-field').hidden = reported;
		ref(this, 'reported-field').hidden = !reported;
		const done = ref(this, 'done');
		done.hidden = isDecision;
		done.textContent = reported ? `Done, as ${SIDE_NAMES[reportingSide(step)]} reported it` : 'Done';
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
