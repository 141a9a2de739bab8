/**
 * DOM for the search page: results and filters. Everything is built with
 * createElement/textContent — text from the index never becomes markup.
 */
import type { ResultView } from '../../../shared/search/engine.ts';
import { FACETS, TYPE_LABELS, type FacetValue, type Selection } from '../../../shared/search/filters.ts';
import type { ExtraResult } from '../../../shared/search/pagefind.ts';
import { shownSections, type ExcerptPart } from '../../../shared/search/sections.ts';
import { conceptUseText, dateText, headingTitle, issuerText, matchCountText, moreSectionsText } from '../../../shared/search/text.ts';
import type { ConceptCard } from '../../../shared/search/types.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An excerpt paragraph; matches become <mark> elements built here, never parsed markup. */
export function excerptNode(parts: ExcerptPart[]): HTMLElement {
  const p = el('p', 'sr-excerpt');
  for (const part of parts) p.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  return p;
}

/** One result: title linking to the best task, meta line, matching tasks with excerpts. */
export function resultNode(view: ResultView, href: (relative: string) => string): HTMLLIElement {
  const { info } = view;
  const li = el('li', 'sr');
  li.dataset.result = '';
  li.dataset.url = view.url;
  const best = view.sections[0]?.info;
  const title = el('h2', 'sr-title');
  const link = el('a');
  link.href = href(view.href);
  link.append(el('span', 'sr-doc', view.title));
  if (best?.label) link.append(' ', el('span', 'sr-label', best.label));
  title.append(link);
  li.append(title);

  const meta = el('p', 'sr-meta');
  meta.append(el('span', 'sr-type', TYPE_LABELS[info.type] ?? '页面'));
  const bits = [info.filters.level?.[0], info.filters.kind?.[0], issuerText(info.filters.issuer ?? []), dateText(info.date)];
  if (view.count > 0) bits.push(matchCountText(view.count));
  for (const bit of bits) if (bit) meta.append(' · ', bit);
  li.append(meta);

  const anchored = view.sections.filter((s) => s.info);
  const shown = shownSections(view.sections);
  if (anchored.length > 0) {
    const list = el('ul', 'sr-sections');
    for (const hit of shown) {
      const item = el('li');
      const a = el('a', 'sr-section');
      a.href = href(`${view.url}#${hit.info!.id}`);
      if (hit.info!.label) a.append(el('span', 'sr-label', hit.info!.label), ' ');
      const heading = headingTitle(hit.info!.label, hit.info!.heading);
      if (heading) a.append(el('span', 'sr-heading', heading));
      item.append(a, excerptNode(hit.excerpt));
      list.append(item);
    }
    li.append(list);
    if (anchored.length > shown.length) li.append(el('p', 'sr-more', moreSectionsText(anchored.length - shown.length)));
  } else if (shown.length > 0) {
    li.append(excerptNode(shown[0].excerpt));
  }
  return li;
}

/** One extended-search result: title (and heading) linking to the page or its best section, type, excerpt. */
export function extraResultNode(result: ExtraResult, href: (relative: string) => string): HTMLLIElement {
  const li = el('li', 'sr sr--extra');
  li.dataset.extraResult = '';
  li.dataset.url = result.url;
  li.dataset.page = String(result.page);
  const title = el('h3', 'sr-title');
  const link = el('a');
  link.href = href(result.href);
  link.append(el('span', 'sr-doc', result.title));
  if (result.heading && result.heading !== result.title) link.append(' ', el('span', 'sr-heading', result.heading));
  title.append(link);
  const meta = el('p', 'sr-meta');
  meta.append(el('span', 'sr-type', TYPE_LABELS[result.info.type] ?? '页面'));
  const bits = [result.info.filters.level?.[0], result.info.filters.kind?.[0], dateText(result.info.date)];
  for (const bit of bits) if (bit) meta.append(' · ', bit);
  li.append(title, meta);
  if (result.excerpt.length > 0) li.append(excerptNode(result.excerpt));
  return li;
}

/** A concept the query names, shown once above the results: name linking to its page, definition, how many documents use it. */
export function conceptCardNode(card: ConceptCard, href: (relative: string) => string): HTMLElement {
  const article = el('article', 'concept-card');
  article.dataset.conceptCard = card.id;
  const heading = el('h2', 'concept-card__name');
  const link = el('a', undefined, card.name);
  link.href = href(`concepts/${card.id}/`);
  heading.append(el('span', 'concept-card__kind', '概念'), ' ', link);
  article.append(heading, el('p', 'concept-card__definition', card.definition));
  if (card.documents > 0) article.append(el('p', 'concept-card__meta', conceptUseText(card.documents)));
  return article;
}

/** The filter checkboxes with counts; checked values stay listed even at zero. */
export function facetsNode(facets: Record<string, FacetValue[]>, selection: Selection): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const { key, label } of FACETS) {
    const values = facets[key] ?? [];
    if (values.length === 0) continue;
    const fieldset = el('fieldset', 'facet');
    fieldset.append(el('legend', undefined, label));
    const list = el('div', 'facet__values');
    for (const { value, count } of values) {
      const id = `facet-${key}-${[...value].map((c) => c.codePointAt(0)!.toString(36)).join('-')}`;
      const input = el('input');
      input.type = 'checkbox';
      input.name = key;
      input.value = value;
      input.id = id;
      input.checked = (selection[key] ?? []).includes(value);
      const labelNode = el('label');
      labelNode.htmlFor = id;
      labelNode.append(value, ' ', el('span', 'facet__count', `(${count})`));
      const row = el('div', 'facet__value');
      row.append(input, labelNode);
      list.append(row);
    }
    fieldset.append(list);
    fragment.append(fieldset);
  }
  return fragment;
}
