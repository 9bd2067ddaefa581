/**
 * Mocha suites over the real go commands (env.ts goOracles): a differential suite is declared once
 * per go command available, its title naming that go's version, so every result says which go
 * judged it. Without any go command the suite is declared once, skipped, with one line saying what
 * is missing.
 */
import { GoOracle, goOracle, goOracles, noGoOracle } from './env';

/** describeEachGo declares `title` once per go oracle (newest first), passing it to body. */
export function describeEachGo(title: string, body: (this: Mocha.Suite, oracle: GoOracle) => void): void {
  const all = goOracles();
  if (all.length === 0) {
    skippedSuite(title, noGoOracle());
    return;
  }
  for (const o of all) describe(`${title} [${o.version}]`, function () { body.call(this, o); });
}

/** describeWithGo declares `title` against the go command of one release, or skipped without it. */
export function describeWithGo(release: string, title: string, body: (this: Mocha.Suite, oracle: GoOracle) => void): void {
  const o = goOracle(release);
  if (!o) {
    skippedSuite(title, noGoOracle(release));
    return;
  }
  describe(`${title} [${o.version}]`, function () { body.call(this, o); });
}

/** skippedSuite is a suite with one pending test whose title says why it did not run. */
function skippedSuite(title: string, why: string): void {
  describe(title, () => {
    it(why);
  });
}
