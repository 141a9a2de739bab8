/** dist/data/docs/<id>.json: the full document model of one document. */
import { siteData } from '../../../lib/site-data.ts';

export function getStaticPaths() {
  return siteData().documents.map((doc) => ({ params: { id: doc.id } }));
}

export function GET({ params }: { params: { id: string } }) {
  const doc = siteData().documents.find((d) => d.id === params.id)!;
  const { copies, ...rest } = doc;
  const body = JSON.stringify({ ...rest, copies: copies.map((c) => c.source) });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
