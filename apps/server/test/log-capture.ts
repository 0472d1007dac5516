import { Writable } from "node:stream";

/** A log stream for the server under test, and the lines it received. */
export function captureLogs(): { logStream: Writable; logLines: string[] } {
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return { logStream, logLines };
}
