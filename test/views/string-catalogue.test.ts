import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATOR_IDS } from '../../calculators/index.js';
import { WIDGET_NAMES } from '../../views/index.js';
import { GAP_GROUPS } from '../../views/presenters/gap-group.js';
import { WHAT_IF_SCENARIOS } from '../../views/presenters/what-if-scenarios.js';
import { listCatalogueKeys, translate } from '../../views/render/string-catalogue.js';

const TEMPLATES = 'views/templates';

function templateKeys(): string[] {
  const files = [
    join(TEMPLATES, 'layout.hbs'),
    ...readdirSync(join(TEMPLATES, 'partials')).map((f) => join(TEMPLATES, 'partials', f)),
    ...readdirSync(join(TEMPLATES, 'widgets')).map((f) => join(TEMPLATES, 'widgets', f)),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\{\{t "([^"]+)"/g)) keys.add(m[1]);
  }
  return [...keys];
}

describe('string catalogue', () => {
  it('has the same keys in English and Spanish', () => {
    assert.deepEqual(listCatalogueKeys('es'), listCatalogueKeys('en'));
  });

  it('has every key a template asks for', () => {
    const known = new Set(listCatalogueKeys('en'));
    assert.deepEqual(
      templateKeys().filter((key) => !known.has(key)),
      [],
    );
  });

  it('names every widget, indicator, gap group and what-if scenario', () => {
    const known = new Set(listCatalogueKeys('en'));
    const wanted = [
      ...WIDGET_NAMES.map((w) => `widget.${w}.title`),
      ...INDICATOR_IDS.map((id) => `indicator.${id}`),
      ...GAP_GROUPS.map((g) => `gap.${g}`),
      ...WHAT_IF_SCENARIOS.map((s) => `whatif.scenario.${s}`),
    ];
    assert.deepEqual(
      wanted.filter((key) => !known.has(key)),
      [],
    );
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(translate('es', 'card.class-of', { year: 2027 }), 'Generación 2027');
    assert.equal(translate('en', 'card.class-of'), 'Class of {year}');
  });
});
