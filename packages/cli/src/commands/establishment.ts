import { cliActor, setLaboratoryOverride } from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, withDatabase, type CliIo } from '../io.js';

const ANSWERS: Readonly<Record<string, boolean | null>> = {
  yes: true,
  si: true,
  sí: true,
  no: false,
  auto: null,
};

export function registerEstablishmentCommands(program: Command, io: CliIo): void {
  const establishment = program.command('establishment').description('Health establishments');
  establishment
    .command('laboratory')
    .description(
      'Override whether an establishment has a clinical laboratory (auto returns to the category rule)',
    )
    .argument('<code>', 'RENIPRESS code')
    .requiredOption('--set <answer>', 'yes, no or auto')
    .option('--reason <text>', 'why the category rule is wrong here (required unless auto)')
    .action(async (code: string, options: { set: string; reason?: string }) => {
      const answer = ANSWERS[options.set.toLowerCase()];
      if (answer === undefined) throw new CliError('--set must be yes, no or auto');
      if (answer !== null && !options.reason?.trim())
        throw new CliError('--reason is required: say why the category rule does not apply');
      if (!/^\d{1,8}$/.test(code)) throw new CliError(`${code} is not a RENIPRESS code`);
      const padded = code.padStart(8, '0');
      await withDatabase(io, async ({ db }) => {
        const override =
          answer === null ? null : { hasLaboratory: answer, reason: options.reason?.trim() ?? '' };
        if (!(await setLaboratoryOverride(db, cliActor(osUser()), padded, override)))
          throw new CliError(`No establishment has code ${padded}.`);
        io.out(
          answer === null
            ? `${padded}: laboratory follows the category rule again.`
            : `${padded}: laboratory set to ${options.set}.`,
        );
      });
    });
}
