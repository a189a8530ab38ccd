/**
 * The payload corpus: text a hostile contributor might put in any field of the README.
 * Code payloads call `alert` or set `top.pwned`; markup payloads carry the marker `pwn` in a tag or
 * attribute name, so an element or attribute that got through is easy to find in the DOM.
 */
export interface Payload {
  name: string
  text: string
}

export const textPayloads: Payload[] = [
  {name: 'script tag', text: '<script>top.pwned=1;alert("pwn")</script>'},
  {name: 'script tag, upper case', text: '<SCRIPT SRC=//evil.example/x.js pwn></SCRIPT>'},
  {name: 'img onerror', text: '<img src=x onerror="alert(\'pwn\')" pwn>'},
  {name: 'svg onload', text: '<svg onload=alert(1) pwn><circle r=5 /></svg>'},
  {name: 'svg script', text: '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text pwn>x</text></a></svg>'},
  {name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.pwned=1</script>" pwn></iframe>'},
  {name: 'details ontoggle', text: '<details open ontoggle=alert(1) pwn>x</details>'},
  {name: 'attribute breakout, double quote', text: '"><img src=x onerror=alert(1) pwn>'},
  {name: 'attribute breakout, single quote', text: "'><img src=x onerror=alert(1) pwn>"},
  {name: 'event handler injection', text: '" onmouseover="alert(1)" pwn="'},
  {name: 'unquoted attribute breakout', text: 'x onfocus=alert(1) autofocus pwn'},
  {name: 'closing tags', text: '</title></textarea></style></script></noscript><img src=x onerror=alert(1) pwn>'},
  {name: 'html comment', text: '--><img src=x onerror=alert(1) pwn><!--'},
  {name: 'base and meta refresh', text: '<base href="//evil.example/" pwn><meta http-equiv="refresh" content="0;url=javascript:alert(1)" pwn>'},
  {name: 'style and link', text: '<style>*{display:none}</style><link rel=stylesheet href=//evil.example/x.css pwn>'},
  {name: 'object and embed', text: '<object data="javascript:alert(1)" pwn></object><embed src="javascript:alert(1)" pwn>'},
  {name: 'form action', text: '<form action="javascript:alert(1)" pwn><button formaction="javascript:alert(1)">go</button></form>'},
  {name: 'math mXSS', text: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1) pwn>'},
  {name: 'noscript mXSS', text: '<noscript><p title="</noscript><img src=x onerror=alert(1) pwn>">'},
  {name: 'custom element', text: '<pwn-el onclick=alert(1)>x</pwn-el>'},
  {name: 'markdown javascript link', text: '[click](javascript:alert(1))'},
  {name: 'markdown javascript link, entities', text: '[click](&#106;&#97;vascript&#58;alert(1))'},
  {name: 'markdown data image', text: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'},
  {name: 'markdown autolink javascript', text: '<javascript:alert(1)>'},
  {name: 'eta template, escaped', text: '<%= it.site.csp %><%= process.exit(1) %>'},
  {name: 'eta template, raw', text: '<%~ include("/layouts/base") %><% throw new Error("pwn") %>'},
  {name: 'mustache template', text: "{{constructor.constructor('alert(1)')()}}"},
  {name: 'template literal', text: '${alert(1)}`${top.pwned=1}`'},
  {name: 'prototype names', text: '__proto__'},
  {name: 'constructor', text: 'constructor'},
  {name: 'bidi override', text: 'gnp.\u202Eexe.txt\u202C and \u2067RTL isolate without end'},
  {name: 'zero-width and control characters', text: 'a\u200Bb\u200Dc\u0007d\u001Be\uFEFFf'},
  {name: 'percent-encoded markup', text: '%3Cscript%3Ealert(1)%3C%2Fscript%3E'},
  {name: 'HTML entities', text: '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1) pwn&#62;'},
  {name: 'ampersands and quotes', text: `Tom & Jerry's "pruning" <3 && a<b>c`},
  {name: 'markdown emphasis and code', text: '*<img src=x onerror=alert(1) pwn>* `<script>alert(1)</script>`'},
  {name: 'table pipe', text: 'a | <img src=x onerror=alert(1) pwn> | b'},
  {name: 'link brackets', text: '] [x](javascript:alert(1)) ['},
  {name: 'JSON breakout', text: '"}]}</script><script>alert(1)</script>'},
  {name: 'CJK, emoji and RTL', text: '剪枝 🚀 تقليم גיזום'}
]

/** Built on its own: in every field of one list it alone makes a site of several megabytes. */
// Under the cell and paragraph limits (src/parse/limits.ts) in every field it is written to, so that it reaches the renderer.
export const hugePayload: Payload = {name: '30 KB name', text: `${'A'.repeat(15_000)}<img src=x onerror=alert(1) pwn>${'B'.repeat(15_000)}`}

/** URLs that must never reach an href or src: hidden with entities, whitespace, control characters or case. */
export const urlPayloads: Payload[] = [
  {name: 'javascript:', text: 'javascript:alert(1)'},
  {name: 'javascript: mixed case', text: 'JaVaScRiPt:alert(1)'},
  {name: 'javascript: decimal entities', text: '&#106;avascript:alert(1)'},
  {name: 'javascript: hex entities', text: '&#x6A;&#x61;vascript&#x3A;alert(1)'},
  {name: 'javascript: named entity colon', text: 'javascript&colon;alert(1)'},
  {name: 'javascript: tab inside', text: 'java&#x09;script:alert(1)'},
  {name: 'javascript: newline inside', text: 'java&#x0A;script:alert(1)'},
  {name: 'javascript: leading space', text: '<  javascript:alert(1)>'},
  {name: 'javascript: leading control character', text: '&#x01;javascript:alert(1)'},
  {name: 'javascript: percent-encoded', text: 'javascript%3Aalert(1)'},
  {name: 'javascript: angle brackets with space', text: '<java script:alert(1)>'},
  {name: 'vbscript:', text: 'vbscript:msgbox(1)'},
  {name: 'data: html', text: 'data:text/html,<script>alert(1)</script>'},
  {name: 'data: base64', text: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='},
  {name: 'file:', text: 'file:///etc/passwd'},
  {name: 'protocol-relative', text: '//evil.example/x'},
  {name: 'relative path', text: '../../etc/passwd'},
  {name: 'attribute breakout in URL', text: 'https://example.org/"onmouseover="alert(1)"'},
  {name: 'angle brackets in URL', text: 'https://example.org/<script>alert(1)</script>'}
]

/**
 * Text aimed at the formats other than HTML: BibTeX, Atom and the sitemap, JSON, the CI log, its
 * annotations and its step summary (test/output-formats.test.ts). None holds a line break: each is
 * written into one-line README fields, and into the fields of papers.meta.json. Nor an http(s) URL:
 * in README text GFM makes one a link, which ends a title.
 */
export const formatPayloads: Payload[] = [
  {name: 'BibTeX @preamble (issue 9, finding 1)', text: '@preamble{ "\\immediate\\write18{touch /tmp/pwned}\\input{/etc/hostname}" }'},
  {name: 'BibTeX entry, @string and @comment', text: '@misc{evil, title = {x}} @string{s = "b"} @comment{c}'},
  {name: 'BibTeX field breakout', text: '}, note = {injected}, x = {'},
  {name: 'unbalanced braces', text: '{{{ }}} } {'},
  {name: 'LaTeX commands and specials', text: '\\input{/etc/passwd} \\def\\x{y} \\\\ \\end{document} $x^2$ #1 ~_&'},
  {name: 'percent signs and encoded line breaks', text: '100% %0A%0D%25 % done'},
  {name: 'LaTeX ligatures', text: "-- --- '' `` ?` !` << >> ,,"},
  {name: 'CDATA end', text: ']]> <![CDATA[ x ]]>'},
  {name: 'XML elements', text: '</title><x:evil xmlns:x="urn:evil">INJECTED</x:evil><link rel="enclosure" href="//evil.example/a.exe"/>'},
  {name: 'XML entities and a DTD', text: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e; &amp; &#0; &#x1;'},
  {name: 'HTML', text: '<script>alert(1)</script><img src=x onerror=alert(1)>'},
  {name: 'C0 and C1 controls, DEL', text: 'a\u0000b\u0001c\u0007d\u0008e\u000bf\u000cg\u001bh[31mi\u007fj\u0085k\u009bl'},
  {name: 'noncharacters', text: 'a\ufffeb\uffffc\ufdd0d'},
  {name: 'lone surrogates', text: 'a\ud800b\udfffc'},
  {name: 'bidi controls', text: 'abc\u202edcba\u202c \u2066isolate \u200fmark'},
  {name: 'GitHub ##[ commands', text: '##[error]pwn ##[add-mask]secret ##[stop-commands]resume'},
  {name: 'GitHub :: commands', text: '::error file=x::pwn ::stop-commands::resume ::add-mask::x'},
  {name: 'encoded commands', text: '%0A::error::pwn%0D%0A##[error]pwn'},
  {name: 'line and paragraph separators', text: 'a\u2028::error::pwn\u2029##[error]pwn'},
  {name: 'backticks', text: '`` ` `code` ```fence'},
  {name: 'markdown in the step summary', text: '| cell | ![x](//evil.example/x.png) [link](//evil.example) <img src=x>'},
  {name: 'JSON breakout', text: '"}]}, {"x": "\\u0000'}
]
