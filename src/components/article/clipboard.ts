/**
 * Copies text to the clipboard. Resolves false where the Clipboard API is
 * missing or refused (insecure pages, WebKitGTK, denied permission), so the
 * caller can show the text for the reader to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
