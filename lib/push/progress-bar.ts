/**
 * A one-line progress bar on a terminal (redrawn in place), or a line per tenth on a pipe or CI log, so the
 * output stays readable in both.
 */
export class ProgressBar {
  private lastTenth = -1;
  private lastDraw = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly total: number,
  ) {}

  update(done: number, label: string) {
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const text = `${bar(fraction)} ${String(Math.floor(fraction * 100)).padStart(3)}% ${mb(done)}/${mb(this.total)} MB  ${label}`;
    if (this.out.isTTY) {
      if (Date.now() - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = Date.now();
      this.out.write(`\r${text.slice(0, (this.out.columns ?? 100) - 1).padEnd((this.out.columns ?? 100) - 1)}`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.out.write(`${text}\n`);
  }

  /** End the in-place line before other output. */
  done() {
    if (this.out.isTTY) this.out.write('\n');
  }
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
