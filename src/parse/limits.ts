/**
 * How much README the site takes. The parser (micromark, under remark) slows down faster than the text
 * grows on some shapes of input, and a pull request may be written to find them: a cell of 100,000
 * `[1],` took 48 s, a 50 MB file ran V8 out of heap. Even where it is linear it is slow on dense markup:
 * 5 MB of `*a* ` takes it 45 s of CPU, against 4 s for plain text. So the text is measured against these
 * limits before it is parsed, and whatever is over one is an error at its line.
 *
 * Each is far above any real list: the list itself is about 26 KB with 100 entries, and the
 * 10,000-paper lists of `npm run bench` are 4.6 MB, with lines of 13,000 characters and cells that
 * cite 1,900 papers.
 */
export const limits = {
  /** Bytes of the README file (UTF-8). Checked before the file is read. */
  bytes: 10 * 1024 * 1024,
  /** Characters in one line. */
  lineLength: 100_000,
  /** Characters in one paragraph (its lines together), heading or table cell: the parser reads each as one run of text. */
  paragraphLength: 100_000,
  /** Characters in one table cell. */
  cellLength: 50_000,
  /** Cells in one table row. */
  columns: 100,
  /** Entries: table rows, and list items that open with `[` as a paper entry does. Each is a page to build. */
  entries: 15_000,
  /** `[` in one table cell or paragraph: each opens a reference or link the parser has to try. */
  referencesPerCell: 5_000,
  /**
   * Markup in all: `[`, `]`, `\`, `&`, `<`, and runs of `*`, `_`, `~` or backticks. Each costs the parser 15 to
   * 40 µs and a few kilobytes of memory while it parses.
   */
  markup: 300_000,
  /** Cells in all tables together: each costs the parser about 60 µs. */
  cells: 50_000,
  /** Link reference definitions: `[id]: https://…`. */
  definitions: 10_000,
  /** Footnote definitions: `[^1]: …`. */
  footnotes: 1_000,
  /** Footnote calls (`[^1]`) in all: the renderer links each back, and 140,000 calls to one note overflowed its stack. */
  footnoteCalls: 10_000,
  /** Emphasis, strikethrough and brackets inside each other, as far as can be told before parsing. */
  inlineNesting: 100,
  /** `*`, `_`, `~` or `]` in one paragraph or cell that close nothing: the parser looks back over the whole paragraph for each. */
  unmatchedClosers: 200,
  /** Backtick runs in one paragraph or cell that open no code span: the parser reads to the paragraph's end for each. */
  unclosedCode: 20
} as const
