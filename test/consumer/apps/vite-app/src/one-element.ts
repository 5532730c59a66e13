import 'kijkom/fragment-player.js';
import type { FragmentPlaybackEvent } from 'kijkom/fragment-player.js';

// The entry's types carry the event map: `event` is a FragmentPlaybackEvent, not a bare Event.
document.querySelector('fragment-player')!.addEventListener('fragment-play', (event) => {
  const typed: FragmentPlaybackEvent = event;
  document.body.dataset.playedFrom = String(typed.detail.currentTime);
});
