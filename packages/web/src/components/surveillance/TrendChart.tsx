import type {
  EndesItem,
  EndesResponse,
  IneiFigure,
  IneiMethod,
  PrevalenceItem,
  PrevalenceResponse,
  RuleId,
} from '@yawar/api';
import { periodMidpoint } from '../../domain/surveillanceFilters';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { explain, pct1, percentWithInterval, type Formatters } from './explain';
import { SimulatedBadge } from './Explained';

// Hand-drawn SVG: a charting library would weigh more than this whole page on a slow link.
const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 30, left: 44 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** An ENDES year with a published figure (suppressed cells are listed in the table only). */
type DrawableEndes = EndesItem & { estimate: number; lower: number; upper: number };
const drawable = (item: EndesItem): item is DrawableEndes =>
  item.estimate !== null && item.lower !== null && item.upper !== null;

interface Point {
  x: number;
  item: PrevalenceItem;
}

/** Consecutive periods with an estimate; a suppressed period breaks the line instead of bridging it. */
function segments(points: readonly Point[]): Point[][] {
  const result: Point[][] = [];
  let current: Point[] = [];
  for (const point of points) {
    if (point.item.estimate === null || point.item.lower === null || point.item.upper === null) {
      if (current.length) result.push(current);
      current = [];
    } else {
      current.push(point);
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** INEI's method whose figures sit beside a rule: who-2011 is the previous one, the rest NTS 213's. */
export const methodForRule = (rule: RuleId): IneiMethod =>
  rule === 'who-2011' ? 'previous' : 'rm-251-2024';

function subsampleTitle(item: DrawableEndes, method: IneiMethod, f: Formatters): string {
  const { t, formatNumber } = f;
  return [
    t('surv.series.subsampleTitle', {
      year: item.year,
      estimate: pct1(item.estimate, f),
      lower: pct1(item.lower, f),
      upper: pct1(item.upper, f),
      method: t(`surv.series.method.${method}`),
    }),
    t('surv.endes.design', {
      n: formatNumber(item.n),
      deff: item.designEffect === null ? '—' : formatNumber(item.designEffect, 2),
    }),
  ].join('\n');
}

/** A published percentage with the decimals INEI gave, never more ("40", "35,3"). */
export const officialPercent = (figure: IneiFigure, f: Formatters): string =>
  f.formatNumber(figure.value * 100, figure.decimals, figure.decimals);

export function officialTitle(figure: IneiFigure, f: Formatters): string {
  const { t } = f;
  return [
    t('surv.series.officialTitle', {
      year: figure.year,
      area: figure.areaName,
      value: officialPercent(figure, f),
      method: t(`surv.series.method.${figure.method}`),
    }),
    t('surv.series.officialSource', {
      publisher: figure.publisher,
      report: figure.report,
      tablePage: figure.tablePage,
      citedVia: figure.citedVia,
    }),
    figure.note,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Department prevalence per period with its confidence band and, beside it, INEI's official
 * figures of the method that matches the selected rule: the department line is INEI's published
 * departmental figure, the national points INEI's national figure, and the ENDES subsample's
 * national series (same method) is drawn as what it is, a validation of the rules. Subsample
 * departmental cells (a few dozen children) are never plotted: see the table below the chart.
 * Each source keeps its own colour, marker and legend entry, never one line.
 */
export function TrendChart({
  trend,
  endes,
  rule,
}: {
  trend: PrevalenceResponse;
  endes: EndesResponse | null;
  rule: RuleId;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };

  const points: Point[] = trend.items
    .map((item) => ({ x: periodMidpoint(item.period), item }))
    .filter((point): point is Point => point.x !== null)
    .sort((a, b) => a.x - b.x);
  const method = methodForRule(rule);
  const methodLabel = t(`surv.series.method.${method}`);
  const seriesRule = endes?.series.find((s) => s.method === method)?.rule;
  const endesNational = (endes?.items ?? [])
    .filter((item) => item.rule === seriesRule && item.scope === 'national')
    .filter(drawable)
    .sort((a, b) => a.year - b.year);
  const official = (endes?.official ?? [])
    .filter((figure) => figure.method === method)
    .sort((a, b) => a.year - b.year);
  const officialDepartment = official.filter((figure) => figure.scope === 'department');
  const officialNational = official.filter((figure) => figure.scope === 'national');

  const xs = [
    ...points.map((p) => p.x),
    ...endesNational.map((item) => item.year + 0.5),
    ...official.map((figure) => figure.year + 0.5),
  ];
  if (xs.length === 0) return <p className="empty-state">{t('surv.empty')}</p>;
  const minYear = Math.floor(Math.min(...xs));
  const maxYear = Math.ceil(Math.max(...xs));
  const tops = [
    ...points.map((p) => p.item.upper ?? p.item.estimate ?? 0),
    ...endesNational.map((item) => item.upper),
    ...official.map((figure) => figure.value),
  ];
  // Round the top up to the next 10 %, and never below 30 % so small values do not look dramatic.
  const yMax = Math.max(0.3, Math.ceil(Math.max(...tops, 0) * 10) / 10);
  const x = (value: number) => MARGIN.left + ((value - minYear) / (maxYear - minYear)) * PLOT_W;
  const y = (value: number) => MARGIN.top + PLOT_H - (value / yMax) * PLOT_H;
  const yTicks = Array.from({ length: Math.round(yMax * 10) + 1 }, (_, i) => i / 10);
  const years = Array.from({ length: maxYear - minYear }, (_, i) => minYear + i);
  const pct = (value: number) => `${formatNumber(value * 100)} %`;

  return (
    <figure className="trend-chart" data-testid="trend-chart">
      <ul className="chart-legend">
        <li title={t('surv.ruleLine', { rule: trend.rule.title, source: trend.rule.source })}>
          <span className="chart-key chart-key-screening" aria-hidden="true" />
          {t('surv.trend.screening', { rule: trend.rule.title })}
          {trend.dataSource !== 'records' && <SimulatedBadge />}
        </li>
        {officialDepartment.length > 0 && (
          <li title={endes?.officialSource} data-testid="legend-official-department">
            <span className="chart-key chart-key-endes" aria-hidden="true" />
            {t('surv.series.officialDepartment', { method: methodLabel })}
          </li>
        )}
        {officialNational.length > 0 && (
          <li title={endes?.officialSource}>
            <span className="chart-key chart-key-official-national" aria-hidden="true" />
            {t('surv.series.officialNational', { method: methodLabel })}
          </li>
        )}
        {endesNational.length > 0 && (
          <li title={endes?.note}>
            <span className="chart-key chart-key-national" aria-hidden="true" />
            {t('surv.series.subsampleNational', { method: methodLabel })}
          </li>
        )}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart-svg"
        role="img"
        aria-label={t('surv.trend.title')}
      >
        {yTicks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              className="chart-grid"
            />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart-tick">
              {pct(tick)}
            </text>
          </g>
        ))}
        {years.map((year) => (
          <g key={year}>
            <line
              x1={x(year)}
              x2={x(year)}
              y1={MARGIN.top}
              y2={MARGIN.top + PLOT_H}
              className="chart-grid chart-grid-year"
            />
            <text x={x(year + 0.5)} y={HEIGHT - 10} textAnchor="middle" className="chart-tick">
              {year}
            </text>
          </g>
        ))}

        {segments(points).map((segment) => {
          const upper = segment.map((p) => `${x(p.x)},${y(p.item.upper ?? 0)}`);
          const lower = segment
            .slice()
            .reverse()
            .map((p) => `${x(p.x)},${y(p.item.lower ?? 0)}`);
          return (
            <g key={segment[0]?.item.period}>
              <polygon points={[...upper, ...lower].join(' ')} className="chart-band" />
              <polyline
                points={segment.map((p) => `${x(p.x)},${y(p.item.estimate ?? 0)}`).join(' ')}
                className="chart-line"
              />
            </g>
          );
        })}
        {points
          .filter((p) => p.item.estimate !== null)
          .map((p) => (
            <circle
              key={p.item.period}
              cx={x(p.x)}
              cy={y(p.item.estimate ?? 0)}
              r={points.length > 24 ? 2.5 : 4}
              className="chart-point"
              data-testid="trend-point"
            >
              <title>
                {`${p.item.period}: ${percentWithInterval(p.item, f)}\n${explain('estimate', p.item, trend, f)}`}
              </title>
            </circle>
          ))}

        {endesNational.length > 1 && (
          <polyline
            points={endesNational.map((i) => `${x(i.year + 0.5)},${y(i.estimate)}`).join(' ')}
            className="chart-line-national"
          />
        )}
        {endesNational.map((item) => (
          <circle
            key={`n${item.year}`}
            cx={x(item.year + 0.5)}
            cy={y(item.estimate)}
            r={3}
            className="chart-point-national"
            data-testid="endes-national-point"
          >
            <title>{subsampleTitle(item, method, f)}</title>
          </circle>
        ))}
        {officialNational.map((figure) => {
          const cx = x(figure.year + 0.5);
          const cy = y(figure.value);
          return (
            <rect
              key={`o${figure.year}`}
              x={cx - 4}
              y={cy - 4}
              width={8}
              height={8}
              className="chart-official-national"
              data-testid="official-national-point"
            >
              <title>{officialTitle(figure, f)}</title>
            </rect>
          );
        })}
        {officialDepartment.length > 1 && (
          <polyline
            points={officialDepartment
              .map((figure) => `${x(figure.year + 0.5)},${y(figure.value)}`)
              .join(' ')}
            className="chart-line-endes"
          />
        )}
        {officialDepartment.map((figure) => {
          const cx = x(figure.year + 0.5);
          const cy = y(figure.value);
          return (
            <g
              key={`d${figure.year}`}
              className="chart-endes"
              data-testid="official-department-point"
            >
              <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} />
              <title>{officialTitle(figure, f)}</title>
            </g>
          );
        })}
      </svg>
      <figcaption className="fine-print">
        {t('surv.trend.caption', {
          confidence: formatNumber(trend.confidence * 100),
          granularity: t(`surv.period.${trend.period}`).toLocaleLowerCase(),
        })}
      </figcaption>
    </figure>
  );
}
