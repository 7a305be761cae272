import { describe, expect, it } from 'vitest';
import type { EstablishmentProperties } from '@yawar/api';
import { scopeIncludes } from './followUp';

const chota = {
  code: '00004612',
  districtUbigeo: '060401',
  network: 'CHOTA',
  microred: 'CHOTA',
  executingUnitCode: '786',
} as EstablishmentProperties;

describe('scopeIncludes (the establishment picker)', () => {
  it('keeps what each level of the hierarchy covers, as the server does', () => {
    expect(scopeIncludes({ kind: 'national', code: 'PE', label: '' }, chota)).toBe(true);
    expect(scopeIncludes({ kind: 'department', code: '06', label: '' }, chota)).toBe(true);
    expect(scopeIncludes({ kind: 'department', code: '13', label: '' }, chota)).toBe(false);
    expect(scopeIncludes({ kind: 'network', code: '06/CHOTA', label: '' }, chota)).toBe(true);
    expect(scopeIncludes({ kind: 'network', code: '06/CUTERVO', label: '' }, chota)).toBe(false);
    expect(scopeIncludes({ kind: 'microred', code: '06/CHOTA/CHOTA', label: '' }, chota)).toBe(
      true,
    );
    expect(scopeIncludes({ kind: 'microred', code: '06/CHOTA/CONCHAN', label: '' }, chota)).toBe(
      false,
    );
    expect(scopeIncludes({ kind: 'executing_unit', code: '786', label: '' }, chota)).toBe(true);
    expect(scopeIncludes({ kind: 'executing_unit', code: '785', label: '' }, chota)).toBe(false);
    expect(scopeIncludes({ kind: 'establishment', code: '00004612', label: '' }, chota)).toBe(true);
  });

  it('gives an establishment without a network to no network or microred scope', () => {
    const loose = { ...chota, network: null, microred: null };
    expect(scopeIncludes({ kind: 'network', code: '06/CHOTA', label: '' }, loose)).toBe(false);
    expect(scopeIncludes({ kind: 'department', code: '06', label: '' }, loose)).toBe(true);
  });
});
