import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Chromium flags for a quiet headless run with no outside network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One accessibility violation axe found. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
}

/**
 * Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules) and returns the serious and critical
 * violations. The page's context must bypass CSP: axe is injected as a script.
 *
 * @param page - a loaded page.
 * @returns the serious and critical violations.
 */
export async function findSeriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (
      result.violations as Array<{ id: string; impact: string | null; nodes: unknown[] }>
    ).map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Tabs through the page from the top and reports the focusable controls never reached.
 *
 * @param page - a loaded page.
 * @returns descriptions of unreachable controls (empty when all are reachable).
 */
export async function findUnreachableControls(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]';
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
    );
    controls.forEach((el, i) => el.setAttribute('data-control', String(i)));
    return controls.length;
  });
  const reached = new Set<string>();
  await page.locator('body').focus();
  // Date inputs hold several tab stops (month, day, year), hence the margin.
  for (let i = 0; i < total * 3 + 5; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(
      () => document.activeElement?.getAttribute('data-control') ?? null,
    );
    if (id !== null) reached.add(id);
  }
  // A radio group is one tab stop; the arrow keys move inside it (WAI-ARIA radio group).
  return page.evaluate(
    (seen) => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-control]')];
      const reachedGroups = new Set(
        all
          .filter((el) => seen.includes(el.getAttribute('data-control')!))
          .map((el) => (el as HTMLInputElement).type === 'radio' && (el as HTMLInputElement).name)
          .filter(Boolean),
      );
      return all
        .filter((el) => !seen.includes(el.getAttribute('data-control')!))
        .filter(
          (el) =>
            !(
              (el as HTMLInputElement).type === 'radio' &&
              reachedGroups.has((el as HTMLInputElement).name)
            ),
        )
        .map((el) => `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}`);
    },
    [...reached],
  );
}
