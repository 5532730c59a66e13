// Imported into a bench page by page.evaluate, so our player and plain hls.js are pressed and
// watched by the same code. Times are the page's Date.now(), the same clock as the server log.

/** A frame shown at `start` may carry a timestamp up to one frame (0.2 s at 5 fps) before it. */
const FRAME_TOLERANCE = 0.25;

/**
 * Presses play (our facade button, or the plain page's button); returns the media element and when.
 * With `hoverMs`, a pointer rests on the button that long first (intent; the time counts from the click).
 */
async function press(hoverMs = 0) {
  const host = document.querySelector('fragment-player');
  if (host) {
    await within(10, 'fragment-player defined', customElements.whenDefined('fragment-player'));
    await host.updateComplete;
  }
  // Our facade draws its button once its words are there (English loads them as a module).
  const find = () => (host ? host.shadowRoot.querySelector('[part~=play-button]') : document.querySelector('button'));
  const button = await within(10, 'the play button', buttonSoon(find));
  if (hoverMs) {
    button.dispatchEvent(new PointerEvent('pointerenter'));
    await new Promise((resolve) => setTimeout(resolve, hoverMs));
  }
  const clickedAt = Date.now();
  const t0 = performance.now();
  button.click();
  const video = await within(10, 'a <video> after pressing play', videoIn(host?.shadowRoot ?? document));
  return { host, video, clickedAt, t0 };
}

/** What `find` finds, looked for every frame until it is there. */
function buttonSoon(find) {
  return new Promise((resolve) => {
    const look = () => (find() ? resolve(find()) : requestAnimationFrame(look));
    look();
  });
}

/** The <video> under `root` as soon as it is there: our player may render it after loading a chunk. */
function videoIn(root) {
  return new Promise((resolve) => {
    const found = () => root.querySelector('video');
    if (found()) return resolve(found());
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve(found());
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

function within(seconds, what, promise) {
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} not within ${seconds} s`)), seconds * 1000),
  );
  return Promise.race([promise, timeout]);
}

/**
 * Presses play (after a `hoverMs` pointer rest, if given); resolves at the first frame presented at
 * or after `start` (requestVideoFrameCallback), with that frame's height (which rendition of a
 * multivariant stream it came from).
 */
export async function firstFrame(start, hoverMs = 0) {
  const { video, clickedAt, t0 } = await press(hoverMs);
  const shown = new Promise((resolve) => {
    const check = (_now, frame) =>
      frame.mediaTime >= start - FRAME_TOLERANCE
        ? resolve({ t1: performance.now(), height: frame.height })
        : video.requestVideoFrameCallback(check);
    video.requestVideoFrameCallback(check);
  });
  const { t1, height } = await within(30, `a frame at ${start} s`, shown);
  return { clickedAt, firstFrameAt: clickedAt + (t1 - t0), ms: t1 - t0, height };
}

/**
 * Presses play; resolves when playback stopped at `end` (our `fragment-ended`, or the plain
 * page's pause there), or failed, or did not stop within the clip's length plus 10 s. `how` says which.
 */
export async function playToEnd(start, end) {
  const { host, video, clickedAt } = await press();
  const how = await new Promise((resolve) => {
    setTimeout(() => resolve('no stop (timed out)'), (end - start + 10) * 1000);
    if (host) {
      host.addEventListener('fragment-ended', () => resolve('fragment-ended'), { once: true });
      host.addEventListener('fragment-error', (event) => resolve(`fragment-error ${event.detail.code}`), {
        once: true,
      });
      return;
    }
    video.addEventListener('pause', () => video.currentTime >= end && resolve('pause'));
  });
  return { how, clickedAt, endedAt: Date.now(), stoppedAt: video.currentTime };
}
