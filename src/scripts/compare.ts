/**
 * The compare page's client: reads ?a=&b= (the form submits to the page
 * itself, so every comparison has a URL), loads the two documents' payloads
 * as classic scripts (data/compare/<id>.js — <script src> works from file://,
 * fetch does not), computes the comparison with the build's own functions and
 * renders the same view as the pre-rendered pages, as DOM nodes (no innerHTML).
 */
import type { ClientDocument } from '../../shared/compare/client-data.ts';
import { payloadTasks, payloadVectors } from '../../shared/compare/client-data.ts';
import { comparePair } from '../../shared/compare/compare-pair.ts';
import type { ConceptInfo } from '../../shared/compare/model.ts';
import { comparisonView, type ViewLinks } from '../../shared/compare/view/comparison.ts';
import { toDom } from '../../shared/compare/view/dom.ts';

type Registry = Record<string, ClientDocument | undefined>;

function registry(): Registry {
  return ((self as unknown as { policyAtlasCompare?: Registry }).policyAtlasCompare ??= {});
}

/** Loads a document's payload by adding its <script src> (the URL is on the option, where the offline copy rewrites it). */
function loadPayload(select: HTMLSelectElement, id: string): Promise<ClientDocument> {
  const ready = registry()[id];
  if (ready) return Promise.resolve(ready);
  const src = Array.from(select.options).find((o) => o.value === id)?.dataset.href;
  if (!src) return Promise.reject(new Error(`没有文件“${id}”`));
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => {
      const payload = registry()[id];
      if (payload) resolve(payload);
      else reject(new Error(`${src} 未包含文件数据`));
    });
    script.addEventListener('error', () => reject(new Error(`无法载入 ${src}`)));
    document.head.append(script);
  });
}

/**
 * Site URLs for the rendered view, relative to the site root (the compare
 * page sits one level below it). The paths mirror scripts/urls/paths.ts,
 * which reads the build's environment and so cannot run here. From file://
 * a directory URL needs its index.html spelled out.
 */
function siteLinks(form: HTMLFormElement): ViewLinks {
  const root = new URL('../', form.action);
  const site = (path: string) => {
    const url = new URL(path, root);
    if (url.protocol === 'file:' && url.pathname.endsWith('/')) url.pathname += 'index.html';
    return url.href;
  };
  return {
    doc: (id) => site(`docs/${id}/`),
    task: (id, eid) => site(`docs/${id}/#${eid}`),
    concept: (id) => site(`concepts/${id}/`),
  };
}

function render(form: HTMLFormElement, result: HTMLElement, pa: ClientDocument, pb: ClientDocument): string {
  const [va, vb] = payloadVectors([pa, pb]);
  const names = { ...pa.conceptNames, ...pb.conceptNames };
  const conceptInfo = new Map<string, ConceptInfo>(Object.entries(names).map(([id, name]) => [id, { id, name }]));
  const tasksA = payloadTasks(pa);
  const tasksB = payloadTasks(pb);
  const comparison = comparePair(
    { id: pa.doc.id, tasks: tasksA, vectors: va, targets: pa.targets, concepts: pa.concepts },
    { id: pb.doc.id, tasks: tasksB, vectors: vb, targets: pb.targets, concepts: pb.concepts },
    conceptInfo,
  );
  const view = comparisonView({
    comparison,
    a: { doc: pa.doc, tasks: tasksA, concepts: pa.concepts },
    b: { doc: pb.doc, tasks: tasksB, concepts: pb.concepts },
    conceptInfo,
    links: siteLinks(form),
  });
  const heading = document.createElement('h2');
  heading.className = 'visually-hidden';
  heading.id = 'cmp-result-title';
  heading.tabIndex = -1;
  heading.textContent = `对比结果：${pa.doc.title} 与 ${pb.doc.title}`;
  const extra: Node[] = [];
  const fixed = document.querySelector<HTMLAnchorElement>(
    `.cmp-pairs li[data-kind]:not([data-kind="version"])[data-a="${CSS.escape(pa.doc.id)}"][data-b="${CSS.escape(pb.doc.id)}"] a`,
  );
  if (fixed) {
    const p = document.createElement('p');
    p.className = 'cmp-actions';
    const a = document.createElement('a');
    a.className = 'button';
    a.href = fixed.href;
    a.textContent = '打开此对比的固定页面（无需 JavaScript）';
    p.append(a);
    extra.push(p);
  }
  result.replaceChildren(heading, ...extra, toDom(view));
  result.hidden = false;
  const pairs = comparison.rows.filter((r) => r.a !== undefined && r.b !== undefined).length;
  return `已对比：对应任务 ${pairs} 对，共同指标 ${comparison.targets.length} 项。`;
}

async function start(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.cmp-pick');
  const result = document.querySelector<HTMLElement>('#cmp-result');
  const status = document.querySelector<HTMLElement>('.cmp-status');
  if (!form || !result || !status) return;
  const selectA = form.elements.namedItem('a') as HTMLSelectElement;
  const selectB = form.elements.namedItem('b') as HTMLSelectElement;
  const params = new URLSearchParams(window.location.search);
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const has = (select: HTMLSelectElement, id: string) => Array.from(select.options).some((o) => o.value === id);
  if (a && has(selectA, a)) selectA.value = a;
  if (b && has(selectB, b)) selectB.value = b;
  if (!a || !b) return;
  if (!has(selectA, a) || !has(selectB, b)) {
    status.textContent = '所选文件不存在，请重新选择。';
    return;
  }
  if (a === b) {
    status.textContent = '请选择两份不同的文件。';
    return;
  }
  status.textContent = '正在对比……';
  try {
    const [pa, pb] = await Promise.all([loadPayload(selectA, a), loadPayload(selectB, b)]);
    status.textContent = render(form, result, pa, pb);
  } catch (error) {
    status.textContent = `无法完成对比：${error instanceof Error ? error.message : String(error)}`;
  }
}

void start();
