import {
  databaseConfigFromEnv,
  demoDataFromEnv,
  followUpScheduleFromEnv,
  securityConfigFromEnv,
} from '@yawar/db';
import { closeOnSignals, startServer } from '@yawar/server';
import type { Command } from 'commander';
import { CliError, printAdminPassword, type CliIo } from '../io.js';

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'Serve the web app and the API (migrates and, if empty, loads the Cajamarca data first)',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT)', io.env['PORT'] ?? '8080')
    .option(
      '--host <host>',
      'address to bind (env HOST); 0.0.0.0 to serve the local network',
      io.env['HOST'] ?? 'localhost',
    )
    .action(async (options: { port: string; host: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number, not ${options.port}`);
      const server = await startServer({
        database: databaseConfigFromEnv(io.env, io.cwd),
        security: securityConfigFromEnv(io.env, io.cwd),
        demoData: demoDataFromEnv(io.env),
        followUpSchedule: followUpScheduleFromEnv(io.env),
        port,
        host: options.host,
        logLevel: io.env['LOG_LEVEL'] ?? 'info',
      });
      closeOnSignals(server);
      if (server.initialAdminPassword) printAdminPassword(io, server.initialAdminPassword);
      io.out(`Yawar is running at ${server.url}  (API docs: ${server.url}/api/docs)`);
    });
}
