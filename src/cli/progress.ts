/** A one-line progress bar on a terminal; nothing at all when output goes to a file or a pipe. */
import { formatTime } from '../catalogue/time.js';
import type { Output } from './output.js';

const WIDTH = 30;

export function progressBar(out: Output, label: string, total: number | undefined) {
  let last = -1;
  return {
    update(seconds: number) {
      if (!out.tty || !total) return;
      const fraction = Math.min(1, Math.max(0, seconds / total));
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(fraction * WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
      out.raw(`\r${label} ${bar} ${String(percent).padStart(3)}%  ${formatTime(seconds)} / ${formatTime(total)}`);
    },
    /** Ends the line; `completed` draws it full first (ffmpeg's last report is a frame short of the end). */
    done(completed: boolean) {
      if (completed) this.update(total ?? 0);
      if (out.tty && total && last >= 0) out.raw('\n');
    },
  };
}
