/**
 * A statement of a hot path that PostgreSQL keeps parsed and planned on each connection that
 * ran it, so later runs skip both steps (on the LTI launch, about a third of the database's CPU).
 * Only fixed texts qualify: a name stays prepared for its connection's life, so texts built at
 * run time would pile up. The text names its columns: a prepared `SELECT *` fails once a
 * migration changes the table. PGlite runs the text as any other.
 */
export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

/** What a query takes: plain SQL, or a prepared statement. */
export type SqlText = string | PreparedSql;

const textsByName = new Map<string, string>();

/**
 * Declares a prepared statement, once, at module level.
 * @throws TypeError when the name was already given to another text.
 */
export function preparedSql(name: string, text: string): PreparedSql {
  const known = textsByName.get(name);
  if (known !== undefined && known !== text) {
    throw new TypeError(`the prepared statement ${name} already has another text`);
  }
  textsByName.set(name, text);
  return Object.freeze({ name, text });
}

/** The SQL of plain or prepared text. */
export function sqlTextOf(sql: SqlText): string {
  return typeof sql === 'string' ? sql : sql.text;
}
