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
  panel.append(el('h2', 'Module graph'), el('p', 'The main module and its direct requirements first: Overview shows the whole graph (clustered by module path when large; click a cluster to open it). Click a module (or search its path and press Enter) to see why its version is selected; double-click or + shows what it requires. Keys: arrows move between modules, Home goes to the main module, Enter focuses, Escape goes back, + expands. Scroll zooms, drag pans; SVG and PNG save the view.'));
  const items: [string, string][] = [
    ['sel', 'selected by MVS'], ['lost', 'cards behind a box: lower versions of that module that lost'], ['main', 'main module'],
    ['replaced', 'replaced (⇒ the replacement)'], ['missing', '⚠ go.mod missing: the graph is incomplete there'],
    ['pruned', 'dashed: pruned requirement, its go.mod is not read'], ['lower', 'dotted: a requirement on a lower version that lost'],
    ['hl', 'the chain that explains the focused module'], ['cluster', 'a cluster of modules (overview)'],
    ['vulnerable', '[vulnerable]: known vulnerabilities (goModLens.vulnDB); [retracted]: retracted by its author'],
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
  if (n.vulnerable) {
    panel.append(el('h3', 'Known vulnerabilities'));
    const ul = el('ul', undefined, 'gml-warn');
    for (const v of n.vulnerable) ul.append(el('li', v));
    panel.append(ul);
  }
  if (n.retracted !== undefined) panel.append(el('p', `Retracted by its author${n.retracted ? `: ${n.retracted}` : ''}.`, 'gml-warn'));
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
