/**
 * details: the side panel of the module graph view — the focused module's state (selected, lost,
 * replaced, missing, pruned), the chains that set its path's version (clickable), and the lower
 * requirements that lost; a legend when nothing is focused. Built with DOM nodes and textContent
 * only (module paths and go.mod messages are never parsed as HTML).
 */
import { GraphModel, GraphNode, Why } from '../model';

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function link(id: string, select: (id: string) => void): HTMLElement {
  const a = el('a', id, 'gml-link');
  a.setAttribute('href', '#');
  a.dataset.id = id;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    select(id);
  });
  return a;
}

function legend(panel: HTMLElement, model: GraphModel): void {
  panel.append(el('h2', 'Module graph'), el('p', 'Click a module (or search its path and press Enter) to see why its version is selected. Double-click collapses or expands what it requires; scroll to zoom, drag to pan.'));
  const items: [string, string][] = [
    ['sel', 'selected by MVS'], ['lost', 'a lower version that lost (small, grey)'], ['main', 'main module'],
    ['replaced', 'replaced (⇒ the replacement)'], ['missing', '⚠ go.mod missing: the graph is incomplete there'],
    ['pruned', 'thin grey arrow: pruned requirement, its go.mod is not read'], ['hl', 'the chain that explains the focused module'],
  ];
  const ul = el('ul', undefined, 'gml-legend');
  for (const [cls, text] of items) {
    const li = el('li');
    li.append(el('span', '', `gml-swatch gml-${cls}`), document.createTextNode(` ${text}`));
    ul.append(li);
  }
  panel.append(ul);
  const missing = model.nodes.filter((n) => n.missing).length;
  if (missing > 0) panel.append(el('p', `${missing} module(s) have no go.mod available.`, 'gml-warn'));
}

/** renderDetails fills the panel for node n (undefined: the legend). */
export function renderDetails(panel: HTMLElement, model: GraphModel, n: GraphNode | undefined, selectedId: string | undefined, why: Why | undefined, chains: string[][], select: (id: string) => void): void {
  panel.replaceChildren();
  if (!n) return legend(panel, model);
  panel.append(el('h2', n.path), el('p', n.main ? 'main module' : n.version, 'gml-version'));
  if (n.main) panel.append(el('p', 'A main module: its requirements are the roots of the graph.'));
  else if (n.selected) panel.append(el('p', `Selected by minimal version selection: ${n.version}.`));
  else if (selectedId) {
    const p = el('p', `Not selected: a higher requirement wins, MVS selects `);
    p.append(link(selectedId, select));
    panel.append(p);
  }
  if (n.replacement) panel.append(el('p', `Replaced by ${n.replacement}.`));
  if (n.missing) panel.append(el('p', `⚠ go.mod not available: ${n.missing}`, 'gml-warn'));
  else if (!n.loaded && !n.main) panel.append(el('p', 'Its go.mod is not read (graph pruning): its own requirements do not count here.'));
  if (chains.length > 0) {
    panel.append(el('h3', `Why ${selectedId}`));
    const ol = el('ol', undefined, 'gml-chains');
    for (const c of chains) {
      const li = el('li');
      c.forEach((id, i) => {
        if (i > 0) li.append(document.createTextNode(' → '));
        li.append(link(id, select));
      });
      ol.append(li);
    }
    panel.append(ol);
  }
  if (why && why.lower.length > 0) {
    panel.append(el('h3', 'Lower requirements, overridden'));
    const ul = el('ul');
    for (const l of why.lower) {
      const li = el('li');
      li.append(link(l.by, select), document.createTextNode(` requires ${l.version}`));
      ul.append(li);
    }
    panel.append(ul);
  }
  const reqs = model.edges.filter((e) => e.from === n.id);
  if (reqs.length > 0) {
    panel.append(el('h3', `Requires (${reqs.length})`));
    const ul = el('ul');
    for (const e of reqs.slice(0, 50)) {
      const li = el('li');
      li.append(link(e.to, select));
      if (e.pruned) li.append(document.createTextNode(' (pruned)'));
      ul.append(li);
    }
    panel.append(ul);
  }
}
