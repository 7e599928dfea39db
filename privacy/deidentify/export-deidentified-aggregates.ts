import { appendAudit, type Database } from '../../store/index.js';
import { loadContractParameters } from '../contract-parameters.js';
import type { ExportActor } from '../audit/export-audit-log.js';
import { maskAggregates, type AggregateGroup, type MaskedGroup } from './mask-aggregates.js';
import { checkKAnonymity, type KAnonymityReport } from './k-anonymity.js';

/** A de-identified aggregate release: masked rates, no row about any one student. */
export interface DeidentifiedAggregates {
  format: 'ccmr-deidentified-aggregates/1';
  tenantId: string;
  generatedAt: string;
  /** Graduates who met CCMR, by graduation year, campus and economic disadvantage. */
  cells: MaskedGroup[];
  /** The k-anonymity of the student table behind the cells, on its quasi-identifiers. */
  kAnonymity: KAnonymityReport;
  rules: { minCellSize: number; sensitiveNumeratorMin: number; k: number };
}

interface GraduateRow extends Record<string, unknown> {
  graduation_year: number | null;
  campus_org_id: string | null;
  econ_disadv: boolean;
  ccmr_met: boolean;
}

function countCell(rows: GraduateRow[], key: string, family?: string): AggregateGroup {
  return {
    key,
    family,
    numerator: rows.filter((r) => r.ccmr_met).length,
    denominator: rows.length,
  };
}

/** District, campus and campus × economic-status cells, per graduation year. */
function buildCells(rows: GraduateRow[]): AggregateGroup[] {
  const cells: AggregateGroup[] = [];
  const years = [...new Set(rows.map((r) => r.graduation_year))].sort();
  for (const year of years) {
    const ofYear = rows.filter((r) => r.graduation_year === year);
    cells.push(countCell(ofYear, `${year}|district`));
    const campuses = [...new Set(ofYear.map((r) => r.campus_org_id ?? 'none'))].sort();
    for (const campus of campuses) {
      const ofCampus = ofYear.filter((r) => (r.campus_org_id ?? 'none') === campus);
      cells.push(countCell(ofCampus, `${year}|campus:${campus}`, `${year}|campuses`));
      for (const econ of [true, false]) {
        const group = ofCampus.filter((r) => r.econ_disadv === econ);
        cells.push(
          countCell(
            group,
            `${year}|campus:${campus}|econ_disadv:${econ}`,
            `${year}|${campus}|econ`,
          ),
        );
      }
    }
  }
  return cells;
}

/**
 * Builds the district's de-identified aggregate release for research and reports: CCMR rates of
 * graduates by year, campus and economic disadvantage, TEA-masked with the district's thresholds,
 * with a k-anonymity report of the quasi-identifiers behind it. The release is audited.
 * @param db the database.
 * @param tenantId the district.
 * @param options who asks, and the clock.
 * @returns the release, ready to serialise.
 */
export async function exportDeidentifiedAggregates(
  db: Database,
  tenantId: string,
  options: { actor: ExportActor; now: Date },
): Promise<DeidentifiedAggregates> {
  return db.withTenant(tenantId, async (tx) => {
    const parameters = await loadContractParameters(tx);
    const rows = await tx.query<GraduateRow>(
      `SELECT s.graduation_year, s.campus_org_id, s.econ_disadv, coalesce(r.ccmr_met, false) AS ccmr_met
       FROM students s LEFT JOIN student_results r ON r.tenant_id = s.tenant_id AND r.person_id = s.person_id
       WHERE s.graduated`,
    );
    const rules = {
      minCellSize: parameters.minCellSize,
      sensitiveNumeratorMin: parameters.sensitiveNumeratorMin,
    };
    const cells = maskAggregates(buildCells(rows), rules);
    const kAnonymity = checkKAnonymity(
      rows,
      ['graduation_year', 'campus_org_id', 'econ_disadv'],
      parameters.kAnonymityK,
    );
    await appendAudit(
      tx,
      {
        actorType: options.actor.actorType,
        actorId: options.actor.actorId,
        launchId: options.actor.launchId ?? null,
        action: 'export.deidentified',
        resourceType: 'district',
        detail: {
          cells: cells.length,
          masked: cells.filter((c) => c.isMasked).length,
          students: rows.length,
        },
      },
      options.now,
    );
    return {
      format: 'ccmr-deidentified-aggregates/1',
      tenantId,
      generatedAt: options.now.toISOString(),
      cells,
      kAnonymity,
      rules: { ...rules, k: parameters.kAnonymityK },
    };
  });
}
