import type {
  EndesItem,
  EndesResponse,
  PrevalenceItem,
  PrevalenceResponse,
} from '../../api/surveillanceTypes';
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

function endesTitle(item: DrawableEndes, endes: EndesResponse, f: Formatters): string {
  const { t, formatNumber } = f;
  return [
    t('surv.endes.pointTitle', {
      year: item.year,
      scope: t(`surv.endes.scope.${item.scope}`),
      estimate: pct1(item.estimate, f),
      lower: pct1(item.lower, f),
      upper: pct1(item.upper, f),
    }),
    t('surv.endes.design', {
      n: formatNumber(item.n),
      deff: item.designEffect === null ? '—' : formatNumber(item.designEffect, 2),
    }),
    t('surv.endes.ruleLine'),
    t('surv.sourceLine', { source: `${endes.source} — ${t('surv.endes.label')}` }),
    endes.note,
  ].join('\n');
}

/**
 * Department prevalence per period with its confidence band, and the ENDES survey series beside
 * it: a different source and rule set, so a separate colour, marker and legend entry, never one line.
 */
export function TrendChart({
  trend,
  endes,
}: {
  trend: PrevalenceResponse;
  endes: EndesResponse | null;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };

  const points: Point[] = trend.items
    .map((item) => ({ x: periodMidpoint(item.period), item }))
    .filter((point): point is Point => point.x !== null)
    .sort((a, b) => a.x - b.x);
  const endesItems = (endes?.items ?? []).filter(drawable).sort((a, b) => a.year - b.year);
  const endesDepartment = endesItems.filter((item) => item.scope === 'department');
  const endesNational = endesItems.filter((item) => item.scope === 'national');

  const xs = [...points.map((p) => p.x), ...endesItems.map((item) => item.year + 0.5)];
  if (xs.length === 0) return <p className="empty-state">{t('surv.empty')}</p>;
  const minYear = Math.floor(Math.min(...xs));
  const maxYear = Math.ceil(Math.max(...xs));
  const tops = [
    ...points.map((p) => p.item.upper ?? p.item.estimate ?? 0),
    ...endesItems.map((item) => item.upper),
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
        {endesDepartment.length > 0 && (
          <li title={endes?.note}>
            <span className="chart-key chart-key-endes" aria-hidden="true" />
            {t('surv.trend.endesDepartment')}
          </li>
        )}
        {endesNational.length > 0 && (
          <li title={endes?.note}>
            <span className="chart-key chart-key-national" aria-hidden="true" />
            {t('surv.trend.endesNational')}
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

        {endes && endesNational.length > 1 && (
          <polyline
            points={endesNational.map((i) => `${x(i.year + 0.5)},${y(i.estimate)}`).join(' ')}
            className="chart-line-national"
          />
        )}
        {endes &&
          endesNational.map((item) => (
            <circle
              key={`n${item.year}`}
              cx={x(item.year + 0.5)}
              cy={y(item.estimate)}
              r={3}
              className="chart-point-national"
            >
              <title>{endesTitle(item, endes, f)}</title>
            </circle>
          ))}
        {endes && endesDepartment.length > 1 && (
          <polyline
            points={endesDepartment.map((i) => `${x(i.year + 0.5)},${y(i.estimate)}`).join(' ')}
            className="chart-line-endes"
          />
        )}
        {endes &&
          endesDepartment.map((item) => {
            const cx = x(item.year + 0.5);
            const cy = y(item.estimate);
            return (
              <g key={`d${item.year}`} className="chart-endes" data-testid="endes-point">
                <line x1={cx} x2={cx} y1={y(item.lower)} y2={y(item.upper)} />
                <line x1={cx - 4} x2={cx + 4} y1={y(item.lower)} y2={y(item.lower)} />
                <line x1={cx - 4} x2={cx + 4} y1={y(item.upper)} y2={y(item.upper)} />
                <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} />
                <title>{endesTitle(item, endes, f)}</title>
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
