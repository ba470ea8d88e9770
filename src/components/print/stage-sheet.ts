import { stepRange, type Process } from '../../process/model';

/** What one stage's sign-off sheet holds, the same on its print page and printed from its stage page. */
export function stageSheet<S>(process: Process<S>, stageId: string) {
	const stage = process.stage(stageId);
	const steps = process.stepsOf(stage.id);
	const one = steps.length === 1;
	return {
		stage,
		title: `Stage ${stage.order}: ${stage.title}`,
		scope: `${one ? 'Step' : 'Steps'} ${stepRange(steps)}, every role`,
		count: `${steps.length} ${one ? 'step' : 'steps'}`,
		groups: [{ stage, steps }],
		/** The stage that holds the Go / No-Go decision carries its box. */
		goNoGo: steps.some((step) => step.id === 'decide-go-no-go'),
	};
}
