/**
 * Hands a file made in the browser to the user as a download. Nothing leaves the machine: the
 * object URL lives only until the browser has taken the file.
 */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveCsv(csv: string, fileName: string): void {
  saveFile(new Blob([csv], { type: "text/csv;charset=utf-8" }), fileName);
}
