/** Counts of a snapshot for people: sign-off events and the steps they cover, plan fields, drafts and the rest. */
export function describeCounts(
	snapshot: Record<string, Record<string, unknown>>,
	labels: Record<string, string> = {},
): string[] {
	const parts: string[] = [];
	const count = (name: string) => Object.keys(snapshot[name] ?? {}).length;
	const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
	const events = Object.values(snapshot.signoffs ?? {});
	const steps = new Set(events.map((event) => (event as { step?: unknown })?.step));
	parts.push(`${plural(events.length, 'sign-off event')}${events.length ? ` for ${plural(steps.size, 'step')}` : ''}`);
	parts.push(plural(count('plan'), 'plan field'));
	parts.push(plural(count('drafts'), 'ticket draft'));
	for (const name of Object.keys(snapshot)) {
		if (['signoffs', 'plan', 'drafts'].includes(name) || count(name) === 0) continue;
		parts.push(`${labels[name] ?? name}: ${plural(count(name), 'entry', 'entries')}`);
	}
	return parts;
}
