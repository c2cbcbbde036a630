/** The local PostgreSQL the tests use when TEST_DATABASE_URL names none (test-database-url.mjs). */
export function defaultTestDatabaseUrl(): string;
