/** Values Seika binds into SQL: text, numbers (epoch ms fit in 2^53) and NULL. Booleans are stored as 0/1. */
export type SqlValue = string | number | null;
export type SqlRow = Readonly<Record<string, unknown>>;

/** Statements use `?` placeholders in both dialects; the PostgreSQL driver numbers them. */
export interface SqlExecutor {
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /**
   * `all`, each row mapped as it is read: SQLite then never holds every row object at once, so a read of
   * hundreds of thousands of rows leaves only the mapped records, not the rows, to the old generation.
   */
  mapRows<T>(sql: string, params: readonly SqlValue[], map: (row: SqlRow) => T): Promise<T[]>;
  get(sql: string, params?: readonly SqlValue[]): Promise<SqlRow | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: SqlDialect;
  /** Runs `work` atomically: everything it wrote is committed together, or rolled back on any throw. */
  transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The most bind parameters one statement may carry in both dialects (SQLite 32766, PostgreSQL 65535). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows in as few statements as the parameter limit allows. `suffix` carries ON CONFLICT clauses.
 * Row-at-a-time inserts cost one round trip each on PostgreSQL; this keeps a page to one or two.
 */
export async function insertMany(
  executor: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
): Promise<void> {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`;
    await executor.run(sql, chunk.flat());
  }
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
