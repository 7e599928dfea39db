import assert from 'node:assert/strict';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { seedReadinessDistrict, type SeededDistrict } from './support/seed-readiness-district.js';
import { makeViewer, startWidgetHarness, type WidgetHarness } from './support/widget-harness.js';

describe('student readiness card', () => {
  let context: TestContext;
  let harness: WidgetHarness;
  let tenantId: string;
  let district: SeededDistrict;

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    context = await createTestContext();
    tenantId = (await createTestTenant(context, 'card')).id;
    district = await seedReadinessDistrict(context, tenantId, {
      campuses: [{ sourcedId: 'hs-a', name: 'A High', students: 30 }],
      sectionSize: 10,
    });
    harness = await startWidgetHarness(context);
  });

  after(async () => {
    await harness.stop();
    await context.close();
  });

  it('shows a learner their own indicators and path, in Spanish when the launch asks for it', async () => {
    const self = district.campuses[0].studentIds[1];
    const session = harness.openSession(
      makeViewer(tenantId, 'student', { personId: self, locale: 'es' }),
    );
    const response = await fetch(harness.widgetUrl(session, '/widgets/student-card'));
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(html, /<html lang="es">/);
    assert.match(html, /Indicadores/);
    assert.match(html, /Camino hacia la preparación/);
    assert.match(html, /Necesita/);
  });
});
