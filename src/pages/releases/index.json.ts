import type { APIRoute } from 'astro';
import { catalogueIndexJson } from '~/releases/catalogue';

/** The compact catalogue index the release picker fetches, one file shared by every page that embeds the picker. */
export const GET: APIRoute = async () =>
	new Response(await catalogueIndexJson(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
