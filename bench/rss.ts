const MB = 2 ** 20;

/**
 * This process's RSS, sampled every 100 ms from now until stop(), in MiB: stop() (any number of times) gives
 * before, peak and how many samples. note() takes one reading more (e.g. after each batch) and returns it.
 */
export function sampleRss() {
  const before = process.memoryUsage().rss / MB;
  let peak = before;
  let samples = 0;
  const note = () => {
    const rss = process.memoryUsage().rss / MB;
    peak = Math.max(peak, rss);
    return rss;
  };
  const timer = setInterval(() => {
    note();
    samples++;
  }, 100);
  return {
    note,
    stop: () => {
      clearInterval(timer);
      return { before, peak, samples };
    },
  };
}
