import { PARAMETER_TABLE, SUPPORTED_YEARS, deepFreeze } from './parameter-table.js';
import type { ParameterOverrides, YearParameters } from './year-parameters.js';

/**
 * The parameters of one accountability year with a district's overrides merged on top.
 *
 * Nested groups merge key by key; arrays and scalar values replace. An override key that the
 * table does not have, or a value of another type, is a caller mistake and fails loudly, so a
 * misspelt district setting can never be silently ignored.
 *
 * @param year - accountability year (ccmr-rules.md §1, Y-MAP).
 * @param overrides - the district's changes, in the shape of {@link YearParameters}.
 * @returns frozen parameters for the year.
 * @throws {RangeError} when the table has no row for `year`.
 * @throws {TypeError} when an override names an unknown key or has the wrong type.
 * @example parametersFor(2025).tsi.sat_ebrw_min // 480
 */
export function parametersFor(year: number, overrides?: ParameterOverrides): YearParameters {
  const row = PARAMETER_TABLE.get(year);
  if (row === undefined) {
    throw new RangeError(
      `no CCMR parameters for accountability year ${year} (have ${SUPPORTED_YEARS.join(', ')})`,
    );
  }
  return mergeParameters(row, overrides);
}

/**
 * Merges a district's overrides onto parameters (see {@link parametersFor}).
 *
 * @param base - the parameters to start from.
 * @param overrides - the changes; nothing to merge returns `base` itself.
 * @returns frozen merged parameters.
 * @throws {TypeError} when an override names an unknown key or has the wrong type.
 */
export function mergeParameters(
  base: YearParameters,
  overrides?: ParameterOverrides,
): YearParameters {
  if (overrides === undefined || Object.keys(overrides).length === 0) return base;
  return deepFreeze(mergeInto(base, overrides, '') as YearParameters);
}

function mergeInto(base: unknown, override: unknown, path: string): unknown {
  if (!isPlainObject(base)) return checkLeaf(base, override, path);
  if (!isPlainObject(override)) {
    throw new TypeError(`parameter ${path || '(root)'} must be an object`);
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (key === 'accountability_year' && path === '') {
      throw new TypeError('parameter accountability_year cannot be overridden');
    }
    if (!(key in base) && !isOpenRecord(path)) {
      throw new TypeError(`unknown parameter ${keyPath}`);
    }
    merged[key] = key in base ? mergeInto(base[key], value, keyPath) : value;
  }
  return merged;
}

/** Records keyed by data (list names), where a district may add keys. */
function isOpenRecord(path: string): boolean {
  return path === 'ibc.list_effective_dates';
}

function checkLeaf(base: unknown, override: unknown, path: string): unknown {
  const expected = Array.isArray(base) ? 'array' : typeof base;
  const actual = Array.isArray(override) ? 'array' : typeof override;
  if (expected !== actual) {
    throw new TypeError(`parameter ${path} must be of type ${expected}, got ${actual}`);
  }
  return Array.isArray(override) ? [...override] : override;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
