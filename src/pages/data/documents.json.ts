/** dist/data/documents.json: every document with its tasks (see README, "Open data"). */
import { siteData } from '../../lib/site-data.ts';
import { documentSummary } from '../../../scripts/site/open-data.ts';

export function GET() {
  const body = JSON.stringify(siteData().documents.map(documentSummary), null, 1);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
