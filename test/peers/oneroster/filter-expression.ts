/**
 * The OneRoster filter grammar (1.1 §3.4.2, 1.2 REST binding §3.4): `field op 'value'` predicates
 * joined by ` AND ` / ` OR `; ops = != > >= < <= ~ (contains). AND binds tighter than OR.
 */
export interface Predicate {
  field: string;
  op: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~';
  value: string;
}

/** OR of ANDs. */
export type FilterExpression = Predicate[][];

const PREDICATE = /^\s*([A-Za-z][\w.]*)\s*(!=|>=|<=|=|>|<|~)\s*'((?:[^']|'')*)'\s*$/;

/** Parses a filter, or returns undefined when it does not follow the grammar. */
export function parseFilter(text: string): FilterExpression | undefined {
  const groups: FilterExpression = [];
  for (const orPart of text.split(/\s+OR\s+/)) {
    const group: Predicate[] = [];
    for (const andPart of orPart.split(/\s+AND\s+/)) {
      const match = PREDICATE.exec(andPart);
      if (!match) return undefined;
      group.push({
        field: match[1]!,
        op: match[2] as Predicate['op'],
        value: match[3]!.replace(/''/g, "'"),
      });
    }
    groups.push(group);
  }
  return groups;
}

/** The value at a dotted path, as a string for comparison (undefined when absent). */
export function valueAt(record: Record<string, unknown>, path: string): string | undefined {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined || current === null || typeof current === 'object') return undefined;
  return String(current);
}

function holds(record: Record<string, unknown>, p: Predicate): boolean {
  const actual = valueAt(record, p.field);
  if (actual === undefined) return p.op === '!=';
  switch (p.op) {
    case '=':
      return actual === p.value;
    case '!=':
      return actual !== p.value;
    case '>':
      return actual > p.value;
    case '>=':
      return actual >= p.value;
    case '<':
      return actual < p.value;
    case '<=':
      return actual <= p.value;
    case '~':
      return actual.toLowerCase().includes(p.value.toLowerCase());
  }
}

/** Whether the record satisfies the filter. */
export function matchesFilter(record: Record<string, unknown>, filter: FilterExpression): boolean {
  return filter.some((group) => group.every((p) => holds(record, p)));
}
