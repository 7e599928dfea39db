import { strict as assert } from 'node:assert';
import {
  evaluateStudent,
  parametersFor,
  type ParameterOverrides,
  type StudentRecord,
  type StudentResult,
} from '../../../calculators/index.js';

/**
 * A graduate of accountability year `year` (class of year − 1, Y-MAP) with no evidence:
 * grade 9 began 2020-08-17 for 2025, graduation on May 24 of the class year.
 */
export function graduate(year = 2025, fields: Partial<StudentRecord> = {}): StudentRecord {
  return {
    student_id: 'T1',
    accountability_year: year,
    graduated: true,
    econ_disadv: false,
    sped_in_graduation_year: false,
    graduation_plan: 'FHSP-E',
    grade9_start_date: `${year - 5}-08-17`,
    graduation_date: `${year - 1}-05-24`,
    ...fields,
  };
}

/** Evaluates a record under its year's parameters with optional district overrides. */
export function evaluate(record: StudentRecord, overrides?: ParameterOverrides): StudentResult {
  return evaluateStudent(record, parametersFor(record.accountability_year, overrides));
}

/** The explanation entry of one indicator. */
export function explanationOf(result: StudentResult, indicator: string) {
  const entry = result.explanations.indicators.find((item) => item.indicator === indicator);
  if (entry === undefined) throw new Error(`no explanation for ${indicator}`);
  return entry;
}

/** One row of a rule table: a record, and whether the indicator is credited. */
export interface RuleRow {
  name: string;
  record: StudentRecord;
  isCredited: boolean;
  /** The rule ID the explanation must cite. */
  ruleId?: string;
  overrides?: ParameterOverrides;
}

/**
 * Runs a table of rule rows for one indicator: each row's verdict, the rule ID its explanation
 * cites, and evidence for every credited row.
 */
export function describeRuleTable(indicator: string, rows: RuleRow[]): void {
  describe(`${indicator}, at the cut and just past it`, () => {
    for (const row of rows) {
      it(row.name, () => {
        const result = evaluate(row.record, row.overrides);
        const explanation = explanationOf(result, indicator);
        assert.equal(explanation.is_met, row.isCredited);
        assert.equal(result.credited_indicators.includes(explanation.indicator), row.isCredited);
        if (row.ruleId !== undefined) assert.equal(explanation.rule_id, row.ruleId);
        if (row.isCredited) assert.notEqual(explanation.evidence, null);
      });
    }
  });
}
