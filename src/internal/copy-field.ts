/**
 * Copies a read-only share field's text (with `html`, the same as rich text too, where the browser
 * can put it on the clipboard). Where the clipboard is refused, it selects the text for the reader
 * to copy and resolves false; the caller says which happened.
 */
export async function copyField(field: HTMLTextAreaElement, html?: string): Promise<boolean> {
  try {
    const blob = (text: string, type: string) => new Blob([text], { type });
    if (html && typeof ClipboardItem === 'function')
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': blob(field.value, 'text/plain'), 'text/html': blob(html, 'text/html') }),
      ]);
    else await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}
