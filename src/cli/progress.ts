import cliProgress from 'cli-progress';

/**
 * The imports' progress bar on stderr (stdout keeps the summary), started on its first update, when the total
 * is known. `format` uses cli-progress tokens ({bar}, {percentage}, {value}, {total}) and the payload's keys.
 */
export function progressBar(format: string) {
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(value: number, total: number, payload: Record<string, unknown> = {}) {
      if (!started) bar.start(total, value, payload);
      else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
      started = true;
    },
    stop: () => bar.stop(),
  };
}
