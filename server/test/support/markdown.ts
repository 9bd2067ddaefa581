/**
 * Markdown as a client renders it: VS Code renders hovers, inlay-hint tooltips and status-bar tips
 * with marked (GFM). Tests check what a user reads (the rendered text) and what a user could click
 * (the rendered links and images), not the escaped source. marked is an ES module: call
 * loadMarkdown() (async) once before the synchronous helpers.
 */
type Marked = typeof import('marked', { with: { 'resolution-mode': 'import' } });
let lib: Marked | undefined;

/** loadMarkdown loads marked; the helpers below need it. */
export async function loadMarkdown(): Promise<void> {
  lib ??= await import('marked');
}

function marked(): Marked {
  if (!lib) throw new Error('call loadMarkdown() before rendering Markdown');
  return lib;
}

/** renderMarkdown is the HTML marked makes of md, with GitHub's extensions as VS Code enables them. */
export function renderMarkdown(md: string): string {
  return marked().parse(md, { gfm: true, async: false });
}

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** markdownToText is the text a reader sees: the rendered HTML without its tags, entities decoded. */
export function markdownToText(md: string): string {
  return renderMarkdown(md).replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e]).trim();
}

/** markdownTargets lists what a reader could follow in the rendered md: link hrefs and image sources. */
export function markdownTargets(md: string): string[] {
  const html = renderMarkdown(md);
  return [...html.matchAll(/<(?:a\s[^>]*href|img\s[^>]*src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** markdownHtmlTags lists the HTML tags of the rendered md other than those Markdown itself makes. */
export function markdownHtmlTags(md: string): string[] {
  const made = new Set(['p', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'a', 'hr', 'br', 'pre', 'del', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img']);
  return [...renderMarkdown(md).matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()).filter((t) => !made.has(t));
}
