/**
 * note is how a test reports a figure of its run (a differential's counts, the go command it ran,
 * why it skipped): with the project's reporter (support/reporter.ts) the notes are printed together
 * after the run, under the test that wrote them, instead of between the progress dots; with any
 * other reporter they are printed at once.
 */

/** NoteSink is where the reporter collects notes: the test's full title and the text. */
export type NoteSink = { title: string; text: string }[];

interface NoteGlobal { gmlNoteSink?: NoteSink; gmlCurrentTitle?: string }

/** note records text (one or more lines) for the test or hook that is running. */
export function note(text: string): void {
  const g = globalThis as NoteGlobal;
  if (g.gmlNoteSink) g.gmlNoteSink.push({ title: g.gmlCurrentTitle ?? '', text });
  else console.log(text.split('\n').map((l) => `      ${l}`).join('\n'));
}

/** installNoteSink is called by the reporter: from then on notes are kept, not printed. */
export function installNoteSink(sink: NoteSink, title: () => string | undefined): void {
  const g = globalThis as NoteGlobal;
  g.gmlNoteSink = sink;
  Object.defineProperty(g, 'gmlCurrentTitle', { get: title, configurable: true });
}
