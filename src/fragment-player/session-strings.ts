import { translator } from '../i18n/i18n.js';

/** Strings of the playing UI, in its own chunk so that the facade does not carry them. */
const nl = {
  play: 'Afspelen',
  pause: 'Pauzeren',
  controls: 'Bediening',
  timeline: 'Tijdlijn van het gesprek',
  timeOf: '{time} van {total}',
  clipSpan: 'Fragment {start}–{end} in een gesprek van {total}',
  clipFrom: 'Fragment vanaf {start} in een gesprek van {total}',
  mute: 'Geluid uit',
  volume: 'Volume',
  captions: 'Ondertiteling',
  fullscreen: 'Volledig scherm',
  listen: 'Alleen geluid',
  share: 'Delen',
  shareLink: 'Link naar dit fragment',
  shareEmbed: 'Code om dit fragment in te sluiten',
  copy: 'Kopiëren',
  copied: 'Gekopieerd.',
  copyFailed: 'Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem met Ctrl+C (⌘C op een Mac).',
  replay: 'Fragment opnieuw afspelen',
  continue: 'Verder kijken in het gesprek',
  fragmentEnded: 'Einde van het fragment.',
  reconnecting: 'Verbinding herstellen…',
};

const en: Record<keyof typeof nl, string> = {
  play: 'Play',
  pause: 'Pause',
  controls: 'Controls',
  timeline: 'Timeline of the interview',
  timeOf: '{time} of {total}',
  clipSpan: 'Fragment {start}–{end} in an interview of {total}',
  clipFrom: 'Fragment from {start} in an interview of {total}',
  mute: 'Mute',
  volume: 'Volume',
  captions: 'Captions',
  fullscreen: 'Full screen',
  listen: 'Audio only',
  share: 'Share',
  shareLink: 'Link to this fragment',
  shareEmbed: 'Code to embed this fragment',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Copying failed. The text is selected: copy it with Ctrl+C (⌘C on a Mac).',
  replay: 'Replay the fragment',
  continue: 'Continue the interview',
  fragmentEnded: 'End of the fragment.',
  reconnecting: 'Reconnecting…',
};

export const t = translator<keyof typeof nl>({ nl, en });
