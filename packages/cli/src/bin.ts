#!/usr/bin/env node
import { runCli } from './program.js';

// `yawar … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2));
// serve keeps running: only a command that finished sets the exit code.
if (code !== 0) process.exit(code);
