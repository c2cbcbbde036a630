import pino from "pino";

/**
 * Where `jitsumei serve` writes its log: standard output, asynchronously. pino's default writes
 * each line with a blocking write(2) on the request's own thread (2.6 % of a busy server's samples
 * in the onboarding bench, more when the reader of the pipe is slow); here lines are handed to the
 * write already under way, or start one, and the request goes on. Nothing is lost on the way out:
 * pino flushes what is still buffered synchronously at `exit`, which Node also emits when an uncaught
 * exception or rejection ends the process (test/log-destination.test.ts kills a server that way).
 * Only SIGKILL or the machine's failure can cut the last lines, as with any buffered log.
 */
export function asyncLogDestination(fd = 1): pino.DestinationStream {
  return pino.destination({ dest: fd, sync: false });
}
