/** layoutWorker: the Web Worker that runs layoutGraph off the page's thread (one message in, one out). */
import { LayoutInput, layoutGraph } from './layout';

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutInput>) => void) | null; postMessage: (m: unknown, transfer: Transferable[]) => void };
scope.onmessage = (e) => {
  const out = layoutGraph(e.data);
  scope.postMessage(out, [out.positions.buffer]);
};
