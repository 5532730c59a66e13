/** Opens `body` as a page of its own (a fresh load, so a fresh deep-link decision) in an iframe. */
export async function openPage(body: string, hash = '', [width, height] = [480, 600]): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.src = `/test/theme-page/frame.html?html=${encodeURIComponent(body)}${hash}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Window;
}
