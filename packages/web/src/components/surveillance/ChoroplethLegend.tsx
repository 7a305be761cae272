import { NO_DATA_COLOR, SCALE_BREAKS, SCALE_COLORS } from '../../domain/anemiaScale';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';

/** Colour classes of the choropleth (0–10–20–30–40–50 %+) and the hatched "not enough data". */
export function ChoroplethLegend({ ruleTitle }: { ruleTitle: string }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const pct = (value: number) => formatNumber(value * 100);
  return (
    <section
      className="legend choropleth-legend"
      aria-label={t('surv.legend.title')}
      title={t('surv.legend.hint', { rule: ruleTitle })}
      data-testid="choropleth-legend"
    >
      <h2 className="legend-title">{t('surv.legend.title')}</h2>
      <ul className="legend-scale">
        {SCALE_BREAKS.map((lower, index) => {
          const upper = SCALE_BREAKS[index + 1];
          return (
            <li key={lower}>
              <span
                className="legend-box"
                style={{ background: SCALE_COLORS[index] }}
                aria-hidden="true"
              />
              {upper === undefined
                ? t('surv.legend.orMore', { from: pct(lower) })
                : t('surv.legend.range', { from: pct(lower), to: pct(upper) })}
            </li>
          );
        })}
        <li>
          <span
            className="legend-box legend-box-hatch"
            style={{ backgroundColor: NO_DATA_COLOR }}
            aria-hidden="true"
          />
          {t('surv.noData')}
        </li>
      </ul>
    </section>
  );
}
