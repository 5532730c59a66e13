/** Where the buffered range holding `time` ends, or `time` itself when nothing is buffered there. */
export function bufferedEnd(media: HTMLMediaElement, time: number): number {
  const { buffered } = media;
  for (let i = 0; i < buffered.length; i++)
    if (buffered.start(i) <= time + 0.1 && time < buffered.end(i)) return buffered.end(i);
  return time;
}
