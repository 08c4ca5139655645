/** Saves a file the app fetched itself (not a link the browser follows) under the given name. */
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the click starts the download, which may still be reading the object URL.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
