/**
 * Progressive enhancement for every page. Pages are fully readable without it;
 * it adds: copy-link on permalinks, "复制引用" buttons, the table of contents'
 * "you are here" marker, and a highlight for the task named in the URL hash.
 */

/** Copies text to the clipboard; falls back to a selection for file:// pages. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function announce(message: string): void {
  let region = document.getElementById('copy-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-status';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  region.textContent = message;
}

function absolute(href: string): string {
  return new URL(href, window.location.href).href;
}

/**
 * Adds a "复制引用" button after each provision's permalink: 《document title》label and the
 * provision's URL. Made here rather than in the HTML because it only works with JavaScript.
 */
function addCiteButtons(): void {
  const title = document.querySelector<HTMLElement>('[data-cite-title]')?.dataset.citeTitle;
  if (title === undefined) return;
  for (const permalink of document.querySelectorAll<HTMLAnchorElement>('.prov-tools a.permalink')) {
    const heading = document.getElementById(decodeURIComponent(permalink.hash.slice(1)));
    if (!heading) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-cite';
    button.dataset.cite = `《${title}》${heading.dataset.label ?? ''}`;
    button.dataset.href = permalink.getAttribute('href') ?? '';
    button.textContent = '复制引用';
    permalink.parentElement?.append(button);
  }
}

function setUpCopyActions(): void {
  addCiteButtons();
  document.addEventListener('click', async (event) => {
    const target = event.target as HTMLElement | null;
    const cite = target?.closest<HTMLButtonElement>('button.copy-cite');
    if (cite) {
      const text = `${cite.dataset.cite ?? ''} ${absolute(cite.dataset.href ?? '')}`;
      if (await copyText(text)) {
        cite.dataset.copied = 'true';
        announce(`已复制引用：${text}`);
        cite.textContent = '已复制';
        setTimeout(() => (cite.textContent = '复制引用'), 1500);
      }
      return;
    }
    const permalink = target?.closest<HTMLAnchorElement>('a.permalink');
    if (permalink) {
      // Follow the link (so the URL shows the anchor) and copy it too.
      const url = absolute(permalink.getAttribute('href') ?? '');
      if (await copyText(url)) announce(`已复制链接：${url}`);
    }
  });
}

/** Marks the TOC entry of the section being read. */
function setUpTocSpy(): void {
  const toc = document.querySelector('.doc-toc');
  if (!toc || !('IntersectionObserver' in window)) return;
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  }
  let current: HTMLAnchorElement | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const link = links.get(entry.target.id);
        if (!link || link === current) continue;
        current?.removeAttribute('aria-current');
        link.setAttribute('aria-current', 'true');
        current = link;
      }
    },
    { rootMargin: '-10% 0px -80% 0px' },
  );
  for (const id of links.keys()) {
    const heading = document.getElementById(id);
    if (heading) observer.observe(heading);
  }
}

/** Highlights the provision named in the hash (also after in-page navigation). */
function highlightTarget(): void {
  for (const old of document.querySelectorAll('.is-target')) old.classList.remove('is-target');
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return;
  const heading = document.getElementById(id);
  heading?.closest('.prov')?.classList.add('is-target');
}

/**
 * On narrow screens the table of contents stands above the text; a long one would
 * push the document a screen down, so it starts folded there (one tap opens it).
 */
function foldTocOnNarrowScreens(): void {
  const details = document.querySelector<HTMLDetailsElement>('.doc-toc > details');
  if (details && window.matchMedia('(max-width: 63.99rem)').matches && !window.location.hash) details.open = false;
}

setUpCopyActions();
foldTocOnNarrowScreens();
setUpTocSpy();
highlightTarget();
window.addEventListener('hashchange', highlightTarget);
