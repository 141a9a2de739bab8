/**
 * How to fix a bad value, attached to the schema of its field: `schema.register(hints, { hint })`.
 * A registry of its own (not zod's global one, which Astro shares), read by json-file.ts.
 */
import { z } from 'zod';

/** Hints for schema fields; the innermost one on an issue's path is shown with the error. */
export const hints = z.registry<{ hint: string }>();

/** `schema` with `hint` attached (returns the same schema, for use inline). */
export function withHint<S extends z.ZodType>(schema: S, hint: string): S {
  hints.add(schema as z.ZodType, { hint });
  return schema;
}
