import { describe, expect, it } from 'vitest';
import { renderReleaseMarkdown } from '../../../src/releases/markdown';

describe('renderReleaseMarkdown', () => {
	it('renders the lists, emphasis, code and links that release notes use', async () => {
		const html = await renderReleaseMarkdown('- Uses the `YY.N` scheme.\n  - *Study* setting ([page](https://e.org/p)).\n- Source (https://e.org/x/G4).');
		expect(html).toContain('<code>YY.N</code>');
		expect(html).toContain('<em>Study</em>');
		expect(html).toContain('<a href="https://e.org/p">page</a>');
		expect(html).toContain('<a href="https://e.org/x/G4">https://e.org/x/G4</a>).');
		expect(html.match(/<ul>/g)).toHaveLength(2);
	});

	it('links "step N" to the step, as on the rest of the site', async () => {
		expect(await renderReleaseMarkdown('Matters for step 18.')).toContain('<a href="/stages/day-of-upgrade/#step-18">step 18</a>');
	});

	it('shows raw HTML as text and drops unsafe links and images', async () => {
		const html = await renderReleaseMarkdown('<script>alert(1)</script>\n\nA <b>bold</b> [trap](javascript:alert(1)) and ![pic](https://e.org/p.png).');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<b>');
		expect(html).not.toContain('javascript:');
		expect(html).not.toContain('<img');
		expect(html).toContain('&#x3C;b>bold&#x3C;/b>');
		expect(html).toContain('trap');
		expect(html).toContain('pic');
	});

	it('stops with the file named when a note refers to a step that does not exist', async () => {
		await expect(renderReleaseMarkdown('See step 99.', 'content/releases/23.3.yaml')).rejects.toThrow(/23\.3\.yaml.*step 99/);
	});
});
