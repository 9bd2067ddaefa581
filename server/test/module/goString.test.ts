// Tests for goString: every expected value below was produced by Go 1.19's strconv/unicode (throwaway
// oracle program, not part of the repo). Inputs are JS strings; an invalid UTF-8 byte 0xNN Go saw is
// the lone surrogate U+DCNN here (the decoding convention), any other lone surrogate stands for its
// WTF-8 bytes.
import * as assert from 'node:assert/strict';
import {
  decodeGoBytes, encodeGoBytes, goCompareStrings, goQuote, goQuoteRune, goUnquote, isGoLetter, isGoPrint, isGoSpace,
} from '../../src/module';

const lit = (s: string): string => JSON.stringify(s);

describe('module/goString', () => {
  describe('isGoPrint (unicode.IsPrint)', () => {
    // Run lengths over U+0000..U+02FF, alternating not-printable / printable, from Go.
    const runs = [32, 95, 34, 12, 1, 594];
    it('matches Go for every code point below U+0300', () => {
      let cp = 0;
      runs.forEach((n, k) => {
        for (let end = cp + n; cp < end; cp++) assert.equal(isGoPrint(cp), k % 2 === 1, `U+${cp.toString(16)}`);
      });
      assert.equal(cp, 0x300);
    });
    const table: [number, boolean][] = [
      [0x2028, false], [0x200b, false], [0x1f600, true], [0xe000, false], [0xd800, false], [0xdfff, false],
      [0x10ffff, false], [0x110000, false], [-1, false], [0xfffd, true], [0xfffe, false], [0x3000, false],
      [0x4e2d, true], [0xe0001, false], [0xe0100, true], [0xfeff, false], [0x1d400, true], [0x10fffd, false],
      [0x301, true], [1.5, false], [NaN, false], [Infinity, false],
    ];
    for (const [cp, want] of table) {
      it(`U+${cp.toString(16)} -> ${want}`, () => {
        assert.equal(isGoPrint(cp), want);
        assert.equal(isGoPrint(cp), want, 'memoised answer agrees');
      });
    }
  });

  describe('isGoSpace (unicode.IsSpace)', () => {
    const spaces = [9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201,
      8202, 8232, 8233, 8239, 8287, 12288];
    it('is true exactly for Go\'s White_Space code points', () => {
      const set = new Set(spaces);
      for (let cp = 0; cp <= 0x10ffff; cp++) assert.equal(isGoSpace(cp), set.has(cp), `U+${cp.toString(16)}`);
      assert.equal(isGoSpace(-1), false);
    });
  });

  describe('isGoLetter (unicode.IsLetter)', () => {
    const table: [number, boolean][] = [[0x41, true], [0x7a, true], [0x30, false], [0x5f, false], [0xe9, true],
      [0x438, true], [0x4e2d, true], [0x263a, false], [0x301, false], [0xd800, false], [0x110000, false]];
    for (const [cp, want] of table) it(`U+${cp.toString(16)} -> ${want}`, () => assert.equal(isGoLetter(cp), want));
  });

  describe('goQuote (strconv.Quote)', () => {
    const table: [string, string][] = [
      ["", "\"\""],
      ["abc", "\"abc\""],
      ["hello, world", "\"hello, world\""],
      ["a\"b", "\"a\\\"b\""],
      ["a\\b", "\"a\\\\b\""],
      ["it's", "\"it's\""],
      ["back`tick", "\"back`tick\""],
      ["\u0000", "\"\\x00\""],
      ["\u0001", "\"\\x01\""],
      ["\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""],
      ["\u001b", "\"\\x1b\""],
      ["\u001f", "\"\\x1f\""],
      ["\u007f", "\"\\x7f\""],
      ["x\u007fy", "\"x\\x7fy\""],
      ["\u0080", "\"\\u0080\""],
      ["\u009f", "\"\\u009f\""],
      ["\u00a0", "\"\\u00a0\""],
      ["a\u00a0b", "\"a\\u00a0b\""],
      ["\u00a1", "\"\u00a1\""],
      ["\u00ad", "\"\\u00ad\""],
      ["\u00e9t\u00e9", "\"\u00e9t\u00e9\""],
      ["\u00ff", "\"\u00ff\""],
      ["\u0301", "\"\u0301\""],
      ["e\u0301", "\"e\u0301\""],
      ["\u2000", "\"\\u2000\""],
      ["\u200b", "\"\\u200b\""],
      ["\u200d", "\"\\u200d\""],
      ["\u2028", "\"\\u2028\""],
      ["\u2029", "\"\\u2029\""],
      ["\u202e", "\"\\u202e\""],
      ["\u3000", "\"\\u3000\""],
      ["\ufeff", "\"\\ufeff\""],
      ["\ue000", "\"\\ue000\""],
      ["\uf8ff", "\"\\uf8ff\""],
      ["\ufffd", "\"\ufffd\""],
      ["\uffff", "\"\\uffff\""],
      ["\ufffe", "\"\\ufffe\""],
      ["\u4e2d\u6587", "\"\u4e2d\u6587\""],
      ["\ud83d\ude00", "\"\ud83d\ude00\""],
      ["x\ud83d\ude00y", "\"x\ud83d\ude00y\""],
      ["\ud83c\uddfa\ud83c\uddf8", "\"\ud83c\uddfa\ud83c\uddf8\""],
      ["\udb40\udc01", "\"\\U000e0001\""],
      ["\udb40\udd00", "\"\udb40\udd00\""],
      ["\udb80\udc00", "\"\\U000f0000\""],
      ["\udbff\udfff", "\"\\U0010ffff\""],
      ["\ud835\udc00", "\"\ud835\udc00\""],
      ["\ud800", "\"\\xed\\xa0\\x80\""],
      ["a\udfffb", "\"a\\xed\\xbf\\xbfb\""],
      ["\udbff\ud800", "\"\\xed\\xaf\\xbf\\xed\\xa0\\x80\""],
      ["a\udcffb\udc80", "\"a\\xffb\\x80\""], // invalid bytes 0xff and 0x80 of a file, as Go quotes them
      ["github.com/user/unicode/\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435", "\"github.com/user/unicode/\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435\""],
    ];
    for (const [input, want] of table) it(`${lit(input)} -> ${want}`, () => assert.equal(goQuote(input), want));
  });

  describe('goQuoteRune (strconv.QuoteRune, also fmt %q and %#q of a rune)', () => {
    // Go prints the same text for %#q as for %q when the operand is a rune: the # (backquote) flag only
    // applies to strings. Checked for every row below with fmt.Sprintf("%q|%#q", r, r).
    const table: [number, string][] = [
      [-1, "'\ufffd'"], [0x0, "'\\x00'"], [0x7, "'\\a'"], [0x8, "'\\b'"], [0x9, "'\\t'"], [0xa, "'\\n'"],
      [0xb, "'\\v'"], [0xc, "'\\f'"], [0xd, "'\\r'"], [0x1b, "'\\x1b'"], [0x27, "'\\''"], [0x22, "'\"'"],
      [0x5c, "'\\\\'"], [0x60, "'`'"], [0x61, "'a'"], [0x7f, "'\\x7f'"], [0x80, "'\\u0080'"],
      [0xa0, "'\\u00a0'"], [0xad, "'\\u00ad'"], [0xe9, "'\u00e9'"], [0x2028, "'\\u2028'"], [0xd800, "'\ufffd'"],
      [0xfeff, "'\\ufeff'"], [0xfffd, "'\ufffd'"], [0x1f600, "'\ud83d\ude00'"], [0xe0001, "'\\U000e0001'"],
      [0x10ffff, "'\\U0010ffff'"], [0x110000, "'\ufffd'"],
    ];
    for (const [cp, want] of table) it(`${cp} -> ${want}`, () => assert.equal(goQuoteRune(cp), want));
  });

  describe('goUnquote (strconv.Unquote)', () => {
    const table: [string, { value: string } | { error: string }][] = [
      ["\"\"", { value: "" }],
      ["\"abc\"", { value: "abc" }],
      ["\"a b\"", { value: "a b" }],
      ["\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", { value: "\u0007\b\f\n\r\t\u000b\\\"" }],
      ["\"\\x41\"", { value: "A" }],
      ["\"\\x4a\\x4B\"", { value: "JK" }],
      ["\"\\101\"", { value: "A" }],
      ["\"\\000\"", { value: "\u0000" }],
      ["\"\\377\"", { value: "\udcff" }],
      ["\"\\400\"", { error: "invalid syntax" }],
      ["\"\\8\"", { error: "invalid syntax" }],
      ["\"\\0\"", { error: "invalid syntax" }],
      ["\"\\00\"", { error: "invalid syntax" }],
      ["\"\\xff\"", { value: "\udcff" }],
      ["\"\\xc3\\xa9\"", { value: "\u00e9" }],
      ["\"\\xc3\"", { value: "\udcc3" }],
      ["\"\\xe2\\x82\"", { value: "\udce2\udc82" }],
      ["\"\\xe2\\x82\\xac\"", { value: "\u20ac" }],
      ["\"\\xed\\xa0\\x80\"", { value: "\udced\udca0\udc80" }],
      ["\"\\xf0\\x9f\\x98\\x80\"", { value: "\ud83d\ude00" }],
      ["\"a\\xffb\"", { value: "a\udcffb" }],
      ["\"\\xc3x\"", { value: "\udcc3x" }],
      ["\"\\u00e9\"", { value: "\u00e9" }],
      ["\"\\u00E9\"", { value: "\u00e9" }],
      ["\"\\u2028\"", { value: "\u2028" }],
      ["\"\\ud800\"", { error: "invalid syntax" }],
      ["\"\\uD7FF\"", { value: "\ud7ff" }],
      ["\"\\U0010ffff\"", { value: "\udbff\udfff" }],
      ["\"\\U00110000\"", { error: "invalid syntax" }],
      ["\"\\U0001F600\"", { value: "\ud83d\ude00" }],
      ["\"\\u12\"", { error: "invalid syntax" }],
      ["\"\\x4\"", { error: "invalid syntax" }],
      ["\"\\xZZ\"", { error: "invalid syntax" }],
      ["\"\\q\"", { error: "invalid syntax" }],
      ["\"\\'\"", { error: "invalid syntax" }],
      ["\"\\\"", { error: "invalid syntax" }],
      ["\"a\nb\"", { error: "invalid syntax" }],
      ["\"a\tb\"", { value: "a\tb" }],
      ["\"a\rb\"", { value: "a\rb" }],
      ["\"\u0001\"", { value: "\u0001" }],
      ["\"\u2028\"", { value: "\u2028" }],
      ["\"\u00a0\"", { value: "\u00a0" }],
      ["\"\u00e9\"", { value: "\u00e9" }],
      ["\"\ud83d\ude00\"", { value: "\ud83d\ude00" }],
      ["\"\ufffd\"", { value: "\ufffd" }],
      ["\"a\"b\"", { error: "invalid syntax" }],
      ["\"a", { error: "invalid syntax" }],
      ["a\"", { error: "invalid syntax" }],
      ["\"", { error: "invalid syntax" }],
      ["'", { error: "invalid syntax" }],
      ["`", { error: "invalid syntax" }],
      ["", { error: "invalid syntax" }],
      ["'a'", { value: "a" }],
      ["'\u00e9'", { value: "\u00e9" }],
      ["'\ud83d\ude00'", { value: "\ud83d\ude00" }],
      ["''", { value: "" }],
      ["'ab'", { error: "invalid syntax" }],
      ["'\\''", { value: "'" }],
      ["'\"'", { value: "\"" }],
      ["'\\\"'", { error: "invalid syntax" }],
      ["'\\n'", { value: "\n" }],
      ["'\\x41'", { value: "A" }],
      ["'\\xff'", { value: "\udcff" }],
      ["'\\377'", { value: "\udcff" }],
      ["'\\u00e9'", { value: "\u00e9" }],
      ["'\\ufffd'", { value: "\ufffd" }],
      ["'\ufffd'", { value: "\ufffd" }],
      ["'\n'", { error: "invalid syntax" }],
      ["`abc`", { value: "abc" }],
      ["``", { value: "" }],
      ["`a\\nb`", { value: "a\\nb" }],
      ["`a\nb`", { value: "a\nb" }],
      ["`a\rb`", { value: "ab" }],
      ["`\r\n`", { value: "\n" }],
      ["`a`b`", { error: "invalid syntax" }],
      ["`a\"b`", { value: "a\"b" }],
      ["`abc", { error: "invalid syntax" }],
      ["abc`", { error: "invalid syntax" }],
      ["`\ufffd`", { value: "\ufffd" }],
      ["\"abc\" ", { error: "invalid syntax" }],
      [" \"abc\"", { error: "invalid syntax" }],
      ["x", { error: "invalid syntax" }],
      ["\"\\\\\"", { value: "\\" }],
      ["\"\\\\\\\"", { error: "invalid syntax" }],
      ["\"'\"", { value: "'" }],
      ["\"\\\"\\\"\"", { value: "\"\"" }],
      // Lone surrogates stand for three invalid bytes: three U+FFFD inside "…", too many for '…',
      // kept as they are inside `…` (Go does not validate raw strings).
      ["\"\ud800\"", { value: "\ufffd\ufffd\ufffd" }],
      ["'\ud800'", { error: "invalid syntax" }],
      ["`\ud800`", { value: "\ud800" }],
      ["\"a\udc00\\x41\"", { value: "a\ufffd\ufffd\ufffdA" }],
      // An escaped invalid byte of the file (U+DC80–U+DCFF) is one invalid byte: one U+FFFD inside "…".
      ["\"a\udcffb\"", { value: "a\ufffdb" }],
    ];
    for (const [input, want] of table) it(`${lit(input)}`, () => assert.deepEqual(goUnquote(input), want));

    it('round-trips goQuote for assorted strings', () => {
      for (const s of ['', 'a\u0000b', '\u2028\u00a0"\\', 'x\u{1f600}\u{e0001}', '\t\n\r\u007f']) {
        assert.deepEqual(goUnquote(goQuote(s)), { value: s });
      }
    });
  });

  describe('UTF-8 helpers', () => {
    it('decodeGoBytes yields one rune (U+DC00+byte) per invalid byte, like ranging over a Go string', () => {
      const table: [number[], string][] = [
        [[0x61, 0xc3, 0xa9], 'a\u00e9'], [[0xe2, 0x82], '\udce2\udc82'], [[0xed, 0xa0, 0x80], '\udced\udca0\udc80'],
        [[0xc0, 0x80], '\udcc0\udc80'], [[0xf4, 0x90, 0x80, 0x80], '\udcf4\udc90\udc80\udc80'],
        [[0xf0, 0x9f, 0x98, 0x80], '\u{1f600}'], [[0xe0, 0x9f, 0xbf], '\udce0\udc9f\udcbf'], [[0xff], '\udcff'],
        [[0xef, 0xbf, 0xbd], '\ufffd'], [[], ''],
      ];
      for (const [bytes, want] of table) assert.equal(decodeGoBytes(bytes), want, JSON.stringify(bytes));
    });
    it('encodeGoBytes is UTF-8, with escaped invalid bytes as themselves and WTF-8 for other lone surrogates', () => {
      assert.deepEqual(encodeGoBytes('a\u00e9\u20ac\u{1f600}'), [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
      assert.deepEqual(encodeGoBytes('\ud800x'), [0xed, 0xa0, 0x80, 0x78]);
      assert.deepEqual(encodeGoBytes('a\udcff\udc80b'), [0x61, 0xff, 0x80, 0x62]);
      const bytes = [0x61, 0xff, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xc0];
      assert.deepEqual(encodeGoBytes(decodeGoBytes(bytes)), bytes, 'every byte string comes back');
      assert.equal(decodeGoBytes(encodeGoBytes('x\u{10ffff}\u0000')), 'x\u{10ffff}\u0000');
    });
    it('goCompareStrings orders like Go (UTF-8 bytes), not like UTF-16 units', () => {
      const table: [string, string, number][] = [
        ['a', 'b', -1], ['b', 'a', 1], ['a', 'a', 0], ['a', 'ab', -1], ['', 'a', -1],
        ['\uffff', '\u{10000}', -1], ['\ue000', '\u{1f600}', -1], ['\u{1f600}', '\uffff', 1], ['\u00e9', 'z', 1],
      ];
      for (const [a, b, want] of table) assert.equal(goCompareStrings(a, b), want, `${lit(a)} vs ${lit(b)}`);
    });
  });
});
