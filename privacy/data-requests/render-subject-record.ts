import type { StudentDataPackage } from './export-student-data.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function renderRows(rows: Array<Record<string, unknown>>): string {
  return rows
    .map(
      (row) =>
        `<table><tbody>${Object.entries(row)
          .map(
            ([k, v]) =>
              `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(formatValue(v))}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('\n');
}

/**
 * Renders a student's data package as a self-contained, readable HTML page for the district to
 * hand to a parent or eligible student. Every value is escaped; no script, no inline style.
 * @param data the package from `exportStudentData`.
 * @returns the HTML document.
 */
export function renderStudentDataHtml(data: StudentDataPackage): string {
  const sections = Object.entries(data.record.tables)
    .map(([table, rows]) => `<section><h2>${escapeHtml(table)}</h2>${renderRows(rows)}</section>`)
    .join('\n');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<title>Records held about a student</title></head><body><main>',
    '<h1>Records held about a student</h1>',
    `<p>District ${escapeHtml(data.tenantId)} · student ${escapeHtml(data.personId)} · generated ${escapeHtml(data.generatedAt)} · request ${escapeHtml(data.requestId)}</p>`,
    sections,
    `<section><h2>Who accessed these records</h2>${renderRows(data.record.accessLog)}</section>`,
    '</main></body></html>',
  ].join('\n');
}
