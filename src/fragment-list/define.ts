import { FragmentList } from './fragment-list.js';
// The list opens an inline <fragment-player> when no other player is named.
import '../fragment-player/define.js';

export { FragmentList };
if (!customElements.get('fragment-list')) customElements.define('fragment-list', FragmentList);
