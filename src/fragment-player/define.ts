import { FragmentPlayer } from './fragment-player.js';

export { FragmentPlayer };
if (!customElements.get('fragment-player')) customElements.define('fragment-player', FragmentPlayer);
