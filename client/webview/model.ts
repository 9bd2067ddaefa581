/**
 * model: the data the page draws and how chains are read from it — the server's own definition
 * (server/src/graph/graphModel.ts has no imports, so the page bundle takes nothing else with it).
 */
export { chainsOf } from '../../server/src/graph/graphModel';
export type { GraphEdge, GraphModel, GraphNode, Why } from '../../server/src/graph/graphModel';
