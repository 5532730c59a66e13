// A long transcript is rendered in blocks of turns: in full (time buttons, speakers, an element
// per cue) near the view and where something needs it, and elsewhere as plain text, a paragraph
// per turn reading as the full one does. All of its words stay in the document either way. No DOM here.
import { formatTime } from '../catalogue/time.js';
import type { Transcript, Turn } from '../catalogue/transcript.js';

/** Consecutive turns rendered together. */
export interface Block {
  /** Its first turn, and the one after its last. */
  first: number;
  end: number;
}

/** The turns in blocks of at least `cues` cues (a turn is never split), and for each turn its block. */
export function blocksOf(turns: Turn[], cues: number): { blocks: Block[]; blockOf: Uint32Array } {
  const blocks: Block[] = [];
  const blockOf = new Uint32Array(turns.length);
  let first = 0;
  turns.forEach((turn, t) => {
    blockOf[t] = blocks.length;
    if (turn.end - turns[first].first >= cues || t === turns.length - 1) {
      blocks.push({ first, end: t + 1 });
      first = t + 1;
    }
  });
  return { blocks, blockOf };
}

/** Turn `t` as plain text: its time, its speaker and its words. */
export function plainTurn({ cues, turns }: Transcript, t: number): string {
  const turn = turns[t];
  const words = cues.slice(turn.first, turn.end).map((cue) => cue.text);
  return `${prefixOf(turn)}${words.join(' ')}`;
}

const prefixOf = (turn: Turn) => `${formatTime(turn.start)} ${turn.speaker ? `${turn.speaker}: ` : ''}`;

/** Where the words of cue `cue` (of turn `t`) start in the turn's plain text. */
export function plainOffset({ cues, turns }: Transcript, t: number, cue: number): number {
  let at = prefixOf(turns[t]).length;
  for (let i = turns[t].first; i < cue; i++) at += cues[i].text.length + 1;
  return at;
}

/**
 * The cue at character `offset` of turn `t`'s plain text (its words, or the space after them). In
 * the time or the speaker: the turn's first cue for a selection's `start`, the cue before it for its `end`.
 */
export function plainCueAt(transcript: Transcript, t: number, offset: number, side: 'start' | 'end'): number {
  const { cues, turns } = transcript;
  const turn = turns[t];
  let at = plainOffset(transcript, t, turn.first);
  if (offset < at) return side === 'start' ? turn.first : turn.first - 1;
  let cue = turn.first;
  for (; cue < turn.end - 1; cue++) {
    at += cues[cue].text.length + 1;
    if (offset < at) break;
  }
  return cue;
}
