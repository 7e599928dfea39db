import { createHash } from 'node:crypto';
import type { IbcList } from '../ibc-list/index.js';
import type { RowIssue } from './errors.js';
import { canonicalJson } from './fingerprint.js';
import type { ImportType, Layout, RowPayload } from './layout.js';
import type { MatchOutcome, StudentIdentity, StudentMatcher } from './match-students.js';
import { readEvidenceFile } from './read-evidence-file.js';
import { RowReader } from './row-reader.js';

/** One valid row with its student match. */
export interface PreparedRow {
  row: number;
  identity: StudentIdentity;
  payload: RowPayload;
  match: MatchOutcome;
}

/** What an import would do: counts, rows to apply, unmatched rows and every row problem. */
export interface ImportPreview {
  importType: ImportType;
  file: string;
  fileSha256: string;
  rowCount: number;
  matched: PreparedRow[];
  unmatched: PreparedRow[];
  errors: RowIssue[];
}

/** What a preview needs besides the file. */
export interface PreviewInputs {
  layout: Layout;
  matcher: StudentMatcher;
  ibcList: IbcList;
  mapping?: Record<string, string>;
  /** Treat rows no student matches as errors (the whole file is refused). */
  requireMatch?: boolean;
}

function readIdentity(reader: RowReader): StudentIdentity {
  return {
    stateId: reader.text('state_id'),
    localId: reader.text('local_id'),
    lastName: reader.text('last_name'),
    firstName: reader.text('first_name'),
    birthDate: reader.date('birth_date'),
  };
}

function hasIdentity(identity: StudentIdentity): boolean {
  return Boolean(
    identity.stateId ||
    identity.localId ||
    (identity.lastName && identity.firstName && identity.birthDate),
  );
}

/** Checks an IBC row against the TEA list; unknown codes are row errors. */
function checkCertification(reader: RowReader, payload: RowPayload, ibcList: IbcList): void {
  if (payload.target !== 'certification') return;
  if (!ibcList.entries.has(payload.fields.ibcCode)) {
    reader.report(
      'ibc_code',
      'ERR_EVIDENCE_UNKNOWN_IBC',
      `not on the TEA IBC list (version ${ibcList.version})`,
    );
  }
}

/**
 * The key two rows of one file collide by: the same student (or identity) and the same content;
 * for a status or tracker row, the same student; for a certification, the same student, code
 * and exam date (they would land on one record).
 */
function duplicateKey(prepared: PreparedRow): string {
  const who = prepared.match.personId ?? canonicalJson(prepared.identity);
  const { payload } = prepared;
  if (payload.target === 'status' || payload.target === 'tracker')
    return `${who}|${payload.target}`;
  if (payload.target === 'certification') {
    return `${who}|ibc|${payload.fields.ibcCode}|${payload.fields.examDate ?? payload.fields.earnedDate}`;
  }
  return `${who}|${canonicalJson(payload)}`;
}

/**
 * Validates every row of a file and matches it to a student, without writing anything.
 *
 * @param file - the file name, for messages.
 * @param content - the file.
 * @param inputs - layout, matcher, IBC list, mapping.
 * @returns the preview (errors list every row problem; an import applies only when it is empty).
 * @throws EvidenceFileUnreadable (ERR_EVIDENCE_UNREADABLE_FILE).
 */
export function previewImport(
  file: string,
  content: string | Buffer,
  inputs: PreviewInputs,
): ImportPreview {
  const { layout } = inputs;
  const { rows, headerIssues } = readEvidenceFile(file, content, layout, inputs.mapping);
  const preview: ImportPreview = {
    importType: layout.type,
    file,
    fileSha256: createHash('sha256').update(content).digest('hex'),
    rowCount: rows.length,
    matched: [],
    unmatched: [],
    errors: [...headerIssues],
  };
  if (headerIssues.length > 0) return preview;
  const firstRowByKey = new Map<string, number>();
  for (const { row, cells } of rows) {
    const issuesBefore = preview.errors.length;
    const reader = new RowReader(file, row, cells, preview.errors);
    const identity = readIdentity(reader);
    if (!hasIdentity(identity)) {
      reader.report(
        'state_id|local_id|last_name+first_name+birth_date',
        'ERR_EVIDENCE_NO_IDENTITY',
        'the row identifies no student',
      );
    }
    const payload = layout.read(reader);
    if (payload) checkCertification(reader, payload, inputs.ibcList);
    if (!payload || preview.errors.length > issuesBefore) continue;
    const prepared: PreparedRow = { row, identity, payload, match: inputs.matcher.match(identity) };
    const key = duplicateKey(prepared);
    const first = firstRowByKey.get(key);
    if (first !== undefined) {
      reader.report(
        '(row)',
        'ERR_EVIDENCE_DUPLICATE_ROW',
        `same student and record as row ${first}`,
      );
      continue;
    }
    firstRowByKey.set(key, row);
    if (prepared.match.personId !== null) preview.matched.push(prepared);
    else if (inputs.requireMatch) {
      reader.report(
        'state_id|local_id',
        'ERR_EVIDENCE_UNMATCHED_STUDENT',
        `no certain student match (${prepared.match.reason})`,
      );
    } else preview.unmatched.push(prepared);
  }
  return preview;
}
