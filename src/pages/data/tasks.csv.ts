/** dist/data/tasks.csv: all tasks with their units and targets. */
import { siteData } from '../../lib/site-data.ts';
import { tasksCsv } from '../../../scripts/site/open-data.ts';

export function GET() {
  return new Response(tasksCsv(siteData().documents), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
