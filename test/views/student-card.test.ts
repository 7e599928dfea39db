import assert from 'node:assert/strict';
import { startWidgetWorld, type WidgetWorld } from './support/widget-launch.js';

describe('student readiness card', () => {
  let world: WidgetWorld;

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    world = await startWidgetWorld('card', {
      campuses: [{ sourcedId: 'hs-a', name: 'A High', students: 12 }],
      sectionSize: 6,
    });
  });

  after(() => world?.close());

  it('shows a learner their indicators and path in Spanish when the launch asks for it', async () => {
    const student = world.district.campuses[0].studentSourcedIds[1];
    const session = await world.launch('student', student, { locale: 'es-MX' });
    const page = await session.get('/widgets/student-card');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(page.body, /<html lang="es">/);
    assert.match(page.body, /Indicadores/);
    assert.match(page.body, /Camino hacia la preparación/);
  });

  it('says where the numbers come from and how fresh they are', async () => {
    const student = world.district.campuses[0].studentSourcedIds[0];
    const session = await world.launch('student', student);
    const page = await session.get('/widgets/student-card');
    assert.match(page.body, /Results computed/);
    assert.match(page.body, /Roster as of the sync of|not been synchronised/);
  });
});
