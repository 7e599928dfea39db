import type { Layout } from '../layout.js';
import { requireAnyScore, toEvidencePayload as evidence } from './evidence-payload.js';

/**
 * College Board SAT student data (our template of the K-12 score export): section scores
 * 200–800 in steps of 10; the total, when given, must equal their sum.
 */
export const SAT_LAYOUT: Layout = {
  type: 'sat',
  requiredColumns: ['test_date', 'ebrw', 'math'],
  optionalColumns: ['total'],
  read(row) {
    const data = {
      date: row.date('test_date', { required: true }),
      ebrw: row.number('ebrw', { min: 200, max: 800, step: 10 }),
      math: row.number('math', { min: 200, max: 800, step: 10 }),
    };
    requireAnyScore(row, data, ['ebrw', 'math']);
    const total = row.number('total', { min: 400, max: 1600, step: 10 });
    if (total !== undefined && data.ebrw !== undefined && data.math !== undefined) {
      if (total !== data.ebrw + data.math) {
        row.report('total', 'ERR_EVIDENCE_OUT_OF_RANGE', 'total is not ebrw + math');
        return undefined;
      }
    }
    return evidence('sat', data, ['date']);
  },
};

/** ACT student report: scale scores 1–36. */
export const ACT_LAYOUT: Layout = {
  type: 'act',
  requiredColumns: ['test_date', 'english', 'math', 'reading', 'composite'],
  optionalColumns: ['science'],
  read(row) {
    const scale = { min: 1, max: 36, isInteger: true };
    const data = {
      date: row.date('test_date', { required: true }),
      english: row.number('english', scale),
      reading: row.number('reading', scale),
      math: row.number('math', scale),
      composite: row.number('composite', scale),
    };
    row.number('science', scale);
    requireAnyScore(row, data, ['english', 'reading', 'math', 'composite']);
    return evidence('act', data, ['date']);
  },
};

/**
 * TSIA2 score report: CRC 910–990, diagnostic levels 1–6, essay 0–8 (ccmr-rules.md
 * TSI-TSIA2-ELAR, TSI-TSIA2-MATH).
 */
export const TSIA2_LAYOUT: Layout = {
  type: 'tsia2',
  requiredColumns: ['test_date'],
  optionalColumns: ['elar_crc', 'elar_diag', 'essay', 'math_crc', 'math_diag'],
  read(row) {
    const crc = { min: 910, max: 990, isInteger: true };
    const diag = { min: 1, max: 6, isInteger: true };
    const data = {
      date: row.date('test_date', { required: true }),
      elar_crc: row.number('elar_crc', crc),
      elar_diag: row.number('elar_diag', diag),
      essay: row.number('essay', { min: 0, max: 8, isInteger: true }),
      math_crc: row.number('math_crc', crc),
      math_diag: row.number('math_diag', diag),
    };
    requireAnyScore(row, data, ['elar_crc', 'elar_diag', 'essay', 'math_crc', 'math_diag']);
    return evidence('tsia2', data, ['date']);
  },
};

/** College Board AP student data: one exam per row, score 1–5. */
export const AP_LAYOUT: Layout = {
  type: 'ap',
  requiredColumns: ['exam_date', 'subject', 'score'],
  optionalColumns: [],
  read(row) {
    const data = {
      date: row.date('exam_date', { required: true }),
      subject: row.text('subject', { required: true }),
      score: row.number('score', { min: 1, max: 5, isInteger: true, required: true }),
    };
    return evidence('ap_exam', data, ['date', 'subject', 'score']);
  },
};

/** IB results: one subject per row, grade 1–7. */
export const IB_LAYOUT: Layout = {
  type: 'ib',
  requiredColumns: ['exam_date', 'subject', 'score'],
  optionalColumns: [],
  read(row) {
    const data = {
      date: row.date('exam_date', { required: true }),
      subject: row.text('subject', { required: true }),
      score: row.number('score', { min: 1, max: 7, isInteger: true, required: true }),
    };
    return evidence('ib_exam', data, ['date', 'subject', 'score']);
  },
};
