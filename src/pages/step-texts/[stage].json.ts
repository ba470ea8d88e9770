import type { APIRoute, GetStaticPaths } from 'astro';
import { loadProcess } from '~/process/load';
import { stageTexts } from '~/checklist/step-text';

export const getStaticPaths = (async () => {
	const process = await loadProcess();
	return process.stages.map((stage) => ({ params: { stage: stage.id } }));
}) satisfies GetStaticPaths;

/** The text each step of a stage is signed against, by step id: fetched when someone signs, so a stage page carries it once, as its guidance. */
export const GET: APIRoute = async ({ params }) => {
	const process = await loadProcess();
	const steps = process.stepsOf(params.stage!).map((step) => ({ id: step.id, title: step.title, activity: step.activity, notes: step.source.body ?? '' }));
	return new Response(JSON.stringify(stageTexts(steps)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
