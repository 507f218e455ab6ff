// Files dropped anywhere on the page: whether files are being dragged over it (for the overlay that
// says what a drop will do), and the files once dropped. Only drags that carry files count, so
// dragging text or a link inside the page is left alone; a drop the page does not take would make
// the browser open the file in place of the page.
import { useEffect, useState } from 'preact/hooks';

const carriesFiles = (e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * @param {(files: File[]) => void} onFiles
 * @param {{ target?: EventTarget|null, enabled?: boolean }} [options]
 * @returns {boolean} true while files are dragged over the page
 */
export function useFileDrop(onFiles, { target = typeof window !== 'undefined' ? window : null, enabled = true } = {}) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!target || !enabled) return undefined;
    let depth = 0; // dragenter and dragleave fire for every element crossed: count them
    const enter = (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overPage = (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without it the drop never comes
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer.files ?? []);
      if (files.length > 0) onFiles(files);
    };
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragover', overPage);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragover', overPage);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
    };
  }, [target, enabled, onFiles]);
  return over;
}
