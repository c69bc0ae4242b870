/**
 * Preloaded into a server process by a bench (`NODE_OPTIONS="--import tsx --import ./bench/cpu-profile.ts"`,
 * since `--cpu-prof` is not allowed in NODE_OPTIONS): the first SIGUSR2 starts V8's sampling
 * profiler, the next one writes `server-<pid>-<n>.cpuprofile` to CPU_PROFILE_DIR (open it in
 * Chrome DevTools or speedscope), and so on.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const dir = process.env.CPU_PROFILE_DIR ?? ".";
const session = new Session();
session.connect();
session.post("Profiler.enable");
let running = false;
let written = 0;

process.on("SIGUSR2", () => {
  if (!running) {
    session.post("Profiler.start");
    running = true;
    return;
  }
  running = false;
  session.post("Profiler.stop", (error, result) => {
    if (error) throw error;
    writeFileSync(`${dir}/server-${process.pid}-${++written}.cpuprofile`, JSON.stringify(result.profile));
  });
});
