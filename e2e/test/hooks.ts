/**
 * hooks: mocha root hooks of the end-to-end suite: a screenshot of the workbench when a test fails,
 * and code-server and the browser stopped at the end.
 */
import { Context } from 'mocha';
import { startedSession, stopSession } from '../src/session';

export const mochaHooks = {
  async afterEach(this: Context) {
    const t = this.currentTest;
    if (!t || t.state !== 'failed') return;
    const s = await startedSession();
    if (!s) return;
    const name = `FAILED-${t.fullTitle().replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}`;
    const path = await s.workbench.screenshot(name).catch(() => undefined);
    if (path) console.log(`    screenshot of the failure: ${path}`);
  },
  async afterAll() {
    await stopSession();
  },
};
