/**
 * A small evaluator for QAT-style forecast trees (QAT user guide, Forecasting module §B "tree
 * forecasting": FASP-QAT/qat-documentation@0028c1e8 `docs/user/11-forecasting-module-forecasting.md`):
 * number nodes (a population), percent-of-parent nodes, factor nodes (the parent times a rate,
 * e.g. children entering an age band a year = children in it × 12 ÷ band width), product nodes
 * ("each parent unit needs X dispensing units", with an optional wastage loss factor
 * 1 ÷ (1 − wastage) as in open mSupply's population forecast,
 * msupply-foundation/open-msupply@6d55d610f6cb2a3de8752cb1e9225f5466faa986
 * `server/service/src/requisition/request_requisition/generate_population_forecast.rs`) and Σ
 * aggregation nodes. Values flow down from number nodes;
 * Σ nodes add their children, which therefore must not depend on a parent (number or Σ nodes).
 * Every node gets its value and its formula with live numbers. Month-by-month change, lags,
 * seasonality and scenarios of QAT trees are not modelled: the tree gives a yearly quantity.
 */
import { formatNumber as f } from './format.js';
import { fraction, nonNegative, wastage as wastageShare } from './guards.js';

interface NodeBase {
  readonly id: string;
  readonly label: string;
  readonly children?: readonly TreeNode[];
}

export type TreeNode =
  | (NodeBase & { readonly kind: 'number'; readonly value: number; readonly unit: string })
  /** Share of the parent, 0..1; keeps the parent's unit unless given one. */
  | (NodeBase & {
      readonly kind: 'percent';
      readonly percent: number;
      readonly unit?: string;
      /** Name of the share in formulas (`prevalencia de anemia`); default `% <label>`. */
      readonly shareLabel?: string;
    })
  /** The parent times a non-negative rate; keeps the parent's unit unless given one. */
  | (NodeBase & {
      readonly kind: 'factor';
      readonly factor: number;
      readonly unit?: string;
      /** Name of the rate in formulas (`12 ÷ meses de la banda`). */
      readonly factorLabel: string;
      /** The rate with its numbers (`12 ÷ 6`); default the rate itself. */
      readonly factorSubstituted?: string;
    })
  | (NodeBase & {
      readonly kind: 'product';
      /** Dispensing units (or tests…) each parent unit needs, before wastage. */
      readonly unitsPerParent: number;
      readonly unit: string;
      /** Share lost, [0, 1): the value is multiplied by 1 ÷ (1 − wastage). */
      readonly wastage?: number;
      /** Products with a code are totalled across the tree. */
      readonly productCode?: string;
      /** How unitsPerParent was obtained, e.g. `3 mg/kg/día × 8.55 kg × 180 días ÷ 25 mg/mL`. */
      readonly perParent?: { readonly formula: string; readonly substituted: string };
    })
  | (NodeBase & { readonly kind: 'sum'; readonly unit: string });

export interface EvaluatedNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: TreeNode['kind'];
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly formula: string;
  readonly substituted: string;
  readonly productCode: string | null;
}

export interface ProductTotal {
  readonly productCode: string;
  readonly unit: string;
  readonly quantity: number;
}

export interface TreeResult {
  /** Depth-first, parents before children (Σ nodes too). */
  readonly nodes: readonly EvaluatedNode[];
  /** Σ of the product nodes of each code, in order of first appearance; unrounded. */
  readonly products: readonly ProductTotal[];
}

/** Evaluates a tree; throws a RangeError on duplicate ids, bad shares or a misplaced node. */
export function evaluateTree(root: TreeNode): TreeResult {
  const ids = new Set<string>();
  /** The subtree's nodes, the node first; `parent` is the node whose value flows into this one. */
  const visit = (
    node: TreeNode,
    parent: EvaluatedNode | null,
    parentId: string | null,
  ): EvaluatedNode[] => {
    if (ids.has(node.id)) throw new RangeError(`node id ${node.id} is used twice`);
    ids.add(node.id);
    if (
      parent === null &&
      (node.kind === 'percent' || node.kind === 'product' || node.kind === 'factor')
    )
      throw new RangeError(
        `${node.kind} node ${node.id} needs a parent value (not under a Σ node or at the root)`,
      );
    if (node.kind === 'sum') {
      const subtrees = (node.children ?? []).map((child) => visit(child, null, node.id));
      const children = subtrees.map((subtree) => subtree[0] as EvaluatedNode);
      const value = children.reduce((s, c) => s + c.value, 0);
      const evaluated: EvaluatedNode = {
        ...common(node, parentId, node.unit, value),
        formula: `Σ ${children.map((c) => c.label).join(' + ') || '∅'}`,
        substituted: children.map((c) => f(c.value)).join(' + ') || '0',
      };
      return [evaluated, ...subtrees.flat()];
    }
    const evaluated = evaluateLeaf(node, parent, parentId);
    const below = (node.children ?? []).flatMap((child) => visit(child, evaluated, node.id));
    return [evaluated, ...below];
  };
  const nodes = visit(root, null, null);
  const totals = new Map<string, ProductTotal>();
  for (const node of nodes) {
    if (node.productCode === null) continue;
    const total = totals.get(node.productCode);
    if (total && total.unit !== node.unit)
      throw new RangeError(`product ${node.productCode} counted in ${total.unit} and ${node.unit}`);
    totals.set(node.productCode, {
      productCode: node.productCode,
      unit: node.unit,
      quantity: (total?.quantity ?? 0) + node.value,
    });
  }
  return { nodes, products: [...totals.values()] };
}

function common(node: TreeNode, parentId: string | null, unit: string, value: number) {
  return {
    id: node.id,
    parentId,
    kind: node.kind,
    label: node.label,
    unit,
    value,
    productCode: node.kind === 'product' ? (node.productCode ?? null) : null,
  };
}

function evaluateLeaf(
  node: Exclude<TreeNode, { kind: 'sum' }>,
  parent: EvaluatedNode | null,
  parentId: string | null,
): EvaluatedNode {
  if (node.kind === 'number') {
    const value = nonNegative(`${node.id} value`, node.value);
    return { ...common(node, parentId, node.unit, value), formula: 'dato', substituted: f(value) };
  }
  const from = parent as EvaluatedNode;
  if (node.kind === 'percent') {
    const share = fraction(`${node.id} percent`, node.percent);
    return {
      ...common(node, parentId, node.unit ?? from.unit, from.value * share),
      formula: `${from.label} × ${node.shareLabel ?? `% ${node.label}`}`,
      substituted: `${f(from.value)} × ${f(share * 100)} %`,
    };
  }
  if (node.kind === 'factor') {
    const factor = nonNegative(`${node.id} factor`, node.factor);
    return {
      ...common(node, parentId, node.unit ?? from.unit, from.value * factor),
      formula: `${from.label} × ${node.factorLabel}`,
      substituted: `${f(from.value)} × ${node.factorSubstituted ?? f(factor, 4)}`,
    };
  }
  const per = nonNegative(`${node.id} unitsPerParent`, node.unitsPerParent);
  const waste = wastageShare(`${node.id} wastage`, node.wastage ?? 0);
  const value = (from.value * per) / (1 - waste);
  const perFormula = node.perParent ? `(${node.perParent.formula})` : `${node.unit} por unidad`;
  const perValue = node.perParent ? `(${node.perParent.substituted})` : f(per, 4);
  const loss = waste > 0;
  return {
    ...common(node, parentId, node.unit, value),
    formula: `${from.label} × ${perFormula}${loss ? ' ÷ (1 − merma)' : ''}`,
    substituted: `${f(from.value)} × ${perValue}${loss ? ` ÷ (1 − ${f(waste, 4)})` : ''}`,
  };
}
