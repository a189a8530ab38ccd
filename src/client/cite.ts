/**
 * The paper page's "Copy BibTeX" button. Without it the entry is plain text to select; the button
 * shows only when this script runs. Where the clipboard is refused, the entry is selected instead.
 */
const button = document.getElementById('copy-bibtex') as HTMLButtonElement | null
const source = document.getElementById(button?.dataset['copy'] ?? '')
const status = document.getElementById('copy-status')

if (button && source && status) {
  button.hidden = false
  button.addEventListener('click', async () => {
    const text = source.textContent ?? ''
    try {
      await navigator.clipboard.writeText(text)
      status.textContent = 'Copied.'
    } catch {
      getSelection()?.selectAllChildren(source)
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.'
    }
  })
}
