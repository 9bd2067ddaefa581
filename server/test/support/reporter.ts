/**
 * The project's mocha reporter: mocha's dot reporter, then the notes tests wrote (support/notes.ts:
 * figures of differential runs, the go command each ran) and the list of skipped tests with the
 * reason in their titles — each on its own line after the summary, never between the dots.
 */
import * as Mocha from 'mocha';
import { NoteSink, installNoteSink } from './notes';

class DotWithNotes extends Mocha.reporters.Dot {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const notes: NoteSink = [];
    const skipped: string[] = [];
    let current: string | undefined;
    installNoteSink(notes, () => current);
    runner.on(Mocha.Runner.constants.EVENT_TEST_BEGIN, (t: Mocha.Test) => { current = t.fullTitle(); });
    runner.on(Mocha.Runner.constants.EVENT_HOOK_BEGIN, (h: Mocha.Hook) => { current = h.parent?.fullTitle(); });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (t: Mocha.Test) => { skipped.push(t.fullTitle()); });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      let last: string | undefined;
      if (notes.length > 0) process.stdout.write('  notes:\n');
      for (const n of notes) {
        if (n.title !== last) process.stdout.write(`  ${n.title}\n`);
        last = n.title;
        process.stdout.write(n.text.split('\n').map((l) => `      ${l}\n`).join(''));
      }
      if (skipped.length > 0) process.stdout.write(`\n  skipped (${skipped.length}):\n${skipped.map((s) => `    ${s}\n`).join('')}`);
      if (notes.length + skipped.length > 0) process.stdout.write('\n');
    });
  }
}

export = DotWithNotes;
