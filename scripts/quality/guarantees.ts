import {bytes, metaLimits} from '../../src/meta/schema.ts'

/**
 * The part of docs/QUALITY.md that no run measures: what each output format guarantees, and the
 * limits on papers.meta.json (read from the schema, so the page cannot drift from the code).
 */
export function guarantees(): string[] {
  return [
    '',
    '## What each output format guarantees',
    '',
    'Each format has one writer that every write goes through. `test/output-formats.test.ts` writes every payload class (`formatPayloads` in `test/hostile/payloads.ts`) through every field of the README and of `papers.meta.json`, and reads each format back with a real parser.',
    '',
    '| Format | Guarantee | Writer | Read back with |',
    '| --- | --- | --- | --- |',
    "| BibTeX (`papers.bib`, the entry on each paper page) | Only the papers' entries: BibTeX has no comment character outside entries, so no `@` is written there (`(at)`), and no `@preamble`, `@string` or `@comment` can start. Every value is one line in balanced braces, with BibTeX's and LaTeX's special characters written as commands (`\\textbraceleft{}`, `\\%`, `\\textbackslash{}`, …) and ligature pairs kept apart, so it reads back as the text it was; `url`, `doi` and `eprint` percent-encode braces, backslashes, spaces and `$`. | `src/cite/bibtex-text.ts` | BibTeX's top-level grammar; @retorquere/bibtex-parser |",
    '| XML (`feed.xml`, `sitemap.xml`) | Well-formed, with only Atom (RFC 4287) and sitemaps.org elements; text and attributes escaped (`& < > " \'`), the characters XML 1.0 forbids dropped; every date an RFC 3339 instant from the one date formatter, which refuses what does not read strictly. | `src/render/xml.ts`, `src/util/iso-date.ts` | xmldom (strict); libxml2 (xmllint-wasm); the sitemap XSD |',
    '| JSON (`graph.json`, `summaries.json`, JSON-LD) | `JSON.stringify` of the graph\'s values: the README\'s text, cleaned; dates from the one formatter. JSON-LD also writes `<`, `>`, `&`, U+2028 and U+2029 as `\\u` escapes, so it cannot end its `<script>` block. | `src/render/graph-json.ts`, `src/render/json-ld.ts` | `JSON.parse` |',
    '| HTML (every page) | Every value escaped by eta (`autoEscape`); prose sanitized (`hast-util-sanitize`), links only `http`, `https` and `mailto`; a Content-Security-Policy on every page; no control character, noncharacter or lone surrogate. | `templates/`, `src/render/markdown.ts` | html-validate; Chromium (`test/hostile.test.ts`) |',
    '| Terminal report | One line per message; control and bidi characters shown as `\\u{…}`; `##[` and `::` neutralised anywhere in a message, so no line is a runner command. | `src/report/terminal.ts` | the workflow-command grammar |',
    '| GitHub annotations | One `::error` or `::warning` command per line: its properties escaped (`%`, CR, LF, `:`, `,`), its message escaped (`%`, CR, LF) and with `##[` and `::` neutralised, so it carries no second command. | `src/report/github.ts` | the workflow-command grammar |',
    '| Step summary | A markdown table; README text is printed in an escaped HTML `<code>` element, so it cannot close its span, or add a link, an image or HTML. | `src/report/github.ts` | remark with GFM |',
    '',
    'Text is cleaned once, where it enters the graph (the README\'s tree before extraction, and the metadata reader): C0 controls but TAB, LF and CR, DEL and the C1 controls, noncharacters and lone surrogates are dropped (`src/util/clean-text.ts`), and the warning `text-control-character` names each README line that held one. A URL that holds one is refused, not cleaned.',
    '',
    '### Limits on `papers.meta.json`',
    '',
    'The file is validated against a schema (`src/meta/schema.ts`): keys are arXiv ids; `published` and `updated` are RFC 3339 date-times; `primaryCategory` is an arXiv category such as `cs.CL`, `math.OC` or `q-bio.NC`; a field the schema does not know is an error. Errors name the field\'s path (`papers["2402.02834"].published`) and stop the build; text past its limit is cut, with a warning that says what was cut.',
    '',
    '| | Limit | Past it |',
    '| --- | ---: | --- |',
    `| The file | ${bytes(metaLimits.fileBytes)} | an error; the file is not read. It must be a plain file, not a symbolic link; a byte order mark is allowed |`,
    `| A title | ${bytes(metaLimits.titleBytes)} | cut |`,
    `| An abstract | ${bytes(metaLimits.abstractBytes)} | cut |`,
    `| Authors | ${metaLimits.authors} | the rest cut |`,
    `| An author's name | ${bytes(metaLimits.authorBytes)} | cut |`,
    `| A journal reference | ${bytes(metaLimits.journalRefBytes)} | cut |`,
    `| A DOI | ${metaLimits.doiLength} characters | an error |`,
    `| Messages about the file | ${metaLimits.messages} | one more says how many were left out |`,
    ''
  ]
}
