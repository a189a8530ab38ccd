import {HtmlValidate} from 'html-validate'
import type {Page} from './links.ts'

/**
 * html-validate with its recommended and document rules. What is turned off, and why:
 * - doctype-style: we write `<!doctype html>` in lower case, which HTML allows.
 * - require-sri: the only scripts and stylesheets are our own, same-origin and content-hashed in their
 *   names; SRI guards against a third-party host changing a file, which cannot happen here.
 * - long-title: an SEO hint (70 characters), not validity; paper titles are long, and cutting the
 *   title would hide the end of the paper's name from screen-reader and tab users.
 * - wcag/h32 (a submit button in every form): the search form filters in place as you type and is
 *   never submitted; WCAG's concern there (SC 3.2.2) is an unexpected change of context, which
 *   filtering a list in place is not.
 * - no-raw-characters: it also flags a raw `>` in text (its relaxed mode only forgives `&`), which is
 *   valid HTML and how the serializer of the sanitized prose (hast-util-to-html) writes it. That `<`
 *   never reaches a page unencoded is what the hostile-input tests check, in the browser's DOM.
 */
export const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    'doctype-style': 'off',
    'require-sri': 'off',
    'long-title': 'off',
    'wcag/h32': 'off',
    'no-raw-characters': 'off'
  }
})

/** Every error html-validate finds in the pages, as `path line:column rule message`. */
export async function validatePages(list: Page[]): Promise<string[]> {
  const errors: string[] = []
  for (const page of list) {
    const report = await htmlValidate.validateString(page.html, page.file)
    for (const result of report.results) {
      for (const message of result.messages) errors.push(`${page.path} ${message.line}:${message.column} ${message.ruleId} ${message.message}`)
    }
  }
  return errors
}
