/**
 * Ticket templates: parsing and checking the body against the declared fields.
 *
 * A body is plain text in Mustache syntax. Values are printed as typed, never
 * HTML-escaped, so there is one way to print: `{{name}}`.
 *   {{f}}                       the value of field f (yes/no prints Yes or No,
 *                               a choice prints the chosen option's label)
 *   {{#f}}…{{/f}}               only when f is filled in (yes/no: answered yes)
 *   {{^f}}…{{/f}}               only when f is empty (yes/no: not answered yes)
 *   {{#f.option}}…{{/f.option}} only when choice f has that option chosen
 *   {{f.start}} {{f.end}}       the two dates of a date range; {{f}} gives "start to end"
 *   {{#f}}- {{.}}{{/f}}         once per item of list f; {{.}} is the item
 *   {{#f.length}}…{{/f.length}} once, when list f has items
 *   {{! note }}                 a note for writers, left out of the ticket
 * A line holding only section tags disappears from the output, so an empty
 * optional field leaves no blank line. Refused: `{{{f}}}` and `{{&f}}` (nothing
 * is escaped, so they add nothing), partials `{{>x}}` and delimiter changes.
 * An optional field may only be printed inside a section on itself, so that an
 * empty value never leaves a label standing alone.
 */
import Mustache from 'mustache';
import { bodyNames, type BodyName } from './names';
import { describeIssues, ticketSchema, type TicketFrontmatter } from './schema';

/** One tag of a template body: what it does, the name it uses, where it is, and the sections around it (outermost first). */
export interface BodyTag {
	type: 'print' | 'section' | 'inverted' | 'unescaped' | 'partial' | 'delimiters';
	name: string;
	text: string;
	line: number;
	sections: BodyTag[];
	/** Set on the tags of a new ticket's subject line, which is checked like the body. */
	inSubject?: boolean;
}

/** A body whose tags do not pair up or close; the message says where, in the writer's terms. */
export class TemplateSyntaxError extends Error {
	override name = 'TemplateSyntaxError';
}

// Mustache's token tuples: type, value, start, end, then for sections the nested tokens.
type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

const TAG_TYPES: Record<string, BodyTag['type'] | undefined> = {
	name: 'print',
	'#': 'section',
	'^': 'inverted',
	'&': 'unescaped',
	'>': 'partial',
	'=': 'delimiters',
};

/** Template text with Windows line ends made plain, so positions and lines agree everywhere. */
export function plainLines(body: string): string {
	return body.replace(/\r\n?/g, '\n');
}

/** Lists the tags of a body in order; throws a TemplateSyntaxError when sections or tags are not closed. */
export function parseBody(body: string): BodyTag[] {
	const text = plainLines(body);
	let tokens: Token[];
	try {
		tokens = Mustache.parse(text, ['{{', '}}']) as unknown as Token[];
	} catch (error) {
		throw new TemplateSyntaxError(syntaxMessage(error, text));
	}
	const tags: BodyTag[] = [];
	const walk = (list: Token[], sections: BodyTag[]) => {
		for (const [kind, value, start, end, children] of list) {
			const type = TAG_TYPES[kind];
			if (type === undefined) continue;
			const tag: BodyTag = { type, name: value, text: text.slice(start, end), line: lineOf(text, start), sections };
			tags.push(tag);
			if (children) walk(children, [...sections, tag]);
		}
	};
	walk(tokens, []);
	return tags;
}

/** Every problem with a template, each as a sentence: frontmatter errors, tag syntax, and names the body and the fields disagree on. Empty when the template is sound. */
export function checkTemplate(frontmatter: unknown, body: string): string[] {
	const problems: string[] = [];
	const parsed = ticketSchema.safeParse(frontmatter);
	if (!parsed.success) problems.push(...describeIssues(parsed.error));
	if (plainLines(body).trim() === '') {
		problems.push('The body is empty: write the ticket text below the frontmatter.');
		return problems;
	}
	let tags: BodyTag[];
	try {
		tags = parseBody(body);
	} catch (error) {
		if (!(error instanceof TemplateSyntaxError)) throw error;
		problems.push(error.message);
		return problems;
	}
	for (const tag of tags) {
		const problem = refusedTag(tag);
		if (problem !== undefined) problems.push(problem);
	}
	let subjectTags: BodyTag[] = [];
	const subject = parsed.success ? parsed.data.subject : undefined;
	if (subject !== undefined) {
		try {
			subjectTags = parseBody(subject).map((tag) => ({ ...tag, inSubject: true }));
			if (/\n/.test(plainLines(subject))) problems.push('subject: a subject is one line.');
			for (const tag of subjectTags) {
				const problem = refusedTag(tag);
				if (problem !== undefined) problems.push(problem);
			}
		} catch (error) {
			if (!(error instanceof TemplateSyntaxError)) throw error;
			problems.push(`subject: ${error.message}`);
		}
	}
	if (parsed.success) problems.push(...nameProblems(parsed.data, [...subjectTags, ...tags]));
	return problems;
}

/** Where a tag is, for a message: its line of the body, or the subject. */
function where(tag: BodyTag): string {
	return tag.inSubject ? 'In the subject' : `Line ${tag.line}`;
}

/** Checks a template for the build: returns the parsed frontmatter, or throws an Error that starts with the file and lists every problem. */
export function assertTemplate(file: string, frontmatter: unknown, body: string): TicketFrontmatter {
	const problems = checkTemplate(frontmatter, body);
	if (problems.length > 0) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		throw new Error(`${file}: the ticket template has ${count}:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
	}
	return ticketSchema.parse(frontmatter);
}

function refusedTag(tag: BodyTag): string | undefined {
	switch (tag.type) {
		case 'unescaped':
			return `${where(tag)}: write {{${tag.name}}} instead of ${tag.text}; ticket text is never HTML-escaped, so one form is enough.`;
		case 'partial':
			return `${where(tag)}: ${tag.text} includes another template, which tickets do not support; write the text out in this body.`;
		case 'delimiters':
			return `${where(tag)}: ${tag.text} changes the tag delimiters, which tickets do not support; keep {{ and }}.`;
		default:
			return undefined;
	}
}

function nameProblems(frontmatter: TicketFrontmatter, tags: BodyTag[]): string[] {
	const problems: string[] = [];
	const names = new Map<string, BodyName>();
	for (const field of frontmatter.fields) {
		for (const named of bodyNames(field, undefined)) names.set(named.name, named);
	}
	const used = new Set<string>();
	for (const tag of tags) {
		if (tag.type !== 'print' && tag.type !== 'section' && tag.type !== 'inverted') continue;
		if (tag.name === '.') {
			const problem = itemProblem(tag, names);
			if (problem !== undefined) problems.push(problem);
			continue;
		}
		const named = names.get(tag.name);
		if (named === undefined) {
			problems.push(unknownName(tag, frontmatter, names));
			continue;
		}
		used.add(named.field.name);
		if (tag.type !== 'print') continue;
		if (!named.printable) {
			problems.push(
				named.repeats
					? `${where(tag)}: the list ${tag.text} cannot be printed whole; repeat it with {{#${tag.name}}}- {{.}}{{/${tag.name}}}.`
					: `${where(tag)}: ${tag.text} is a condition, not text; use it as {{#${tag.name}}}…{{/${tag.name}}}.`,
			);
		} else if (!named.field.required && !isGuarded(tag, named)) {
			const field = named.field.name;
			problems.push(
				`${where(tag)}: the optional field ${field} is printed outside a {{#${field}}}…{{/${field}}} section, so leaving it empty would leave a label with nothing after it.`,
			);
		}
	}
	// The reference and the fields a precondition reads are used even where the body does not print them.
	if (frontmatter.reference !== undefined) used.add(frontmatter.reference);
	for (const block of frontmatter.blocks) for (const condition of block.when) used.add(condition.replace(/^!/, '').split('.')[0] ?? '');
	for (const field of frontmatter.fields) {
		if (!used.has(field.name)) problems.push(`The field ${field.name} is declared but the body never uses it.`);
	}
	return problems;
}

/** `{{.}}` means the current list item, so it only makes sense straight inside a list section. */
function itemProblem(tag: BodyTag, names: Map<string, BodyName>): string | undefined {
	if (tag.type !== 'print') return `${where(tag)}: ${tag.text} opens a section on the current item; open it on a field name instead.`;
	const innermost = tag.sections.at(-1);
	const inList = innermost !== undefined && innermost.type === 'section' && names.get(innermost.name)?.repeats === true;
	return inList ? undefined : `${where(tag)}: {{.}} stands for a list item, so it must sit directly inside a list section such as {{#items}}…{{/items}}.`;
}

/** True when an enclosing section makes sure the printed value is not empty. */
function isGuarded(tag: BodyTag, named: BodyName): boolean {
	const field = named.field;
	// A field required under a condition is never empty inside a section on that same condition once the form is complete.
	const condition = field.required_when?.startsWith('!') ? undefined : field.required_when;
	return tag.sections.some(
		(section) =>
			section.type === 'section' &&
			(section.name === named.name ||
				section.name === field.name ||
				section.name === condition ||
				(field.kind === 'choice' && section.name.startsWith(`${field.name}.`))),
	);
}

function unknownName(tag: BodyTag, frontmatter: TicketFrontmatter, names: Map<string, BodyName>): string {
	const [base = ''] = tag.name.split('.');
	const field = frontmatter.fields.find((candidate) => candidate.name === base);
	if (field !== undefined && base !== tag.name) {
		const offered = [...names.values()].filter((named) => named.field === field).map((named) => named.name);
		return `${where(tag)}: the body uses ${tag.text}, but the ${field.kind} field ${field.name} only offers: ${offered.join(', ')}.`;
	}
	return `${where(tag)}: the body uses ${tag.text}, but no field named "${tag.name}" is declared.`;
}

function lineOf(text: string, position: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line++;
	return line;
}

/** Rewords Mustache's parse errors ("Unclosed section "x" at 120") as sentences with line numbers. */
function syntaxMessage(error: unknown, text: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const unclosedTag = /^Unclosed tag at (\d+)$/.exec(message);
	if (unclosedTag) {
		const at = text.lastIndexOf('{{', Number(unclosedTag[1]));
		return `Line ${lineOf(text, Math.max(at, 0))}: a tag opened with {{ is never closed with }}.`;
	}
	const unopened = /^Unopened section "(.*)" at (\d+)$/.exec(message);
	if (unopened) {
		return `Line ${lineOf(text, Number(unopened[2]))}: {{/${unopened[1]}}} closes a section that was never opened.`;
	}
	const unclosed = /^Unclosed section "(.*)" at (\d+)$/.exec(message);
	if (unclosed) {
		const name = unclosed[1] ?? '';
		const at = Number(unclosed[2]);
		const opening = lastOpening(text, name, at);
		const opened = opening === undefined ? `{{#${name}}}` : `${opening.text} (line ${lineOf(text, opening.index)})`;
		if (at >= text.length) return `The section ${opened} is never closed; add {{/${name}}} where it ends.`;
		const closing = /^\{\{\s*\/\s*(.*?)\s*\}\}/.exec(text.slice(at))?.[1] ?? '';
		return `Line ${lineOf(text, at)}: {{/${closing}}} does not match the section still open there, ${opened}; close that one first.`;
	}
	return `The body cannot be read as a template: ${message}.`;
}

function lastOpening(text: string, name: string, before: number): { text: string; index: number } | undefined {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	let found: { text: string; index: number } | undefined;
	for (const match of text.slice(0, before).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g'))) {
		found = { text: match[0], index: match.index };
	}
	return found;
}
