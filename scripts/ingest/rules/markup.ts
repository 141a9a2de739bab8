/**
 * Rules for Markdown as scrapers save policy text: heading marks, comments, images, links, emphasis,
 * quotes, rules and pipe tables. Each under a purpose name (the habit of marked's rules file); markup.ts
 * applies them.
 */

/** Markup constructs, each under its purpose name. */
export const MARKUP_RULES = {
  /** An ATX heading mark: "# ", "## " … at the start of a line. */
  heading: /^#{1,6}[ \t\u3000]+/,
  /** An HTML comment on a line of its own. */
  comment: /^<!--[\s\S]*-->$/,
  /** An image: ![alt](src "title"). Removed whole: the text never printed it. */
  image: /!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
  /** A link: [text](href "title"); the text stays. */
  link: /\[([^\]\n]+)\]\([^)\s]+(?:\s+"[^"]*")?\)/g,
  /** Strong or emphasised text: **text**, __text__. */
  emphasis: /(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1/g,
  /** A block quote mark. */
  quote: /^>[ \u3000]?/,
  /** A thematic break. (A YAML front matter fence at the top of a file is left to the chrome stage.) */
  rule: /^(?:\*{3,}|_{3,}|-{3,})$/,
  /** The row under a pipe table's header: | --- | :---: | */
  tableDivider: /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?$|^\|\s*:?-{3,}:?\s*\|$/,
  /** A pipe table row: | 序号 | 名称 | */
  tableRow: /^\|(.*)\|$/,
} as const;
