/**
 * The document itself, before it is downloaded: the very bytes the download will save, drawn page
 * by page in the page by docx-preview, so the clerk sees the announcement as a reviewer will open
 * it, without Word. Its look is the browser's (fonts it has, its line breaks): Word is the judge.
 */
import { renderAsync } from 'docx-preview';

/** Draws `bytes` into `container`; the styles docx-preview makes go with it, so a new preview replaces them all. */
export async function showDocument(bytes: Uint8Array, container: HTMLElement): Promise<void> {
  const pages = document.createElement('div');
  await renderAsync(bytes, pages, pages, {
    className: 'docx',
    inWrapper: true,
    breakPages: true,
    ignoreLastRenderedPageBreak: true,
    renderHeaders: true,
    renderFooters: true,
    // Pictures as data: addresses, which the page's policy allows, as it allows blob: ones.
    useBase64URL: true,
    experimental: false,
  });
  container.replaceChildren(pages);
}
