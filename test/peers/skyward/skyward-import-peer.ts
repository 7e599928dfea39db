import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** What Skyward's import said about one file. */
export interface ImportedFile {
  name: string;
  accepted: number;
  rejected: number;
}

/**
 * Stands in for the district's Skyward import job (docs/skyward.md, "Acknowledgement file"):
 * reads each finished certification file the product delivered to the SFTP folder and writes an
 * acknowledgement file answering every line. A line is accepted when it names the student (state
 * or local ID) and a campus; otherwise it is rejected with the reason Skyward would give. Used by
 * the demo and tests only.
 */
export class SkywardImportPeer {
  private readonly answered = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly inbox: string,
    private readonly acks: string,
  ) {}

  /** Answers every file not answered yet; files still being uploaded (`.part`) wait. */
  processInbox(): ImportedFile[] {
    if (!existsSync(this.inbox)) return [];
    const imported: ImportedFile[] = [];
    for (const name of readdirSync(this.inbox).sort()) {
      if (!name.endsWith('.csv') || this.answered.has(name)) continue;
      imported.push(this.importFile(name));
      this.answered.add(name);
    }
    return imported;
  }

  /** Answers new files every `intervalMs` until `stop()`, as Skyward's scheduled import does. */
  start(intervalMs = 2_000): void {
    this.timer ??= setInterval(() => this.processInbox(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private importFile(name: string): ImportedFile {
    const rows = parse(readFileSync(join(this.inbox, name), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Array<Record<string, string>>;
    const answers = rows.map((row) => {
      const reason = rejectionOf(row);
      return {
        record_id: row.record_id,
        version: row.record_version,
        status: reason ? 'rejected' : 'accepted',
        message: reason ?? '',
      };
    });
    writeFileSync(
      join(this.acks, `ack-${name}`),
      stringify(answers, {
        header: true,
        columns: ['record_id', 'version', 'status', 'message'],
        record_delimiter: '\r\n',
      }),
    );
    const rejected = answers.filter((answer) => answer.status === 'rejected').length;
    return { name, accepted: answers.length - rejected, rejected };
  }
}

function rejectionOf(row: Record<string, string>): string | undefined {
  if (!row.student_state_id && !row.student_local_id) return 'No student matches an empty ID';
  if (!row.campus_id) return 'Campus ID is required';
  return undefined;
}
