import type { ProgrammeSheet } from '@yawar/api';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useFormatDateTime, useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';
import { Explained } from '../surveillance/Explained';
import { Simulated } from './Simulated';
import { StatusBadge } from './StatusBadge';

/** Whose programme, in which round, where it stands, and what it costs. */
export function SheetHeader({ sheet }: { sheet: ProgrammeSheet }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const formatDateTime = useFormatDateTime();
  const format = useProgrammingFormat();
  const { programme, round } = sheet;
  const pricesSimulated = sheet.lines.some((line) => line.priceSimulated);
  const priced = sheet.lines.filter((line) => line.finalCost !== null).length;
  return (
    <header className="page-header">
      <p className="page-kicker">
        <Link to={`/programacion?ronda=${round.id}`} data-testid="sheet-round-link">
          {round.name}
        </Link>
        {' · '}
        {t('prog.sheet.kicker', { year: round.fiscalYear })}
      </p>
      <h1 className="page-title" data-testid="sheet-unit-name">
        {programme.unit.name} <StatusBadge status={programme.status} />
        {sheet.simulatedHistory && <Simulated what="history" large />}
      </h1>
      <dl className="meta-list">
        <div>
          <dt>{t('prog.sheet.unitCode')}</dt>
          <dd className="mono">{programme.unit.code}</dd>
        </div>
        <div>
          <dt>{t('prog.sheet.version')}</dt>
          <dd data-testid="sheet-version">{programme.version}</dd>
        </div>
        <div>
          <dt>{t('prog.programmes.lines')}</dt>
          <dd>{formatNumber(programme.lineCount)}</dd>
        </div>
        <div>
          <dt>{t('prog.programmes.totalCost')}</dt>
          <dd data-testid="sheet-total-cost">
            <Explained title={t('prog.explain.totalCost', { priced, lines: sheet.lines.length })}>
              {format.soles(programme.totalCost)}
            </Explained>
            {pricesSimulated && <Simulated what="price" />}
          </dd>
        </div>
        <div>
          <dt>{t('prog.programmes.openObservations')}</dt>
          <dd data-testid="sheet-open-observations">{formatNumber(programme.openObservations)}</dd>
        </div>
        <div>
          <dt>{t('prog.programmes.updated')}</dt>
          <dd className="prog-meta-small">
            {t('prog.sheet.updatedBy', {
              at: formatDateTime(programme.updatedAt),
              by: programme.updatedBy,
            })}
          </dd>
        </div>
      </dl>
      <p className="evidence">
        {t('prog.sheet.periods', {
          history: round.historyEnd,
          horizon: round.horizonStart,
          months: round.parameters.horizonMonths,
          safety: formatNumber(round.parameters.safetyStockMonths, 1),
          growth: format.percent(round.parameters.growthRate),
        })}
        {programme.computedAt &&
          ` ${t('prog.sheet.computedAt', { at: formatDateTime(programme.computedAt) })}`}
      </p>
      {(sheet.simulatedHistory || pricesSimulated) && (
        <p className="simulated-banner" role="note" data-testid="simulated-banner">
          <strong>{t('prog.simulated')}</strong>{' '}
          {sheet.simulatedHistory ? t('prog.simulated.banner') : t('prog.simulated.pricesBanner')}
        </p>
      )}
    </header>
  );
}
