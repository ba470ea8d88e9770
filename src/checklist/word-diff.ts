/** A run of words that both texts share, or that only the earlier or only the later text has. */
export interface DiffPart {
	kind: 'same' | 'removed' | 'added';
	text: string;
}

// Beyond this many cells the comparison would slow the page; the texts are then shown whole, before and after.
const MAX_CELLS = 250_000;
// Beyond this many words even listing them word by word is too much: the text is shown as changed, whole.
const MAX_TOKENS = 50_000;

const tokens = (text: string) => text.match(/\n|[^\s]+/g) ?? [];

/** A word-by-word comparison of two texts (line breaks kept), for showing what changed since a step was signed. */
export function wordDiff(before: string, after: string): DiffPart[] {
	const a = tokens(before);
	const b = tokens(after);
	if (a.length + b.length > MAX_TOKENS) return textChanged(before, after);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
	const ops: [DiffPart['kind'], string][] = a.slice(0, start).map((t) => ['same', t]);
	const midA = a.slice(start, endA);
	const midB = b.slice(start, endB);
	if (midA.length * midB.length > MAX_CELLS) {
		for (const t of midA) ops.push(['removed', t]);
		for (const t of midB) ops.push(['added', t]);
	} else {
		// Longest common subsequence, filled from the end so the walk below can go forwards.
		const w = midB.length + 1;
		const lcs = new Uint32Array((midA.length + 1) * w);
		for (let i = midA.length - 1; i >= 0; i--) {
			for (let j = midB.length - 1; j >= 0; j--) {
				lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
			}
		}
		let i = 0;
		let j = 0;
		while (i < midA.length || j < midB.length) {
			if (i < midA.length && j < midB.length && midA[i] === midB[j]) ops.push(['same', midA[i++]!]), j++;
			else if (i < midA.length && (j === midB.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) ops.push(['removed', midA[i++]!]);
			else ops.push(['added', midB[j++]!]);
		}
	}
	// A loop, not a spread: a spread of a long list overflows the call stack.
	for (const t of a.slice(endA)) ops.push(['same', t]);
	return join(ops);
}

// The plainest answer: the earlier text removed, the later one added.
function textChanged(before: string, after: string): DiffPart[] {
	if (before === after) return [{ kind: 'same', text: before }];
	return [
		...(before ? [{ kind: 'removed' as const, text: before }] : []),
		...(after ? [{ kind: 'added' as const, text: after }] : []),
	];
}

// Words are rejoined with one space; a space between two runs belongs to the unchanged text, so marked runs hold words only.
function join(ops: [DiffPart['kind'], string][]): DiffPart[] {
	const parts: DiffPart[] = [];
	let prev: string | undefined;
	for (const [kind, token] of ops) {
		let last = parts[parts.length - 1];
		const space = prev !== undefined && prev !== '\n' && token !== '\n' ? ' ' : '';
		if (last && (last.kind === kind || last.kind === 'same')) last.text += space;
		else if (space && kind !== 'same') parts.push((last = { kind: 'same', text: space }));
		if (last?.kind === kind) last.text += token;
		else parts.push({ kind, text: kind === 'same' && last?.kind !== 'same' ? space + token : token });
		prev = token;
	}
	return parts;
}
