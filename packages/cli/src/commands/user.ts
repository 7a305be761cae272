import { isScopeKind, ROLES, type Scope } from '@yawar/core';
import {
  AccountError,
  cliActor,
  createUser,
  findUser,
  listUsers,
  resetPassword,
  scopeLabel,
  updateUser,
  type UserRecord,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, table, withDatabase, type CliIo } from '../io.js';

const SCOPE_HELP =
  'national | department:06 | network:06/CHOTA | microred:06/RED/MICRORED | establishment:00004612 | executing_unit:785';

export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('Manage accounts (every change is audited)');

  user
    .command('create')
    .description('Create an account; prints its generated password once')
    .argument('<username>', 'lowercase login name, e.g. ana.perez')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--scope <scope>', SCOPE_HELP)
    .option('--name <display name>', "the person's name as shown in the app")
    .action(async (username: string, options: { role: string; scope: string; name?: string }) => {
      const scope = parseScope(options.scope);
      await withDatabase(io, async ({ db }) => {
        const { user: created, password } = await accountCall(() =>
          createUser(db, cliActor(osUser()), {
            username,
            displayName: options.name ?? username,
            role: options.role,
            scope,
          }),
        );
        io.out(
          `Created ${created.username} (${created.role}, ${await describeScope(db, created.scope)}).`,
        );
        io.out(`Password (shown only now): ${password}`);
      });
    });

  user
    .command('disable')
    .description('Disable an account and end its sessions')
    .argument('<username>')
    .action((username: string) => setDisabled(io, username, true));

  user
    .command('enable')
    .description('Enable a disabled account')
    .argument('<username>')
    .action((username: string) => setDisabled(io, username, false));

  user
    .command('reset-password')
    .description(
      'Give an account a new random password (printed once); unlocks it and ends its sessions',
    )
    .argument('<username>')
    .action(async (username: string) => {
      await withDatabase(io, async ({ db }) => {
        const found = await existing(db, username);
        const password = await resetPassword(db, cliActor(osUser()), found.id);
        io.out(`New password for ${found.username} (shown only now): ${password}`);
      });
    });

  user
    .command('list')
    .description('List accounts')
    .action(async () => {
      await withDatabase(io, async ({ db }) => {
        const rows = await listUsers(db);
        const lines = await Promise.all(
          rows.map(async (u) => [u.username, u.role, await describeScope(db, u.scope), status(u)]),
        );
        for (const line of table([['username', 'role', 'scope', 'status'], ...lines])) io.out(line);
      });
    });
}

async function setDisabled(io: CliIo, username: string, disabled: boolean): Promise<void> {
  await withDatabase(io, async ({ db }) => {
    const found = await existing(db, username);
    await updateUser(db, cliActor(osUser()), found.id, { disabled });
    io.out(
      `${found.username} is now ${disabled ? 'disabled; its sessions were ended' : 'enabled'}.`,
    );
  });
}

type Db = Parameters<typeof findUser>[0];

async function existing(db: Db, username: string): Promise<UserRecord> {
  const found = await findUser(db, { username });
  if (!found) throw new CliError(`No account is called ${username}.`);
  return found;
}

function parseScope(text: string): Scope {
  const [kind = '', ...rest] = text.split(':');
  if (!isScopeKind(kind))
    throw new CliError(`--scope: "${text}" is not a scope. Use ${SCOPE_HELP}`);
  return { kind, code: kind === 'national' ? '' : rest.join(':').toUpperCase() };
}

async function describeScope(db: Db, scope: Scope): Promise<string> {
  return `${scope.kind}${scope.code ? ` ${scope.code}` : ''}: ${(await scopeLabel(db, scope)) ?? '?'}`;
}

function status(user: UserRecord): string {
  const flags = [user.disabled ? 'disabled' : 'active'];
  if (user.isDemo) flags.push('demo');
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now())
    flags.push(`locked until ${user.lockedUntil.toISOString()}`);
  return flags.join(', ');
}

/** Account rules broken by the input are the user's to fix: show the message, not a stack. */
async function accountCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(error.message);
    throw error;
  }
}
