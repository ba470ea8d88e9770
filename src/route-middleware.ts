import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadProcess } from './process/load';

/** Stage pages render their steps from data, so their steps are added to the table of contents here. */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const stageId = (route.entry.data as { stage?: string }).stage;
	if (!stageId || !route.toc) return;
	const process = await loadProcess();
	for (const step of process.stepsOf(stageId)) {
		route.toc.items.push({ depth: 2, slug: `step-${step.number}`, text: `${step.number}. ${step.title}`, children: [] });
	}
});
