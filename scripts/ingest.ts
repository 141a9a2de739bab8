/**
 * `npm run ingest`: reads seeds/, writes the document model to
 * content/generated/corpus.json and prints the build report.
 */
import { runIngest } from './steps/ingest-step.ts';

await runIngest();
