// Saves text the page made (an export) as a file, from memory: no request is made.

/** @param {string} text @param {string} name  the file name offered @param {string} [type] */
export function saveFile(text, name, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
