/**
 * data/compare/<id>.js: one document's compare payload as a classic script
 * (written by the compare stage). The compare page loads two of them with
 * <script src>, which works from file:// where fetching JSON does not.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { COMPARE_CLIENT_DIR } from '../../../../scripts/build/compare-step.ts';
import { compareData } from '../../../lib/compare-data.ts';

export function getStaticPaths() {
  return compareData().docs.map((d) => ({ params: { id: d.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const body = fs.readFileSync(path.join(COMPARE_CLIENT_DIR, `${params.id}.js`), 'utf8');
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
