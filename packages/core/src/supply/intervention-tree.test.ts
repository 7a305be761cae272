import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BAND_WIDTH_MONTHS,
  FERROUS_SULFATE_DROPS_25,
  MMN_SACHET,
  NTS_213_2024_TRANSCRIBED,
  dispensingUnitsPerChild,
  ironPerChildMg,
} from './anemia-regimens.js';
import { anemiaInterventionTree, type AnemiaTreeInputs } from './anemia-tree.js';
import { evaluateTree, type TreeNode } from './intervention-tree.js';

describe('generic tree', () => {
  const tree: TreeNode = {
    kind: 'sum',
    id: 'all',
    label: 'Todos',
    unit: 'personas',
    children: [
      {
        kind: 'number',
        id: 'a',
        label: 'A',
        unit: 'personas',
        value: 1000,
        children: [
          {
            kind: 'percent',
            id: 'a-target',
            label: 'meta',
            percent: 0.5,
            children: [
              {
                kind: 'product',
                id: 'a-kit',
                label: 'kit',
                unit: 'kits',
                unitsPerParent: 2,
                wastage: 0.2,
                productCode: 'kit',
              },
            ],
          },
        ],
      },
      {
        kind: 'number',
        id: 'b',
        label: 'B',
        unit: 'personas',
        value: 300,
        children: [
          {
            kind: 'product',
            id: 'b-kit',
            label: 'kit',
            unit: 'kits',
            unitsPerParent: 1,
            productCode: 'kit',
          },
        ],
      },
    ],
  };

  it('evaluates values and formulas, parents before children, and totals products', () => {
    const result = evaluateTree(tree);
    expect(result.nodes.map((n) => [n.id, n.parentId, n.value])).toEqual([
      ['all', null, 1300],
      ['a', 'all', 1000],
      ['a-target', 'a', 500],
      ['a-kit', 'a-target', 1250], // 500 × 2 ÷ (1 − 0.2)
      ['b', 'all', 300],
      ['b-kit', 'b', 300],
    ]);
    expect(result.products).toEqual([{ productCode: 'kit', unit: 'kits', quantity: 1550 }]);
    const byId = new Map(result.nodes.map((n) => [n.id, n]));
    expect(byId.get('a-target')).toMatchObject({
      unit: 'personas',
      formula: 'A × % meta',
      substituted: '1 000 × 50 %',
    });
    expect(byId.get('a-kit')?.substituted).toBe('500 × 2 ÷ (1 − 0.2)');
    expect(byId.get('all')).toMatchObject({ formula: 'Σ A + B', substituted: '1 000 + 300' });
  });

  it('a factor node multiplies its parent by a rate and shows the rate', () => {
    const result = evaluateTree({
      kind: 'number',
      id: 'in-band',
      label: 'En la banda',
      unit: 'niños',
      value: 1000,
      children: [
        {
          kind: 'factor',
          id: 'entering',
          label: 'Entran',
          factor: 2,
          factorLabel: '12 ÷ meses de la banda',
          factorSubstituted: '12 ÷ 6',
        },
      ],
    });
    expect(result.nodes[1]).toMatchObject({
      value: 2000,
      unit: 'niños',
      formula: 'En la banda × 12 ÷ meses de la banda',
      substituted: '1 000 × 12 ÷ 6',
    });
    expect(() =>
      evaluateTree({ kind: 'factor', id: 'f', label: 'f', factor: 2, factorLabel: 'x' }),
    ).toThrow(/needs a parent value/);
  });

  it('refuses a node that needs a parent value where there is none, and duplicate ids', () => {
    expect(() => evaluateTree({ kind: 'percent', id: 'p', label: 'p', percent: 0.5 })).toThrow(
      /needs a parent value/,
    );
    expect(() =>
      evaluateTree({
        kind: 'sum',
        id: 's',
        label: 's',
        unit: 'u',
        children: [{ kind: 'product', id: 'x', label: 'x', unit: 'u', unitsPerParent: 1 }],
      }),
    ).toThrow(/needs a parent value/);
    expect(() =>
      evaluateTree({
        kind: 'number',
        id: 'n',
        label: 'n',
        unit: 'u',
        value: 1,
        children: [{ kind: 'percent', id: 'n', label: 'n', percent: 1 }],
      }),
    ).toThrow(/used twice/);
    expect(() =>
      evaluateTree({
        kind: 'number',
        id: 'n',
        label: 'n',
        unit: 'u',
        value: 1,
        children: [{ kind: 'percent', id: 'p', label: 'p', percent: 1.5 }],
      }),
    ).toThrow(RangeError);
  });
});

describe('anemia regimens (NTS 213-MINSA/DGIESP-2024 as transcribed, [T] pending clinical validation)', () => {
  it('worked check: 8 kg, drops 25 mg/mL → treatment 4 320 mg = 172.8 mL; prevention 2 880 mg = 115.2 mL', () => {
    const { treatment, prevention } = NTS_213_2024_TRANSCRIBED.bands['6-11'];
    expect(ironPerChildMg(treatment, 8)).toBe(4320);
    expect(dispensingUnitsPerChild(treatment, FERROUS_SULFATE_DROPS_25, 8)).toBeCloseTo(172.8, 10);
    expect(ironPerChildMg(prevention, 8)).toBe(2880);
    expect(dispensingUnitsPerChild(prevention, FERROUS_SULFATE_DROPS_25, 8)).toBeCloseTo(115.2, 10);
    // 24–35 months: 30 mg/day whatever the weight
    expect(ironPerChildMg(NTS_213_2024_TRANSCRIBED.bands['24-35'].prevention, 13)).toBe(5400);
    // MMN: one sachet a day
    expect(dispensingUnitsPerChild(prevention, MMN_SACHET, 8)).toBe(180);
  });

  it('prevention from 4 months: 2 mg/kg/day for the 60 days to 6 months, 7.2 kg → 864 mg = 34.56 mL', () => {
    const infant = NTS_213_2024_TRANSCRIBED.infantPrevention;
    expect(infant).toMatchObject({
      fromMonths: 4,
      toMonths: 5,
      dose: { kind: 'mg_per_kg_day', mg: 2, days: 60 },
    });
    // WHO weight-for-age median at 5 months: boys 7.5 kg, girls 6.9 kg → 7.2 kg.
    expect(infant.meanWeightKg).toBeCloseTo(7.2, 10);
    expect(ironPerChildMg(infant.dose, infant.meanWeightKg)).toBeCloseTo(864, 10);
    expect(
      dispensingUnitsPerChild(infant.dose, FERROUS_SULFATE_DROPS_25, infant.meanWeightKg),
    ).toBeCloseTo(34.56, 10);
  });

  it('mean weights are WHO medians at 9, 18 and 30 months, averaged over sexes', () => {
    const weights = Object.values(NTS_213_2024_TRANSCRIBED.bands).map((b) => b.meanWeightKg);
    expect(weights.map((w) => Number(w.toFixed(2)))).toEqual([8.55, 10.55, 13]);
    expect(NTS_213_2024_TRANSCRIBED.pendingClinicalValidation).toBe(true);
  });

  it('band widths: 6–11 is 6 months of age, the others 12', () => {
    expect(BAND_WIDTH_MONTHS).toEqual({ '6-11': 6, '12-23': 12, '24-35': 12 });
  });
});

describe('anemia intervention tree (QAT-style tree on the NTS 213 schemes)', () => {
  const inputs: AnemiaTreeInputs = {
    bands: {
      '6-11': { children: 1000, screeningTestsPerChild: 3, anemiaPrevalence: 0.4 },
      '12-23': { children: 2000, screeningTestsPerChild: 3, anemiaPrevalence: 0.3 },
      '24-35': { children: 1000, screeningTestsPerChild: 2, anemiaPrevalence: 0.2 },
    },
    infantsFourToFiveMonths: 300,
    treatmentCoverage: 0.5,
    preventionCoverage: 0.5,
    wastage: 0.1,
    testWastage: 0,
    meanWeightKg: { '6-11': 8, '12-23': 8, '24-35': 8 },
  };
  const quantityOf = (result: ReturnType<typeof anemiaInterventionTree>, code: string) =>
    result.products.find((p) => p.productCode === code)?.quantity;

  it('S-tree: yearly dispensing units per product, by hand, driven by the children entering each band', () => {
    // Children ENTERING a band in a year = children in it × 12 ÷ width in months:
    //   4–5: 300 × 12 ÷ 2 = 1 800; 6–11: 1 000 × 12 ÷ 6 = 2 000; 12–23: 2 000 × 12 ÷ 12 = 2 000;
    //   24–35: 1 000 × 12 ÷ 12 = 1 000. Each entrant starts one course (a 6-month course, the
    //   tests of its schedule); the children present would undercount the 6–11 band by half.
    // Drops (25 mg/mL), loss 1 ÷ 0.9:
    //   4–5:   900 covered × (2 × 7.2 × 60 ÷ 25 = 34.56 mL) = 31 104 → ÷ 0.9 = 34 560
    //   6–11:  800 anemic → 400 treated × 172.8 + 1 200 not → 600 prevented × 115.2
    //          = 69 120 + 69 120 = 138 240 → ÷ 0.9 = 153 600 (76 800 before the correction)
    //   12–23: 600 → 300 × 172.8 + 1 400 → 700 × 115.2 = 51 840 + 80 640 → ÷ 0.9 = 147 200
    //   total 335 360
    // Syrup (3 mg/mL), 24–35: 100 × 4 320 ÷ 3 + 400 × 5 400 ÷ 3 = 144 000 + 720 000 → ÷ 0.9 = 960 000
    // Tests: 2 000 × 3 + 2 000 × 3 + 1 000 × 2 = 14 000; one microcuvette and one lancet each.
    const result = anemiaInterventionTree(inputs);
    expect(result.entrants).toEqual({ '4-5': 1800, '6-11': 2000, '12-23': 2000, '24-35': 1000 });
    expect(quantityOf(result, 'sulfato-ferroso-gotas-25mg-ml')).toBeCloseTo(335360, 6);
    expect(quantityOf(result, 'sulfato-ferroso-jarabe-3mg-ml')).toBeCloseTo(960000, 6);
    expect(result.tests).toBe(14000);
    expect(quantityOf(result, 'microcubeta-hb')).toBe(14000);
    expect(quantityOf(result, 'lanceta')).toBe(14000);
    expect(result.regimenSetId).toBe('nts-213-2024-transcribed');
    expect(result.pendingClinicalValidation).toBe(true);
    expect(result.products.find((p) => p.productCode === 'lanceta')?.label).toBe(
      'Lanceta retráctil',
    );
  });

  it('the 6–11 band starts twice as many courses a year as it holds children', () => {
    // The correction of issue 9: today's code multiplied courses by the children present
    // (1 000 × 40 % × 50 % = 200 treated, 3 000 tests), half of the children starting one.
    const nodes = new Map(anemiaInterventionTree(inputs).tree.nodes.map((n) => [n.id, n]));
    expect(nodes.get('entrants-6-11')?.value).toBe(2000);
    expect(nodes.get('treated-6-11')?.value).toBe(400);
    expect(nodes.get('treatment-6-11')?.value).toBeCloseTo((400 * 172.8) / 0.9, 6);
    expect(nodes.get('prevented-6-11')?.value).toBe(600);
    expect(nodes.get('tests-6-11')?.value).toBe(6000);
    // A 12-month band starts as many courses as it holds children.
    expect(nodes.get('entrants-12-23')?.value).toBe(2000);
  });

  it('property: courses scale with 12 ÷ band width, whatever the children and prevalence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (children, prevalence) => {
          const band = { children, screeningTestsPerChild: 3, anemiaPrevalence: prevalence };
          const result = anemiaInterventionTree({
            ...inputs,
            bands: { '6-11': band, '12-23': band, '24-35': band },
            meanWeightKg: { '6-11': 8, '12-23': 8, '24-35': 8 },
          });
          const value = (id: string) => result.tree.nodes.find((n) => n.id === id)?.value ?? NaN;
          // Same children, prevalence and weight: the 6-month band needs twice the 12-month one.
          const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, b);
          return (
            close(value('tests-6-11'), 2 * value('tests-12-23')) &&
            close(value('treatment-6-11'), 2 * value('treatment-12-23')) &&
            close(value('prevention-6-11'), 2 * value('prevention-12-23'))
          );
        },
      ),
    );
  });

  it('shows each node with its formula and live numbers', () => {
    const nodes = new Map(anemiaInterventionTree(inputs).tree.nodes.map((n) => [n.id, n]));
    expect(nodes.get('children-4-35')?.value).toBe(4300);
    expect(nodes.get('entrants-6-11')).toMatchObject({
      label: 'Niños que entran a 6–11 meses en el año',
      formula: 'Niños de 6–11 meses × 12 ÷ meses de la banda',
      substituted: '1 000 × 12 ÷ 6',
    });
    expect(nodes.get('anemic-6-11')?.substituted).toBe('2 000 × 40 %');
    expect(nodes.get('treatment-6-11')).toMatchObject({
      formula: 'Tratados 6–11 meses × (mg/kg/día × peso × días ÷ mg por mL) ÷ (1 − merma)',
      substituted: '400 × (3 × 8 × 180 ÷ 25) ÷ (1 − 0.1)',
      unit: 'mL',
    });
    expect(nodes.get('prevention-24-35')?.substituted).toBe('400 × (30 × 180 ÷ 3) ÷ (1 − 0.1)');
    expect(nodes.get('prevention-4-5')).toMatchObject({
      substituted: '900 × (2 × 7.2 × 60 ÷ 25) ÷ (1 − 0.1)',
      unit: 'mL',
    });
  });

  it('takes other products, and test wastage, when given', () => {
    const result = anemiaInterventionTree({
      ...inputs,
      testWastage: 0.1,
      products: { prevention: { '6-11': MMN_SACHET } },
    });
    // 600 prevented a year at 6–11 (2 000 entering × 60 % not anemic × 50 %), one sachet a day.
    expect(quantityOf(result, 'multimicronutrientes-sobre')).toBeCloseTo((600 * 180) / 0.9, 6);
    expect(quantityOf(result, 'microcubeta-hb')).toBeCloseTo(14000 / 0.9, 6);
  });

  it('uses the regimen set weights by default', () => {
    const { meanWeightKg: _ignored, ...defaults } = inputs;
    const nodes = new Map(anemiaInterventionTree(defaults).tree.nodes.map((n) => [n.id, n]));
    expect(nodes.get('treatment-6-11')?.substituted).toBe(
      '400 × (3 × 8.55 × 180 ÷ 25) ÷ (1 − 0.1)',
    );
  });
});
