import { FragmentPlayer } from 'kijkom/classes.js';

FragmentPlayer.define('quote-player');
const player = document.querySelector<FragmentPlayer>('quote-player')!;
// Seconds as a number are part of the typed API.
player.start = 142;
