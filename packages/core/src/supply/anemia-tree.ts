/**
 * The intervention tree for anemia commodities of children 4–35 months, a QAT-style forecast tree
 * (FASP-QAT/qat-documentation@0028c1e8 `docs/user/11-forecasting-module-forecasting.md` §B) built
 * on the NTS 213 schemes [I]: children per age band → children who ENTER the band in a year
 * (× 12 ÷ band width) → Hb tests (→ microcuvettes, lancets) → anemic → treated → iron for
 * treatment; non-anemic → covered → iron for prevention; and infants of 4–5 months → entering →
 * covered → preventive drops. Every quantity here is per course (a 6-month course, the tests of
 * its schedule, the 4–6-month drops), so it is driven by the children entering the band, not by
 * those present in it: with a 6-month band, twice as many children start a course in a year as
 * are in the band on any day. Treatment uses the prevalence found in screening as a stand-in for
 * the incidence of anemia among the entrants [I]. Quantities per product are yearly, in dispensing
 * units, unrounded: they feed a programming line with method `intervention`. Regimens are [T] data
 * pending clinical validation (anemia-regimens.ts). Method: docs/methods/supply-quantification.md.
 */
import {
  AGE_BANDS,
  BAND_WIDTH_MONTHS,
  DEFAULT_ANEMIA_PRODUCTS,
  dispensingUnitsPerChild,
  FERROUS_SULFATE_DROPS_25,
  LANCET,
  MICROCUVETTE,
  NTS_213_2024_TRANSCRIBED,
  type AgeBand,
  type AnemiaRegimenSet,
  type IronDose,
  type IronProduct,
} from './anemia-regimens.js';
import { formatNumber as f } from './format.js';
import { evaluateTree, type TreeNode, type TreeResult } from './intervention-tree.js';

export interface AnemiaBandInput {
  /** Children in the band in the area at a time (Padrón Nominal, CNV or an estimate). */
  readonly children: number;
  /**
   * Hb tests of one child over its time in the band (the schedule of one course; see
   * DEFAULT_SCREENING_TESTS_PER_CHILD), applied to the children entering the band in a year.
   */
  readonly screeningTestsPerChild: number;
  /** Share anemic after altitude adjustment, from local surveillance (not ENDES), 0..1. */
  readonly anemiaPrevalence: number;
}

export interface AnemiaTreeInputs {
  readonly bands: Readonly<Record<AgeBand, AnemiaBandInput>>;
  /**
   * Infants of 4–5 completed months in the area at a time (preventive drops from 4 months,
   * NTS 213); 0 leaves the node at 0.
   */
  readonly infantsFourToFiveMonths: number;
  /** Share of anemic children who receive treatment. */
  readonly treatmentCoverage: number;
  /** Share of non-anemic children who receive preventive iron. */
  readonly preventionCoverage: number;
  /** Wastage of iron products, [0, 1): loss factor 1 ÷ (1 − wastage). */
  readonly wastage: number;
  /** Wastage of microcuvettes and lancets (failed or repeated punctures); default `wastage`. */
  readonly testWastage?: number;
  readonly regimens?: AnemiaRegimenSet;
  readonly products?: {
    readonly treatment?: Partial<Record<AgeBand, IronProduct>>;
    readonly prevention?: Partial<Record<AgeBand, IronProduct>>;
    /** Preventive product from 4 months; default ferrous sulfate drops. */
    readonly infantPrevention?: IronProduct;
  };
  /** Override of the regimen set's mean weights (kg), e.g. from local anthropometry. */
  readonly meanWeightKg?: Partial<Record<AgeBand, number>>;
}

export interface AnemiaProductNeed {
  readonly productCode: string;
  readonly label: string;
  readonly unit: string;
  /** Dispensing units a year, unrounded. */
  readonly quantity: number;
}

export interface AnemiaTreeResult {
  readonly regimenSetId: AnemiaRegimenSet['id'];
  readonly pendingClinicalValidation: boolean;
  readonly tree: TreeResult;
  /** Hb tests a year, all bands. */
  readonly tests: number;
  /** Children starting a course in a year, by band (children in the band × 12 ÷ its width). */
  readonly entrants: Readonly<Record<AgeBand | '4-5', number>>;
  readonly products: readonly AnemiaProductNeed[];
}

const BAND_LABEL: Record<AgeBand, string> = {
  '6-11': '6–11 meses',
  '12-23': '12–23 meses',
  '24-35': '24–35 meses',
};

function ironNode(
  id: string,
  purpose: string,
  dose: IronDose,
  product: IronProduct,
  weightKg: number,
  wastage: number,
): TreeNode {
  const byUnit = product.unitsPerDay !== undefined;
  const perParent = byUnit
    ? {
        formula: `${product.unit} por día × días`,
        substituted: `${f(product.unitsPerDay ?? 0)} × ${dose.days}`,
      }
    : dose.kind === 'mg_per_kg_day'
      ? {
          formula: `mg/kg/día × peso × días ÷ mg por ${product.unit}`,
          substituted: `${f(dose.mg)} × ${f(weightKg)} × ${dose.days} ÷ ${f(product.mgIronPerUnit)}`,
        }
      : {
          formula: `mg/día × días ÷ mg por ${product.unit}`,
          substituted: `${f(dose.mg)} × ${dose.days} ÷ ${f(product.mgIronPerUnit)}`,
        };
  return {
    kind: 'product',
    id,
    label: `${product.label} (${purpose})`,
    unit: product.unit,
    unitsPerParent: dispensingUnitsPerChild(dose, product, weightKg),
    wastage,
    productCode: product.code,
    perParent,
  };
}

function bandNode(band: AgeBand, inputs: AnemiaTreeInputs, regimens: AnemiaRegimenSet): TreeNode {
  const b = inputs.bands[band];
  const regimen = regimens.bands[band];
  const weight = inputs.meanWeightKg?.[band] ?? regimen.meanWeightKg;
  const testWastage = inputs.testWastage ?? inputs.wastage;
  const treatmentProduct =
    inputs.products?.treatment?.[band] ?? DEFAULT_ANEMIA_PRODUCTS.treatment[band];
  const preventionProduct =
    inputs.products?.prevention?.[band] ?? DEFAULT_ANEMIA_PRODUCTS.prevention[band];
  const consumable = (item: typeof MICROCUVETTE | typeof LANCET): TreeNode => ({
    kind: 'product',
    id: `${item.code}-${band}`,
    label: item.label,
    unit: item.unit,
    unitsPerParent: 1,
    wastage: testWastage,
    productCode: item.code,
  });
  return {
    kind: 'number',
    id: `children-${band}`,
    label: `Niños de ${BAND_LABEL[band]}`,
    unit: 'niños',
    value: b.children,
    children: [
      entrantsNode(band, BAND_WIDTH_MONTHS[band], BAND_LABEL[band], [
        {
          kind: 'product',
          id: `tests-${band}`,
          label: `Dosajes de Hb ${BAND_LABEL[band]}`,
          unit: 'pruebas',
          unitsPerParent: b.screeningTestsPerChild,
          children: [consumable(MICROCUVETTE), consumable(LANCET)],
        },
        {
          kind: 'percent',
          id: `anemic-${band}`,
          label: `Con anemia ${BAND_LABEL[band]}`,
          shareLabel: 'prevalencia de anemia',
          percent: b.anemiaPrevalence,
          children: [
            {
              kind: 'percent',
              id: `treated-${band}`,
              label: `Tratados ${BAND_LABEL[band]}`,
              shareLabel: 'cobertura de tratamiento',
              percent: inputs.treatmentCoverage,
              children: [
                ironNode(
                  `treatment-${band}`,
                  'tratamiento',
                  regimen.treatment,
                  treatmentProduct,
                  weight,
                  inputs.wastage,
                ),
              ],
            },
          ],
        },
        {
          kind: 'percent',
          id: `non-anemic-${band}`,
          label: `Sin anemia ${BAND_LABEL[band]}`,
          shareLabel: '(1 − prevalencia de anemia)',
          percent: 1 - b.anemiaPrevalence,
          children: [
            {
              kind: 'percent',
              id: `prevented-${band}`,
              label: `Con suplementación preventiva ${BAND_LABEL[band]}`,
              shareLabel: 'cobertura de prevención',
              percent: inputs.preventionCoverage,
              children: [
                ironNode(
                  `prevention-${band}`,
                  'prevención',
                  regimen.prevention,
                  preventionProduct,
                  weight,
                  inputs.wastage,
                ),
              ],
            },
          ],
        },
      ]),
    ],
  };
}

/**
 * Children entering a band in a year = children in it × 12 ÷ its width in months: each child stays
 * `width` months, so the band renews 12 ÷ width times a year.
 */
function entrantsNode(
  band: AgeBand | '4-5',
  width: number,
  label: string,
  children: readonly TreeNode[],
): TreeNode {
  return {
    kind: 'factor',
    id: `entrants-${band}`,
    label: `Niños que entran a ${label} en el año`,
    unit: 'niños',
    factor: 12 / width,
    factorLabel: '12 ÷ meses de la banda',
    factorSubstituted: `12 ÷ ${width}`,
    children,
  };
}

/** Infants of 4–5 months → entering in the year → covered → preventive drops (NTS 213, from 4 months). */
function infantNode(inputs: AnemiaTreeInputs, regimens: AnemiaRegimenSet): TreeNode {
  const infant = regimens.infantPrevention;
  const width = infant.toMonths - infant.fromMonths + 1;
  const label = `${infant.fromMonths}–${infant.toMonths} meses`;
  const product = inputs.products?.infantPrevention ?? FERROUS_SULFATE_DROPS_25;
  return {
    kind: 'number',
    id: 'children-4-5',
    label: `Niños de ${label}`,
    unit: 'niños',
    value: inputs.infantsFourToFiveMonths,
    children: [
      entrantsNode('4-5', width, label, [
        {
          kind: 'percent',
          id: 'prevented-4-5',
          label: `Con suplementación preventiva ${label}`,
          shareLabel: 'cobertura de prevención',
          percent: inputs.preventionCoverage,
          children: [
            ironNode(
              'prevention-4-5',
              'prevención desde los 4 meses',
              infant.dose,
              product,
              infant.meanWeightKg,
              inputs.wastage,
            ),
          ],
        },
      ]),
    ],
  };
}

/**
 * Builds and evaluates the anemia tree. Per child entering a band: treatment = 3 mg/kg/day ×
 * weight × 180 days ÷ mg per dispensing unit (8 kg, drops 25 mg/mL: 4 320 mg = 172.8 mL);
 * prevention 2 mg/kg/day from 4 to 6 months (60 days), 2 mg/kg/day (6–23 m) or 30 mg/day
 * (24–35 m) × 180 days; one microcuvette and one lancet per Hb test of the band's schedule; every
 * product × 1 ÷ (1 − wastage). Controls and analyser throughput (ForLAB) are not included.
 */
export function anemiaInterventionTree(inputs: AnemiaTreeInputs): AnemiaTreeResult {
  const regimens = inputs.regimens ?? NTS_213_2024_TRANSCRIBED;
  const tree = evaluateTree({
    kind: 'sum',
    id: 'children-4-35',
    label: 'Niños de 4 a 35 meses',
    unit: 'niños',
    children: [
      infantNode(inputs, regimens),
      ...AGE_BANDS.map((band) => bandNode(band, inputs, regimens)),
    ],
  });
  const labels = new Map<string, string>([
    [MICROCUVETTE.code, MICROCUVETTE.label],
    [LANCET.code, LANCET.label],
  ]);
  for (const kind of ['treatment', 'prevention'] as const)
    for (const band of AGE_BANDS) {
      const product = inputs.products?.[kind]?.[band] ?? DEFAULT_ANEMIA_PRODUCTS[kind][band];
      labels.set(product.code, product.label);
    }
  const infantProduct = inputs.products?.infantPrevention ?? FERROUS_SULFATE_DROPS_25;
  labels.set(infantProduct.code, infantProduct.label);
  const valueOf = (id: string) => tree.nodes.find((n) => n.id === id)?.value ?? 0;
  const tests = tree.nodes
    .filter((n) => n.id.startsWith('tests-'))
    .reduce((sum, n) => sum + n.value, 0);
  return {
    regimenSetId: regimens.id,
    pendingClinicalValidation: regimens.pendingClinicalValidation,
    tree,
    tests,
    entrants: {
      '4-5': valueOf('entrants-4-5'),
      '6-11': valueOf('entrants-6-11'),
      '12-23': valueOf('entrants-12-23'),
      '24-35': valueOf('entrants-24-35'),
    },
    products: tree.products.map((p) => ({
      ...p,
      label: labels.get(p.productCode) ?? p.productCode,
    })),
  };
}
