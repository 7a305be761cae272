import { databaseConfigFromEnv, describeDatabase, migrateToLatest } from '@yawar/db';
import { connect } from '@yawar/db';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations (serve and every command also do this on start)')
    .action(async () => {
      const config = databaseConfigFromEnv(io.env, io.cwd);
      const connection = connect(config);
      try {
        const results = await migrateToLatest(connection.db);
        io.out(
          `${describeDatabase(config)}: ${results.length === 0 ? 'already up to date' : `applied ${results.map((r) => r.migrationName).join(', ')}`}.`,
        );
      } finally {
        await connection.close();
      }
    });
}
