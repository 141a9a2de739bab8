/** The build log's step timings. A module of its own, so scripts/build.ts can time Astro before it loads the other steps. */

/** Runs `step` and prints how long it took ("build: <label> in 1.23 s"). */
export async function timed<T>(label: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  console.log(`build: ${label} in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}
