import fs from 'node:fs';
import path from 'node:path';
import {
  classifyHb,
  CsvSyntaxError,
  HB_RULE_SETS,
  hbRuleSet,
  parseCsv,
  recordToObject,
  toCsv,
  type HbInput,
  type HbRuleSet,
} from '@yawar/core';
import type { Command } from 'commander';
import { CliError, table, type CliIo } from '../io.js';
import { registerHbImport, registerHbPrevalence } from './hb-data.js';

const REQUIRED = ['age_months', 'hb_g_dl', 'altitude_m'];
const ADDED = ['hb_adjusted', 'anemia_level', 'rule', 'rejection'];

export function registerHbCommands(program: Command, io: CliIo): void {
  const hb = program
    .command('hb')
    .description('Hemoglobin: classify, import screening records, prevalence');
  registerHbImport(hb, io);
  registerHbPrevalence(hb, io);

  hb.command('rules')
    .description('List the rule sets')
    .action(() => {
      const rows = HB_RULE_SETS.map((r) => [r.id, r.effectiveFrom, r.effectiveTo ?? '—', r.title]);
      for (const line of table([['rule', 'from', 'to', 'title'], ...rows])) io.out(line);
    });

  hb.command('classify')
    .description(
      'Classify a CSV file (columns age_months,hb_g_dl,altitude_m; optional sex F/M, pregnancy_trimester); other columns pass through',
    )
    .argument('<input>', 'CSV file')
    .option('--rule <id>', `rule set: ${HB_RULE_SETS.map((r) => r.id).join(', ')}`, 'nts-213-2024')
    .option('-o, --output <file>', 'write the result here instead of standard output')
    .addHelpText(
      'after',
      '\nAdds hb_adjusted (g/dL), anemia_level (none, mild, moderate, severe), rule and rejection.\nRows with implausible values are kept with a rejection reason, never classified.',
    )
    .action((input: string, options: { rule: string; output?: string }) => {
      const rule = hbRuleSet(options.rule);
      if (!rule)
        throw new CliError(`--rule must be one of ${HB_RULE_SETS.map((r) => r.id).join(', ')}`);
      const { header, rows, counts } = classifyFile(path.resolve(io.cwd, input), rule);
      const csv = toCsv([...header, ...ADDED], rows);
      if (options.output) fs.writeFileSync(path.resolve(io.cwd, options.output), csv);
      else io.out(csv.trimEnd());
      io.err(
        `${rows.length} rows with ${rule.id}: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    });
}

function classifyFile(file: string, rule: HbRuleSet) {
  let parsed;
  try {
    parsed = parseCsv(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new CliError(`${file}:${error.line} is not valid CSV: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${file} does not exist`);
    throw error;
  }
  const missing = REQUIRED.filter((column) => !parsed.header.includes(column));
  if (missing.length > 0) throw new CliError(`${file}:1 missing column(s): ${missing.join(', ')}`);
  const counts: Record<string, number> = { none: 0, mild: 0, moderate: 0, severe: 0, rejected: 0 };
  const rows = parsed.records.map((record) => {
    const row = recordToObject(parsed.header, record);
    const result = readInput(row);
    const classified = typeof result === 'string' ? null : classifyHb(result, rule);
    const passthrough = parsed.header.map((column) => row[column] ?? '');
    if (!classified || !classified.ok) {
      counts['rejected'] = (counts['rejected'] ?? 0) + 1;
      return [
        ...passthrough,
        '',
        '',
        rule.id,
        classified ? classified.message : (result as string),
      ];
    }
    counts[classified.level] = (counts[classified.level] ?? 0) + 1;
    return [...passthrough, classified.adjustedHbGdl.toFixed(2), classified.level, rule.id, ''];
  });
  return { header: parsed.header, rows, counts };
}

/** Parses one row's inputs; a string is the reason it cannot be read. */
function readInput(row: Record<string, string>): HbInput | string {
  const number = (column: string) => {
    const text = (row[column] ?? '').trim().replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  };
  const age = number('age_months');
  const hb = number('hb_g_dl');
  const altitude = number('altitude_m');
  if (age === null) return `age_months "${row['age_months'] ?? ''}" is not a number`;
  if (hb === null) return `hb_g_dl "${row['hb_g_dl'] ?? ''}" is not a number`;
  if (altitude === null) return `altitude_m "${row['altitude_m'] ?? ''}" is not a number`;
  const sex = (row['sex'] ?? '').trim().toUpperCase();
  if (sex !== '' && sex !== 'F' && sex !== 'M')
    return `sex "${row['sex'] ?? ''}" is neither F nor M`;
  const trimesterText = (row['pregnancy_trimester'] ?? '').trim();
  const trimester = trimesterText === '' ? null : Number(trimesterText);
  if (trimester !== null && trimester !== 1 && trimester !== 2 && trimester !== 3) {
    return `pregnancy_trimester "${trimesterText}" is not 1, 2 or 3`;
  }
  return {
    ageMonths: age,
    hbGdl: hb,
    altitudeM: altitude,
    sex: sex === 'F' || sex === 'M' ? sex : null,
    pregnancyTrimester: trimester,
  };
}
