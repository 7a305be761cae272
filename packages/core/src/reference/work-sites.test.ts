import { describe, expect, it } from 'vitest';
import { isScreeningSite } from './work-sites.js';

describe('where simulated screening and stock data may land', () => {
  it('takes government first-level establishments', () => {
    expect(isScreeningSite({ category: 'I-1', institution: 'GOBIERNO REGIONAL' })).toBe(true);
    expect(isScreeningSite({ category: 'I-4', institution: 'MINSA' })).toBe(true);
  });

  it('leaves out private, EsSalud and unregistered establishments, and hospitals', () => {
    expect(isScreeningSite({ category: 'I-3', institution: 'PRIVADO' })).toBe(false);
    expect(isScreeningSite({ category: 'I-3', institution: 'ESSALUD' })).toBe(false);
    expect(isScreeningSite({ category: 'I-3', institution: null })).toBe(false);
    expect(isScreeningSite({ category: 'II-2', institution: 'GOBIERNO REGIONAL' })).toBe(false);
  });
});
