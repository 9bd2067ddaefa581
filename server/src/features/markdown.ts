/**
 * Markdown from workspace strings. A module path, a replacement directory, a comment, an error
 * message: anything read from a file can hold `[click](https://…)`, `<command:…>`, `![x](…)` or HTML,
 * and an editor renders hovers, tooltips and status-bar tips as Markdown (some of them trusted, able
 * to run commands). Every such string goes into Markdown through mdText or mdCode; only our own fixed
 * text is written as Markdown.
 */

/**
 * mdText is s as Markdown text that renders as s itself. Escaped: what could start a link or image
 * (`[`, `]`), an autolink or HTML (`<`, `>`), an entity (`&`), a code span or emphasis (`` ` ``, `*`,
 * `_`, `~`), a theme icon (`$`, VS Code's `$(name)`), what GitHub's Markdown would link bare
 * (`://`, `www.`, the `@` of `path@version` as of an e-mail address) and the backslash; and, after a line break inside s, whatever would open a block there
 * (a heading, list, quote, fence or setext underline). Dots, slashes and dashes stay as they are, so
 * a client that shows Markdown unrendered (Neovim) still shows `example.com/a v1.2.3` plainly.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`*_~[\]<>&$]/g, '\\$&')
    .replace(/:\/\//g, '\\://') // a bare URL would be linked (GitHub's autolinks)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@(?=[A-Za-z0-9])/g, '\\@') // path@version would be linked as an e-mail address
    .replace(/(\n[ \t]*)([#+\-=>|])/g, '$1\\$2')
    .replace(/(\n[ \t]*\d+)([.)])/g, '$1\\$2');
}

/**
 * mdCode is s as a code span: shown literally, in a monospace font. The fence is one backtick longer
 * than the longest run inside s, and a space pads it where s starts or ends with a backtick (or
 * space), as CommonMark requires; line breaks, which a code span would turn into spaces anyway, become
 * spaces so that the span cannot end a paragraph.
 */
export function mdCode(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
