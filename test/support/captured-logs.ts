import { Writable } from 'node:stream';

/** A log destination that keeps every line, so tests can assert what reached the logs. */
export class CapturedLogs extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  /** All captured text, for "contains no marker" assertions. */
  text(): string {
    return this.lines.join('\n');
  }

  /** Parsed lines, for assertions on events. */
  records(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
