const MB = 2 ** 20;

const ownRss = () => process.memoryUsage().rss / MB;

/**
 * An RSS in MiB (this process's unless `read` reads another's), sampled every 100 ms from now until stop():
 * stop() (any number of times) gives before, peak and how many samples. note() takes one reading more (e.g.
 * after each batch) and returns it.
 */
export function sampleRss(read: () => number = ownRss) {
  const before = read();
  let peak = before;
  let samples = 0;
  const note = () => {
    const rss = read();
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
