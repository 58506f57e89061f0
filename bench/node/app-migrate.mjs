// drizzle-orm's counterpart of drizzle_bench_app_migrate: migrate() at application start, nothing pending.
// Usage: node app-migrate.mjs URL FOLDER   (run where drizzle-orm and pg resolve: bench/compare links them)
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

const [url, migrationsFolder] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
const start = performance.now();
await migrate(drizzle(client), { migrationsFolder });
console.log(`bench: migrate() ${(performance.now() - start).toFixed(2)} ms`);
await client.end();
