import type { StepEvent } from '../state/events';
import type { DraftValue } from '../state/drafts';
import { localInputValue } from '../text/local-input';

/** The ticket template that records the Go / No-Go decision (content/tickets/go-no-go.md). */
export const DECISION_TICKET = 'go-no-go';

/**
 * The Go / No-Go ticket's draft filled from a recorded decision: the outcome, who decided, when, and for No-Go the
 * reason. Only what the decision recorded is filled; every other answer (the confirmation of the checks above all)
 * stays as the sender left it, and is never answered for them.
 */
export function decisionDraft(decision: Pick<StepEvent, 'outcome' | 'by' | 'at' | 'reason'>, draft: Record<string, DraftValue> = {}): Record<string, DraftValue> {
	const filled: Record<string, DraftValue> = {
		...draft,
		decision: decision.outcome === 'go' ? 'go' : 'no_go',
		decided_by: [decision.by],
		decided_at: localInputValue(decision.at),
	};
	if (decision.outcome === 'no-go' && decision.reason) filled.reason = decision.reason;
	return filled;
}
