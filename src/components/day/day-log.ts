import { formatDuration } from '~/day/duration';
import type { DayStep } from '~/day/model';
import { runState } from '~/day/run-state';
import { dayTiming } from '~/day/timing';
import { $planned } from '~/state/planned';
import { $signoffs } from '~/state/signoffs';
import { formatTime, isoUtc } from '~/text/time';
import { h } from '../checklist/dom';
import { whoSigned } from '../checklist/event-line';
import '../print/sheet-frame';

const line = () => h('span', 'sheet-line');
const stack = (items: string[]) => items.map((item) => h('span', 'sheet-entry', item));

/** Fills the printed day log (DayLog.astro) from the stored events and planned times; what is not recorded stays a line to write on. */
class DayLog extends HTMLElement {
	private stops: (() => void)[] = [];

	connectedCallback() {
		const render = () => this.render();
		this.stops = [$signoffs.subscribe(render), $planned.subscribe(render)];
		addEventListener('beforeprint', render);
		this.stops.push(() => removeEventListener('beforeprint', render));
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}

	private render() {
		const steps = JSON.parse(this.dataset.steps!) as DayStep[];
		const numbers = JSON.parse(this.dataset.numbers!) as { decision: number };
		const state = runState(steps, $signoffs.get());
		const planned = $planned.get();
		const timing = dayTiming(state, planned, isoUtc());
		const set = (name: string, value: string | undefined) => this.querySelector(`[data-log="${name}"]`)!.replaceChildren(value ?? line());
		set('started', timing.dayStartedAt && formatTime(timing.dayStartedAt));
		set('stopped', state.stoppedAt && formatTime(state.stoppedAt));
		set('ended', timing.endedAt && formatTime(timing.endedAt));
		set('elapsed', timing.endedAt && timing.elapsed !== undefined ? formatDuration(timing.elapsed) : undefined);
		for (const t of timing.steps) {
			const row = this.querySelector(`tr[data-step-id="${t.run.step.id}"]`);
			if (!row) continue;
			const cell = (name: string, ...value: (string | Node)[]) => row.querySelector(`[data-cell="${name}"]`)!.replaceChildren(...(value.length ? value : [line()]));
			const na = t.run.status === 'not-applicable';
			cell('planned', ...(t.planned !== undefined ? [formatDuration(t.planned)] : []));
			cell('started', ...(t.run.startedAt ? [formatTime(t.run.startedAt)] : []));
			cell('done', ...(t.run.doneAt ? [`${na ? 'Not applicable, ' : ''}${formatTime(t.run.doneAt)}`] : []));
			cell('took', ...(t.run.status === 'done' && t.actual !== undefined ? [`${formatDuration(t.actual)}${t.over ? ' (over plan)' : ''}`] : na ? ['–'] : []));
			const standing = t.run.standing.map((event) => `${whoSigned(event)}${event.kind === 'not-applicable' ? `; reason: ${event.reason}` : event.comment ? `; ${event.comment}` : ''}`);
			cell('by', ...stack(standing));
		}
		const decision = state.decision;
		const box = this.querySelector<HTMLElement>('[data-log="decision"]')!;
		box.hidden = !decision;
		this.querySelector<HTMLElement>('[data-log="blank-decision"]')!.hidden = !!decision;
		if (decision) {
			this.querySelector('[data-log="decided"]')!.replaceChildren(
				h('strong', null, decision.outcome === 'go' ? 'Go' : 'No-Go'),
				`, decided at step ${numbers.decision}, ${formatTime(decision.at)}, recorded by ${whoSigned(decision)}. Reason: ${decision.reason}`,
			);
			this.querySelector<HTMLElement>('[data-log="revert"]')!.hidden = decision.outcome !== 'no-go';
			set('revert-planned', planned.revert ? formatDuration(planned.revert.minutes) : undefined);
		}
	}
}

customElements.define('day-log', DayLog);
