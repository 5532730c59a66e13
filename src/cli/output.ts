/** Where a command writes: results to stdout, messages to stderr (so `> catalogue.json` stays clean). */
export interface Output {
  log(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  readonly tty: boolean;
  /** Writes raw text to stderr (a progress bar redraws its line). */
  raw(text: string): void;
}

export const processOutput: Output = {
  log: (line) => void process.stdout.write(line + '\n'),
  err: (line) => void process.stderr.write(line + '\n'),
  raw: (text) => void process.stderr.write(text),
  get tty() {
    return Boolean(process.stderr.isTTY);
  },
};
