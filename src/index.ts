// Registers every Kijkom element and exports their classes and the public API.
import { FragmentList, FragmentPlayer, InterviewPage, ThemePage } from './classes.js';

FragmentPlayer.define();
FragmentList.define();
ThemePage.define();
InterviewPage.define();

export * from './classes.js';
