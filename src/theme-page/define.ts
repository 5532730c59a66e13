import { ThemePage } from './theme-page.js';
// A theme page renders these default tags.
import '../fragment-player/define.js';
import '../fragment-list/define.js';

export { ThemePage };
if (!customElements.get('theme-page')) customElements.define('theme-page', ThemePage);
