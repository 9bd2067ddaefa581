// The GitHub Action's pull-request comment (action.yml): posts the Markdown `go-mod-lens diff` wrote,
// or updates the comment an earlier run posted (found by the marker its body starts with), so that
// a pull request carries one go-mod-lens comment however often it is pushed.
//
//   node scripts/action-comment.mjs PR_NUMBER BODY_FILE
//
// GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL come from the Actions environment.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- go-mod-lens diff -->';
const LIMIT = 65536; // GitHub's longest comment body

const [pr, file] = process.argv.slice(2);
const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
const repo = process.env.GITHUB_REPOSITORY;
const token = process.env.GITHUB_TOKEN;
if (!/^\d+$/.test(pr ?? '') || !file || !repo || !token) {
  console.error('usage: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/name node action-comment.mjs PR_NUMBER BODY_FILE');
  process.exit(2);
}

let body = readFileSync(file, 'utf8');
if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
if (body.length > LIMIT) {
  const note = '\n\n… (cut: the comparison is longer than a comment can be; the job summary has all of it)\n';
  body = body.slice(0, LIMIT - note.length) + note;
}

/* global fetch */
async function call(method, path, payload) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'Authorization': `Bearer ${token}`, 'Accept': 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': 'go-mod-lens-action', ...(payload ? { 'Content-Type': 'application/json' } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

try {
  let existing;
  for (let page = 1; !existing; page++) {
    const comments = await call('GET', `/repos/${repo}/issues/${pr}/comments?per_page=100&page=${page}`);
    existing = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (comments.length < 100) break;
  }
  if (existing) {
    await call('PATCH', `/repos/${repo}/issues/comments/${existing.id}`, { body });
    console.log(`go-mod-lens: updated comment ${existing.html_url ?? existing.id}`);
  } else {
    const c = await call('POST', `/repos/${repo}/issues/${pr}/comments`, { body });
    console.log(`go-mod-lens: commented ${c.html_url ?? c.id}`);
  }
} catch (e) {
  // a pull request from a fork gets a read-only token: say so, the job summary still has the comparison
  console.error(`go-mod-lens: could not comment on pull request ${pr}: ${e.message}`);
  process.exit(1);
}
