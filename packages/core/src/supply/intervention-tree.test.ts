import { describe, expect, it } from 'vitest';
import {
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

describe('anemia regimens (domain-anemia.md §6, [T] pending clinical validation)', () => {
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

  it('mean weights are WHO medians at 9, 18 and 30 months, averaged over sexes', () => {
    const weights = Object.values(NTS_213_2024_TRANSCRIBED.bands).map((b) => b.meanWeightKg);
    expect(weights.map((w) => Number(w.toFixed(2)))).toEqual([8.55, 10.55, 13]);
    expect(NTS_213_2024_TRANSCRIBED.pendingClinicalValidation).toBe(true);
  });
});

describe('anemia intervention tree (domain-supply.md §10)', () => {
  const inputs: AnemiaTreeInputs = {
    bands: {
      '6-11': { children: 1000, screeningTestsPerChildPerYear: 3, anemiaPrevalence: 0.4 },
      '12-23': { children: 2000, screeningTestsPerChildPerYear: 3, anemiaPrevalence: 0.3 },
      '24-35': { children: 1000, screeningTestsPerChildPerYear: 2, anemiaPrevalence: 0.2 },
    },
    treatmentCoverage: 0.5,
    preventionCoverage: 0.5,
    wastage: 0.1,
    testWastage: 0,
    meanWeightKg: { '6-11': 8, '12-23': 8, '24-35': 8 },
  };

  it('yearly dispensing units per product, by hand', () => {
    // drops (25 mg/mL), loss 1 ÷ 0.9:
    //   6–11:  200 treated × 172.8 + 300 prevented × 115.2 → 34 560 + 34 560 → ÷ 0.9 = 76 800
    //   12–23: 300 × 172.8 + 700 × 115.2 = 51 840 + 80 640 → ÷ 0.9 = 147 200
    // syrup (3 mg/mL), 24–35: 100 × 4 320 ÷ 3 + 400 × 5 400 ÷ 3 = 144 000 + 720 000 → ÷ 0.9 = 960 000
    // tests 3 000 + 6 000 + 2 000 = 11 000; one microcuvette and one lancet each, no test wastage
    const result = anemiaInterventionTree(inputs);
    const quantity = (code: string) =>
      result.products.find((p) => p.productCode === code)?.quantity;
    expect(quantity('sulfato-ferroso-gotas-25mg-ml')).toBeCloseTo(224000, 6);
    expect(quantity('sulfato-ferroso-jarabe-3mg-ml')).toBeCloseTo(960000, 6);
    expect(result.tests).toBe(11000);
    expect(quantity('microcubeta-hb')).toBe(11000);
    expect(quantity('lanceta')).toBe(11000);
    expect(result.regimenSetId).toBe('nts-213-2024-transcribed');
    expect(result.pendingClinicalValidation).toBe(true);
    expect(result.products.find((p) => p.productCode === 'lanceta')?.label).toBe(
      'Lanceta retráctil',
    );
  });

  it('shows each node with its formula and live numbers', () => {
    const nodes = new Map(anemiaInterventionTree(inputs).tree.nodes.map((n) => [n.id, n]));
    expect(nodes.get('children-6-35')?.value).toBe(4000);
    expect(nodes.get('anemic-6-11')?.substituted).toBe('1 000 × 40 %');
    expect(nodes.get('treatment-6-11')).toMatchObject({
      formula: 'Tratados 6–11 meses × (mg/kg/día × peso × días ÷ mg por mL) ÷ (1 − merma)',
      substituted: '200 × (3 × 8 × 180 ÷ 25) ÷ (1 − 0.1)',
      unit: 'mL',
    });
    expect(nodes.get('prevention-24-35')?.substituted).toBe('400 × (30 × 180 ÷ 3) ÷ (1 − 0.1)');
  });

  it('takes other products, and test wastage, when given', () => {
    const result = anemiaInterventionTree({
      ...inputs,
      testWastage: 0.1,
      products: { prevention: { '6-11': MMN_SACHET } },
    });
    const quantity = (code: string) =>
      result.products.find((p) => p.productCode === code)?.quantity;
    expect(quantity('multimicronutrientes-sobre')).toBeCloseTo((300 * 180) / 0.9, 6);
    expect(quantity('microcubeta-hb')).toBeCloseTo(11000 / 0.9, 6);
  });

  it('uses the regimen set weights by default', () => {
    const { meanWeightKg: _ignored, ...defaults } = inputs;
    const nodes = new Map(anemiaInterventionTree(defaults).tree.nodes.map((n) => [n.id, n]));
    expect(nodes.get('treatment-6-11')?.substituted).toBe(
      '200 × (3 × 8.55 × 180 ÷ 25) ÷ (1 − 0.1)',
    );
  });
});
