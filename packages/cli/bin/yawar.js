#!/usr/bin/env node
// Committed launcher so `npx yawar` works as soon as npm has linked it; the code is the build.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'yawar is not built yet: run `npm run build` (npm install does it) in the repository root.',
  );
  process.exit(1);
}
await import(entry.href);
