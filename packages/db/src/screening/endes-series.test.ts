import { describe, expect, it } from 'vitest';
import { endesPrevalenceByYear } from './endes.js';
import { ineiOfficialFigures, readIneiFigures } from './inei.js';

describe('ENDES subsample series under both INEI methods', () => {
  const years = endesPrevalenceByYear('Cajamarca');
  const find = (ruleId: string, year: number, scope = 'national') =>
    years.find((y) => y.ruleId === ruleId && y.year === year && y.scope === scope);

  it('classifies every year, 2024 included, under nts-213-2024 and under who-2011', () => {
    for (const ruleId of ['nts-213-2024', 'who-2011'])
      expect(
        years.filter((y) => y.ruleId === ruleId && y.scope === 'national').map((y) => y.year),
      ).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it("the 2024 point under nts-213-2024 sits beside INEI's new-method 35.3 %", () => {
    const point = find('nts-213-2024', 2024);
    expect(point?.cell.n).toBe(1210);
    expect(point?.cell.estimate).toBeCloseTo(0.3543, 3);
    const inei = ineiOfficialFigures('06').find(
      (f) => f.method === 'rm-251-2024' && f.year === 2024 && f.areaCode === '00',
    );
    expect(inei?.value).toBe(0.353);
    expect(Math.abs((point?.cell.estimate ?? 0) - (inei?.value ?? 1))).toBeLessThan(0.02);
    // The legacy rule on the same children gives INEI's previous-method level, not the new one.
    expect(find('who-2011', 2024)?.cell.estimate).toBeCloseTo(0.4737, 3);
  });
});

describe("INEI's published figures (data/anemia/inei_anemia_6_35m_oficial.csv)", () => {
  it('carry the cited values, each labelled by method with its rule and source', () => {
    const figures = ineiOfficialFigures('06');
    const value = (method: string, year: number, area: string) =>
      figures.find((f) => f.method === method && f.year === year && f.areaCode === area)?.value;
    expect(value('rm-251-2024', 2023, '00')).toBe(0.346);
    expect(value('rm-251-2024', 2024, '00')).toBe(0.353);
    expect(value('rm-251-2024', 2024, '06')).toBe(0.4);
    // Cajamarca's new-method figures are known to the whole percent only, and say so.
    expect(
      figures
        .filter((f) => f.areaCode === '06' && f.method === 'rm-251-2024')
        .map((f) => f.decimals),
    ).toEqual([0, 0]);
    expect(value('previous', 2024, '00')).toBe(0.437);
    for (const f of figures) {
      expect(f.publisher).toBe('INEI');
      expect(f.ruleId).toBe(f.method === 'rm-251-2024' ? 'nts-213-2024' : 'who-2011');
      expect(f.citedVia).toMatch(/^https:\/\//);
    }
    expect(ineiOfficialFigures('13').every((f) => f.areaCode === '00')).toBe(true);
  });

  it('refuse a malformed file with row, column and reason', () => {
    const header =
      'publisher,report,table_page,method,method_label,rule_id,year,area_code,area_name,value_pct,decimals,cited_via,note';
    const good = 'INEI,R,T,previous,Anterior,who-2011,2018,00,PERÚ,43.5,1,https://example.org/a,';
    expect(() => readIneiFigures(`${header}\n${good}`, 'x.csv')).not.toThrow();
    expect(() =>
      readIneiFigures(`${header}\n${good}\n${good.replace('43.5', '143.5')}`, 'x.csv'),
    ).toThrow('x.csv: row 3, column value_pct: must be a percentage between 0 and 100');
    expect(() =>
      readIneiFigures(`${header}\n${good.replace('who-2011', 'nts-213-2024')}`, 'x.csv'),
    ).toThrow('x.csv: row 2, column rule_id: must be who-2011 for method previous');
    expect(() => readIneiFigures(`${header}\n${good.replace(',1,', ',0,')}`, 'x.csv')).toThrow(
      'x.csv: row 2, column value_pct: has more decimals than the 0 declared',
    );
    expect(() => readIneiFigures(`${header}\n${good}\n${good}`, 'x.csv')).toThrow(
      'row 3, column year: a second figure for previous, 2018, area 00',
    );
  });
});
