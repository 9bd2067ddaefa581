/**
 * The server's stdio connection. vscode-languageserver builds it from the process arguments; for
 * `--stdio` we build it here with our own message writer, because of what the library's writer
 * costs for a large answer (627 diagnostics of tailscale's go.mod, 250 KB of JSON), measured here:
 * JSON.stringify returns a string of many parts which V8 must then flatten into one 250 KB string
 * (1.8 ms), and Buffer.from then copies it into a fresh 250 KB buffer (1.7 ms) — after every
 * keystroke. ChunkedJsonWriter serialises a message as JSON pieces (a few dozen elements of a long
 * array each), joins them into strings of at most CHUNK characters and writes those, with the same bytes
 * on the wire (tested against JSON.stringify). What createConnection does for `--stdio` besides
 * (console output to the client's log, exit when stdin ends) is kept.
 */
import { format } from 'node:util';
import { AbstractMessageWriter, Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import type { Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';

/** the most characters joined into one written string */
const CHUNK = 16 * 1024;
/** array elements serialised together */
const SLICE = 48;

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null || proto === Array.prototype;
};

/**
 * jsonPieces appends the JSON of `value` to `out` as pieces whose concatenation is exactly
 * JSON.stringify(value): plain objects are opened up, arrays are serialised SLICE elements at a
 * time, anything else is one JSON.stringify. Like JSON.stringify, object members whose value is
 * undefined, a function or a symbol are left out, and such array elements become null.
 */
export function jsonPieces(value: unknown, out: string[]): void {
  if (typeof value !== 'object' || value === null || !isPlain(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.push(JSON.stringify(value) ?? 'null');
  } else if (Array.isArray(value)) {
    // slices of SLICE elements: one native JSON.stringify each (a call per element costs more
    // before the JIT has warmed up), with the slice's brackets cut off
    out.push('[');
    for (let i = 0; i < value.length; i += SLICE) {
      const json = JSON.stringify(i === 0 && value.length <= SLICE ? value : value.slice(i, i + SLICE));
      out.push(i > 0 ? ',' : '', json.slice(1, -1));
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      jsonPieces(v, out);
    }
    out.push('}');
  }
}

/** jsonChunks: the JSON of value as strings of at most about CHUNK characters (a single piece may be longer). */
export function jsonChunks(value: unknown): string[] {
  const pieces: string[] = [];
  jsonPieces(value, pieces);
  const chunks: string[] = [];
  let from = 0;
  let size = 0;
  for (let i = 0; i < pieces.length; i++) {
    size += pieces[i].length;
    if (size >= CHUNK || i === pieces.length - 1) {
      chunks.push(from === i ? pieces[i] : pieces.slice(from, i + 1).join(''));
      from = i + 1;
      size = 0;
    }
  }
  return chunks;
}

/**
 * ChunkedJsonWriter writes LSP messages (Content-Length header, JSON body in UTF-8) to a stream.
 * Each message is written whole within one call, so messages never interleave.
 */
export class ChunkedJsonWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (err: Error) => this.fireError(err));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let chunks: string[];
    try {
      chunks = jsonChunks(msg);
    } catch (err) {
      this.fireError(err, msg, ++this.errors);
      return Promise.reject(err);
    }
    let bytes = 0;
    for (const c of chunks) bytes += Buffer.byteLength(c, 'utf8');
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null): void => {
        if (!err) return resolve();
        this.fireError(err, msg, ++this.errors);
        reject(err);
      };
      try {
        this.out.write(`Content-Length: ${bytes}\r\n\r\n`, 'ascii');
        for (let i = 0; i < chunks.length; i++) this.out.write(chunks[i], 'utf8', i === chunks.length - 1 ? done : undefined);
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  end(): void {
    this.out.end();
  }
}

/** connectionFromArguments: the connection the process arguments ask for (`--stdio` built here, the others by the library). */
export function connectionFromArguments(argv: string[] = process.argv.slice(2)): Connection {
  if (!argv.includes('--stdio') || argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    return createConnection(ProposedFeatures.all);
  }
  // process.stdin as a stream (typed as a reader: the library accepts either at run time and wraps
  // a stream itself): then it also ends the process when stdin closes, exit code 0 after shutdown
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new ChunkedJsonWriter(process.stdout));
  // stdout carries the protocol: anything written with console goes to the client's log instead
  const log = (...args: unknown[]): void => connection.console.log(format(...args));
  console.log = console.info = console.debug = console.dir = console.table = log;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = console.trace = (...args: unknown[]) => connection.console.error(format(...args));
  console.assert = (ok?: unknown, ...args: unknown[]) => {
    if (!ok) connection.console.error(`Assertion failed${args.length ? `: ${format(...args)}` : ''}`);
  };
  return connection;
}
