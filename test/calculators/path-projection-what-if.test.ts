import { strict as assert } from 'node:assert';
import {
  findPathToReadiness,
  projectCohort,
  runWhatIf,
  type StudentRecord,
} from '../../calculators/index.js';
import { graduate } from './support/records.js';

/** A senior of the class of 2024 (accountability year 2025), seen in January 2024. */
const NOW = '2024-01-10';
const senior = (fields: Partial<StudentRecord>) => graduate(2025, fields);

describe('path to readiness', () => {
  it('ranks the TSI route first when math is met and ELA is 20 points short', () => {
    const path = findPathToReadiness(
      senior({ sat: [{ date: '2023-10-07', ebrw: 460, math: 540 }] }),
      NOW,
    );
    const tsi = path.routes[0];
    assert.equal(tsi.route_id, 'tsi');
    assert.deepEqual(tsi.met_parts, ['tsi_math']);
    assert.deepEqual(tsi.missing, [
      {
        part: 'tsi_ela',
        rule_id: 'TSI-SAT',
        needs: 'SAT EBRW ≥ 480',
        best_so_far: 460,
        best_source: 'sat 2023-10-07',
      },
    ]);
    assert.equal(tsi.closes_at, '2024-05-24');
    assert.equal(tsi.summary, 'TSI math met; TSI ELA needs SAT EBRW ≥ 480, best so far 460');
  });

  it('returns no routes for a ready student', () => {
    const path = findPathToReadiness(
      senior({ ap_exams: [{ date: '2023-05-10', subject: 'AP Art', score: 3 }] }),
      NOW,
    );
    assert.equal(path.is_ready, true);
    assert.deepEqual(path.routes, []);
  });

  it('names the missing POS status for an earned IBC', () => {
    const path = findPathToReadiness(
      senior({
        ibc_earned: [
          {
            code: 'IBC-Z',
            lists: ['2022-2025'],
            earned_date: '2023-12-01',
            result_code: '01',
            aligned_pos_status: 'none',
          },
        ],
      }),
      NOW,
    );
    const ibc = path.routes.find((route) => route.route_id === 'ibc');
    assert.equal(ibc?.missing[0].rule_id, 'CAR-IBC-POS');
    assert.equal(ibc?.missing[0].best_so_far, 'none');
  });

  it('leaves out routes that closed: after graduation only enlistment and August 31 routes remain', () => {
    const path = findPathToReadiness(senior({}), '2024-07-01');
    const ids = path.routes.map((route) => route.route_id).sort();
    assert.deepEqual(ids, ['associate_degree', 'level_certificate', 'military']);
  });

  it('offers a grade-12 college prep course to a grade-11 student of the class of 2026 but not to a senior once past grade 12', () => {
    const junior = graduate(2027, { sat: [{ date: '2024-10-07', ebrw: 300, math: 600 }] });
    const tsi = findPathToReadiness(junior, '2025-01-10').routes.find(
      (route) => route.route_id === 'tsi',
    );
    assert.equal(tsi?.missing[0].part, 'tsi_ela');
    const noScores = graduate(2027, { sat: [{ date: '2024-10-07', math: 600 }] });
    const cpc = findPathToReadiness(noScores, '2025-01-10').routes.find(
      (route) => route.route_id === 'tsi',
    );
    assert.equal(cpc?.missing[0].rule_id, 'TSI-CPC');
    assert.match(cpc?.missing[0].needs ?? '', /grade 12/);
  });

  it('shows the enlistment documentation gap with the December 31 deadline', () => {
    const path = findPathToReadiness(
      senior({
        enlistment: {
          date: '2024-04-01',
          component: 'active',
          dd4_complete: false,
          dmdc_match: false,
        },
      }),
      NOW,
    );
    const military = path.routes.find((route) => route.route_id === 'military');
    assert.equal(military?.missing[0].rule_id, 'MIL-DOC');
    assert.equal(military?.closes_at, '2024-12-31');
  });
});

describe('cohort projections', () => {
  const cohort: StudentRecord[] = [
    senior({ student_id: 'A', ap_exams: [{ date: '2023-05-10', subject: 'AP Art', score: 4 }] }),
    senior({
      student_id: 'B',
      sat: [{ date: '2023-10-07', ebrw: 460, math: 540 }],
      pending: { exams_scheduled: [{ instrument: 'SAT', date: '2024-03-09' }] },
    }),
    senior({
      student_id: 'C',
      pending: { exams_scheduled: [{ instrument: 'SAT', date: '2024-06-01' }] },
    }),
    senior({
      student_id: 'D',
      pending: {
        dual_credit_in_progress: [
          { subject: 'MATH', hours: 3, expected_completion_date: '2024-05-10' },
        ],
      },
    }),
    senior({
      student_id: 'E',
      ibc_earned: [
        {
          code: 'IBC-W',
          lists: ['2022-2025'],
          earned_date: '2023-11-01',
          result_code: '01',
          aligned_pos_status: 'none',
        },
      ],
      pending: {
        pos_courses_in_progress: [{ ibc_code: 'IBC-W', status_on_completion: 'level2_course' }],
      },
    }),
    senior({
      student_id: 'F',
      pending: { exams_scheduled: [{ instrument: 'AP', date: '2023-05-01' }] },
    }),
  ];

  it('sorts students into met, on track and not on track', () => {
    const projection = projectCohort(cohort, { now: NOW });
    const status = Object.fromEntries(projection.students.map((s) => [s.student_id, s.status]));
    assert.deepEqual(status, {
      A: 'met',
      B: 'on_track',
      C: 'not_on_track',
      D: 'on_track',
      E: 'on_track',
      F: 'not_on_track',
    });
    assert.deepEqual(projection.counts, { met: 1, on_track: 3, not_on_track: 2 });
  });

  it('reports the rate now and if the on-track students succeed', () => {
    const projection = projectCohort(cohort, { now: NOW });
    assert.equal(projection.rate_now.numerator, 1);
    assert.equal(projection.rate_if_on_track_succeed.numerator, 4);
    assert.equal(projection.rate_if_on_track_succeed.ccmr_rate_pct, 66.7);
  });

  it('names what the pending evidence would credit', () => {
    const projection = projectCohort(cohort, { now: NOW });
    assert.deepEqual(
      projection.students.find((s) => s.student_id === 'E')?.credited_if_pending_succeeds,
      ['CAR-IBC'],
    );
  });
});

describe('what-if', () => {
  const campus: StudentRecord[] = Array.from({ length: 10 }, (_, i) =>
    senior({
      student_id: `W${i}`,
      econ_disadv: i < 5,
      sat: [{ date: '2023-10-07', ebrw: 470, math: 540 }],
      ps_enrolled_by_10th_day_fall: true,
    }),
  );

  it('reports the change in rate, component score and Outcomes Bonus dollars', () => {
    const result = runWhatIf(campus, [
      { student_id: 'W0', add: { sat: [{ date: '2024-03-09', ebrw: 490 }] } },
      { student_id: 'W5', add: { sat: [{ date: '2024-03-09', ebrw: 490 }] } },
    ]);
    assert.equal(result.before.numerator, 0);
    assert.equal(result.after.numerator, 2);
    assert.equal(result.delta.ccmr_rate_pct, 20);
    assert.equal(result.delta.component_score, 20);
    // ED: 5 graduates, minimum ceil(0.55) = 1, one ready → 0; non-ED: minimum ceil(1.2) = 2, one ready → 0.
    assert.equal(result.delta.outcomes_bonus_usd, 0);
    assert.equal(result.changed.length, 2);
  });

  it('pays once the cohort is above its minimum', () => {
    const changes = ['W0', 'W1'].map((student_id) => ({
      student_id,
      add: { sat: [{ date: '2024-03-09', ebrw: 490 }] },
    }));
    const result = runWhatIf(campus, changes);
    assert.equal(result.delta.outcomes_bonus_usd, 5000);
  });

  it('does not change the input records', () => {
    const before = JSON.stringify(campus);
    runWhatIf(campus, [
      {
        student_id: 'W0',
        add: { ap_exams: [{ date: '2024-05-01', subject: 'AP Art', score: 5 }] },
      },
    ]);
    assert.equal(JSON.stringify(campus), before);
  });
});
