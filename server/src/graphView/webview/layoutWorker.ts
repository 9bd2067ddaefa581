/** layoutWorker: the Web Worker that runs layoutGraph off the page's thread (one message in, one answer out, per layout). */
import { LayoutInput, layoutGraph, newLayouter } from './layout';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ seq: number; input: LayoutInput }>) => void) | null; postMessage: (m: unknown) => void };
const elk = newLayouter(); // one per worker: a second instance in one thread never answers
scope.onmessage = (e) => {
  layoutGraph(e.data.input, elk).then((out) => scope.postMessage({ seq: e.data.seq, out }), (err: unknown) => scope.postMessage({ seq: e.data.seq, error: String(err) }));
};
