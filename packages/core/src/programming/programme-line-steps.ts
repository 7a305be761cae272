/**
 * The formula steps of a programming line, as users see them: the formula in Spanish symbols, the
 * same formula with the line's numbers, the value and its source ("show the formula and its
 * inputs": msupply-foundation/open-msupply issue #12079; OpenLMIS wiki, "Forecasting and
 * Estimation", https://openlmis.atlassian.net/wiki/spaces/OP/pages/113323265). Every step's value is the result field of the same name, so what a
 * reviewer reads is what was computed.
 */
import { formatNumber as f } from '../supply/format.js';
import { daysInMonth } from '../supply/months.js';
import type {
  FormulaStep,
  MonthlyRecord,
  ProgrammingLineInput,
  ProgrammingLineResult,
} from '../supply/types.js';

const SOURCES = {
  adjusted:
    'QAT, guía de usuario, módulo de pronóstico §A2 (FASP-QAT/qat-documentation docs/user/11-forecasting-module-forecasting.md)',
  cpma: 'DIGEMID Ficha técnica N.° 28, transcripción [T] (jchaconv94/ToolkitSISMED services/stockStatus.ts)',
  forecast:
    'QAT, guía de usuario, módulo de pronóstico §A3 (FASP-QAT/qat-documentation docs/user/11-forecasting-module-forecasting.md)',
  intervention:
    'Árbol de intervención al estilo QAT (módulo de pronóstico §B) sobre los esquemas de la NTS 213-MINSA/DGIESP-2024 [T]',
  reconstruction:
    'Reconstrucción [R] sobre la vista nacional de QAT (informes §C2), a validar con la directiva CENARES',
  rounding: 'Redondeo hacia arriba a envases enteros [I]',
} as const;

const METHOD_LABELS = {
  cpma: 'CPMA constante',
  moving_average: 'promedio móvil',
  linear_regression: 'regresión lineal',
  holt_winters: 'Holt-Winters aditivo',
  intervention: 'árbol de intervención',
} as const;

type Computed = Omit<ProgrammingLineResult, 'steps'>;

export function buildSteps(context: {
  readonly input: ProgrammingLineInput;
  readonly result: Computed;
  readonly last: MonthlyRecord | undefined;
  readonly cpmaSum: number;
  readonly cpmaMonths: number;
  readonly forecastSum: number;
}): FormulaStep[] {
  const { input, result: r, last, cpmaSum, cpmaMonths, forecastSum } = context;
  const p = input.parameters;
  const { packSize, unitPrice } = input.product;
  const lastAdjusted = r.adjustedHistory[r.adjustedHistory.length - 1];
  const steps: FormulaStep[] = [
    {
      key: 'adjusted_consumption',
      formula: `consumo ÷ tasa de reporte ÷ (1 − días sin stock ÷ días del mes)${lastAdjusted ? `, ${lastAdjusted.month}` : ''}`,
      substituted: last
        ? `${f(last.consumption)} ÷ ${f(last.reportingRate, 4)} ÷ (1 − ${f(last.stockoutDays)} ÷ ${daysInMonth(last.month)})`
        : 'sin historial',
      value: lastAdjusted?.value ?? null,
      source: SOURCES.adjusted,
    },
    {
      key: 'cpma',
      formula: `Σ consumo ÷ meses con consumo (últimos ${p.historyWindowMonths} meses)`,
      substituted: cpmaMonths === 0 ? 'sin consumo → 0' : `${f(cpmaSum)} ÷ ${cpmaMonths}`,
      value: r.cpma,
      source: SOURCES.cpma,
    },
    forecastStep(r, forecastSum, input.interventionDemand),
    {
      key: 'demand',
      formula: 'Σ pronóstico × (1 + crecimiento)',
      substituted: `${f(forecastSum)} × (1 + ${f(p.growthRate, 4)})`,
      value: r.demand,
      source: SOURCES.reconstruction,
    },
    {
      key: 'safety_stock',
      formula: '(Σ pronóstico ÷ meses del horizonte) × meses de stock de seguridad',
      substituted: `(${f(forecastSum)} ÷ ${p.horizonMonths}) × ${f(p.safetyStockMonths)}`,
      value: r.safetyStock,
      source: SOURCES.reconstruction,
    },
    {
      key: 'stock_available',
      formula: `stock final del último mes${last ? ` (${last.month})` : ''}`,
      substituted: last?.stockEnd == null ? 'sin dato → 0' : f(last.stockEnd),
      value: r.stockAvailable,
      source: SOURCES.reconstruction,
    },
    {
      key: 'in_transit',
      formula: `en tránsito al cierre del último mes${last ? ` (${last.month})` : ''}`,
      substituted: f(r.inTransit),
      value: r.inTransit,
      source: SOURCES.reconstruction,
    },
    {
      key: 'net_requirement',
      formula: 'máx(0, demanda + stock de seguridad − stock disponible − en tránsito)',
      substituted: `máx(0, ${f(r.demand)} + ${f(r.safetyStock)} − ${f(r.stockAvailable)} − ${f(r.inTransit)})`,
      value: r.netRequirement,
      source: SOURCES.reconstruction,
    },
    {
      key: 'packs',
      formula: '⌈necesidad ÷ unidades por envase⌉',
      substituted: `⌈${f(r.netRequirement)} ÷ ${f(packSize)}⌉`,
      value: r.packs,
      source: SOURCES.rounding,
    },
    {
      key: 'quantity',
      formula: 'envases × unidades por envase',
      substituted: `${f(r.packs)} × ${f(packSize)}`,
      value: r.quantity,
      source: SOURCES.rounding,
    },
    {
      key: 'cost',
      formula: 'cantidad × precio unitario',
      substituted: unitPrice === null ? 'sin precio' : `${f(r.quantity)} × ${f(unitPrice, 4)}`,
      value: r.cost,
      source: SOURCES.reconstruction,
    },
  ];
  return steps;
}

function forecastStep(
  r: Computed,
  forecastSum: number,
  interventionDemand: number | null | undefined,
): FormulaStep {
  const horizon = r.monthlyForecast.length;
  const label = METHOD_LABELS[r.method];
  if (r.method === 'cpma')
    return {
      key: 'forecast',
      formula: `CPMA × meses del horizonte (${label})`,
      substituted: `${f(r.cpma)} × ${horizon}`,
      value: forecastSum,
      source: SOURCES.forecast,
    };
  if (r.method === 'intervention')
    return {
      key: 'forecast',
      formula: `demanda del árbol de intervención (${label})`,
      substituted: f(interventionDemand ?? 0),
      value: forecastSum,
      source: SOURCES.intervention,
    };
  return {
    key: 'forecast',
    formula: `Σ pronóstico mensual (${label})`,
    substituted: r.monthlyForecast.map((m) => f(m.value)).join(' + '),
    value: forecastSum,
    source: SOURCES.forecast,
  };
}
