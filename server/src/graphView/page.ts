/**
 * page: the HTML shell of the module graph view, shared by the VS Code webview
 * (panel.ts) and `go-mod-lens graph --html` (html.ts): the
 * Content-Security-Policy with a fresh nonce, the model as inline JSON data (never executed, `<`
 * escaped so no text in it can end the element), and the page's own head and script.
 */
import { randomBytes } from 'node:crypto';

export interface GraphPageParts {
  /** the policy, given the nonce the page script carries */
  csp: (nonce: string) => string;
  /** what goes in <head> before the model: title, stylesheet */
  head: string;
  /** the page script element, given the nonce */
  script: (nonce: string) => string;
  model: unknown;
  /** attributes of <body> (already escaped) */
  bodyAttributes?: string;
}

export function graphPageHtml(p: GraphPageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const data = JSON.stringify(p.model).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.csp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.head}
<script type="application/json" id="gml-model">${data}</script>
</head>
<body${p.bodyAttributes ? ` ${p.bodyAttributes}` : ''}>
${p.script(nonce)}
</body>
</html>
`;
}
