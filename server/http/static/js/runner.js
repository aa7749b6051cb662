// Runs a program through Exec (a fresh session of the chosen profile) and
// collects its trace: every step with its statistics, the heap events, the
// output and the result.

import { stream } from './connect.js';
import { Trace } from './trace.js';

export const PROFILES = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

// Tracing every statement with its statistics makes a run slower than the
// server's default 10 s for an Exec allows for long traces: a traced run
// may take this long (the server caps it at its --max_time).
const TRACED_RUN_SECONDS = 60;

// Resolves to a Trace of `source` run under `profile`, with at most
// `maxSteps` traced statements (the server allows 10,000);
// `onProgress(steps)` hears of every 500th step received.
export async function runTrace(source, profile, maxSteps = 1000, onProgress = () => {}) {
  const trace = new Trace(profile);
  await stream('Exec', {
    source,
    filename: 'program.py',
    profile,
    streamEvents: true,
    streamStats: true,
    traceSteps: true,
    maxTraceSteps: maxSteps,
    limits: { maxSeconds: TRACED_RUN_SECONDS },
  }, (event) => {
    trace.add(event);
    if (event.step && trace.steps.length % 500 === 0) onProgress(trace.steps.length);
  });
  return trace;
}
