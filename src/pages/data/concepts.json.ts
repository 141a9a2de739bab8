/** dist/data/concepts.json: every concept with its aliases, definition and occurrences (see README, "Open data"). */
import { conceptsData, occurrencesOf } from '../../lib/concepts-data.ts';
import { siteConfig } from '../../../scripts/site/config.ts';
import { paths } from '../../../scripts/site/paths.ts';

const absolute = (path: string) => siteConfig().origin + path;

export function GET() {
  const concepts = conceptsData().concepts.map((c) => ({
    id: c.id,
    name: c.name,
    url: absolute(c.url),
    aliases: c.aliases,
    definition: c.definition,
    related: c.related,
    quote: c.quote ?? null,
    documents: c.documents.length,
    occurrences: occurrencesOf(c.id).map((o) => ({
      document: o.document,
      eid: o.eid,
      anchor: o.anchor,
      url: absolute(paths.task(o.document, o.anchor)),
      line: o.line,
      text: o.match,
    })),
  }));
  return new Response(JSON.stringify(concepts, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
