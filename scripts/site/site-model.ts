/**
 * The data the Astro pages read: the ingest corpus plus what the site derives
 * from it (department index, URLs). Written by the build script to
 * content/generated/site.json; read by src/lib/site-data.ts.
 */
import type { DocumentTaskRef } from '../../shared/document/tasks.ts';
import type { Diagnostic, Normalisation, PolicyDocument, UnitEvidence, UnitRole } from '../ingest/model.ts';
import type { PublishedOriginal } from './originals.ts';

/** A task or section of a document, as listed on a department page. */
export interface DepartmentTask extends DocumentTaskRef {
  /** On a department page: the unit's role in the task. */
  role?: UnitRole;
  /** On a department page: the clause that names the unit (the task's own, or one written once for later tasks). */
  evidence?: UnitEvidence;
}

/** A responsible unit with every task it is responsible for. */
export interface Department {
  name: string;
  slug: string;
  tasks: DepartmentTask[];
}

export interface SiteData {
  /** Which script wrote the file (generated files say where they come from). */
  generatedBy: string;
  documents: PolicyDocument[];
  departments: Department[];
  /** Raw physical lines per seed file, for the original-text pages. */
  sources: Record<string, string[]>;
  normalisations: Record<string, Normalisation[]>;
  /** Per source file: its format, size, published path and line origins. */
  originals: Record<string, PublishedOriginal>;
  diagnostics: Diagnostic[];
}
