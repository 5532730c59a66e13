import { InterviewPage } from './interview-page.js';
// An interview page renders these default tags.
import '../fragment-player/define.js';
import '../fragment-list/define.js';

export { InterviewPage };
if (!customElements.get('interview-page')) customElements.define('interview-page', InterviewPage);
