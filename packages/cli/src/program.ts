import { Command, CommanderError } from 'commander';
import { registerDbCommands } from './commands/db.js';
import { registerEstablishmentCommands } from './commands/establishment.js';
import { registerHbCommands } from './commands/hb.js';
import { registerImportCommands } from './commands/import-reference.js';
import { registerImportDemCommand } from './commands/import-dem.js';
import { registerImportPopulationCommand } from './commands/import-population.js';
import { registerProgrammingCommands } from './commands/programming.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSupplyCommands } from './commands/supply.js';
import { registerUserCommands } from './commands/user.js';
import { CliError, processIo, type CliIo } from './io.js';

export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('yawar')
    .description(
      "Yawar: anemia surveillance and health-network planning for Peru's public health system",
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .addHelpText(
      'after',
      '\nDatabase: DATABASE_URL=postgres://… for PostgreSQL; otherwise embedded in YAWAR_DATA_DIR (default ./var/db).',
    );
  registerServeCommand(program, io);
  registerDbCommands(program, io);
  registerImportCommands(program, io);
  registerImportDemCommand(program, io);
  registerImportPopulationCommand(program, io);
  registerEstablishmentCommands(program, io);
  registerUserCommands(program, io);
  registerHbCommands(program, io);
  registerProgrammingCommands(program, io);
  registerSupplyCommands(program, io);
  return program;
}

/** Runs a command line and returns the exit code; expected failures print a message, not a stack. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`yawar: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
