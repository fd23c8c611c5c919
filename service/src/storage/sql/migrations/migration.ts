/** One versioned schema change; its SQL serves both dialects through the tokens of `migrationSql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
