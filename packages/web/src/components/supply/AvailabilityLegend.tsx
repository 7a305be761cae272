import type { StockStatusResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { LEVEL_COLORS, NO_LEVEL_COLOR } from './supplyScale';

/** The map's colours: DIGEMID availability levels as the server sends them, and "not evaluated". */
export function AvailabilityLegend({ response }: { response: StockStatusResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const pct = (value: number) => formatNumber(value * 100);
  const levels = response.availabilityLevels;
  return (
    <section
      className="legend choropleth-legend"
      aria-label={t('sup.legend.title')}
      title={response.formula.levels}
      data-testid="supply-legend"
    >
      <h2 className="legend-title">{t('sup.legend.title')}</h2>
      <ul className="legend-scale">
        {levels.map(({ level, from }, index) => {
          const label = t(`sup.availability.${level}`);
          // The lowest level starts at 0: it reads "below" the next one up.
          const next = levels[index - 1];
          return (
            <li key={level}>
              <span
                className="legend-box"
                style={{ background: LEVEL_COLORS[level] }}
                aria-hidden="true"
              />
              {from === 0 && next
                ? t('sup.legend.below', { label, to: pct(next.from) })
                : t('sup.legend.range', { label, from: pct(from) })}
            </li>
          );
        })}
        <li>
          <span className="legend-box" style={{ background: NO_LEVEL_COLOR }} aria-hidden="true" />
          {t('sup.availability.none')}
        </li>
      </ul>
    </section>
  );
}
