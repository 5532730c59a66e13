// Registers <interview-page> (and the default tags it renders) on import.
import { InterviewPage } from './interview-page.js';

InterviewPage.define();

export { InterviewPage };
export type * from '../events/catalogue-events.js';
export type * from '../events/fragment-events.js';
export type * from '../events/transcript-events.js';
