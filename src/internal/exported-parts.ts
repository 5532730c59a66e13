// The parts of the elements a page renders, forwarded with `exportparts` so a host's
// `theme-page::part(play-button)` reaches into the player. Names every element has of its own
// get the child's prefix: the stage player's `title` is the page's `player-title`.
const own = new Set(['base', 'title', 'meta', 'error', 'retry']);

const exportParts = (prefix: string, names: string[]) =>
  names.map((name) => (own.has(name) ? `${name}:${prefix}-${name}` : name)).join(', ');

export const playerParts = exportParts('player', [
  ...['base', 'screen', 'poster', 'play-button', 'video', 'title', 'meta', 'actions', 'controls', 'control'],
  ...[
    'play-pause',
    'previous',
    'next',
    'mute',
    'captions',
    'captions-menu',
    'audio-menu',
    'speed',
    'listen',
    'fullscreen',
    'share-button',
    'shortcuts-button',
    'transcript-button',
    'seek',
    'volume',
    'share',
    'shortcuts',
  ],
  ...['error', 'retry'],
]);

export const listParts = exportParts('list', [
  ...['base', 'search', 'status', 'list', 'item', 'item-button', 'time', 'title', 'meta', 'inline', 'more'],
  ...['error', 'retry'],
]);
