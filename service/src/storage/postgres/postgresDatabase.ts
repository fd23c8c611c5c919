import pg from 'pg';
import type { SqlDatabase, SqlExecutor, SqlRow } from '../sql/sqlDatabase.ts';

/** Statements are written with `?`; PostgreSQL wants `$1, $2, …`. Seika's SQL has no `?` inside literals. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function executorOf(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rows,
    // pg hands over a result's rows together; mapping them is all there is to do.
    mapRows: async (sql, params, map) =>
      (await client.query(numberPlaceholders(sql), [...params])).rows.map((row: SqlRow) => map(row)),
    get: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rows[0],
    run: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
    exec: async (script) => {
      await client.query(script);
    },
  };
}

/** A pool of connections; `schema` (tests) puts every table in its own schema, created if missing. */
export async function openPostgresDatabase(options: {
  connectionString: string;
  schema?: string;
  maxConnections?: number;
}): Promise<SqlDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 8,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const pooled = executorOf(pool);
  return {
    dialect: 'postgres',
    ...pooled,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executorOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
