/**
 * The data the Astro pages read: the ingest corpus plus what the site derives
 * from it (department index, URLs). Written by the build script to
 * content/generated/site.json; read by src/lib/site-data.ts.
 */
import type { DocumentTaskRef } from '../../shared/document/tasks.ts';
import type { Block, Diagnostic, Normalisation, PolicyDocument, UnitEvidence, UnitRole } from '../ingest/model.ts';
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

/**
 * site.json as written: the site data without the bulk of its text, which is written apart, one file per
 * document and per source file (scripts/site/site-files.ts), so that Astro reads a document's text only
 * when it renders one of its pages, and a build writes again only the texts that changed.
 */
export interface SiteDataFile extends Omit<SiteData, 'documents' | 'departments' | 'sources' | 'normalisations'> {
  documents: DocumentHead[];
  departments: DepartmentHead[];
  /** Per seed file: where its lines and normalisations are, and their digest. */
  sources: Record<string, TextFileRef & { lines: number }>;
}

/** A document of site.json: all but its body, with what the listings show of the body and where the body is. */
export interface DocumentHead extends Omit<PolicyDocument, 'body'> {
  text: TextFileRef & { taskCount: number };
}

/** A text written apart from site.json: its file under content/generated/site/ and the sha256 of its bytes. */
export interface TextFileRef {
  file: string;
  digest: string;
}

/** A unit of site.json: its name and page, the documents it has tasks in, and where its tasks are. */
export interface DepartmentHead extends Omit<Department, 'tasks'> {
  /** The documents of its tasks, each once, in the order of the tasks. */
  documents: string[];
  text: TextFileRef & { taskCount: number };
}

/** A unit's tasks, in their own file. */
export interface DepartmentText {
  tasks: DepartmentTask[];
}

/** A document's body, in its own file. */
export interface DocumentText {
  body: Block[];
}

/** A seed file's physical lines and normalisations, in their own file, for its original-text page. */
export interface SourceText {
  lines: string[];
  normalisations: Normalisation[];
}
