// CPU time instead of the wall clock: on a shared machine the wall clock measures the neighbours
// too, while CPU time only grows with this process's own work. process.cpuUsage (getrusage) is
// exact to the microsecond and counts V8's helper threads as well, which are idle once the code
// is compiled and nothing is allocated (the per-thread /proc schedstat only moves at scheduler
// ticks, too coarse for one kernel call).

/** Seconds of CPU this process has used so far. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
