// Migrations are .sql files; esbuild (loader "text") and Vitest (vitest.config.ts) import them as strings.
declare module '*.sql' {
  const sql: string;
  export default sql;
}
