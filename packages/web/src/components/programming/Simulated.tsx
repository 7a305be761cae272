import { useT } from '../../i18n/I18nProvider';

/**
 * The "SIMULADO" label of the programming pages: the consumption history, the prices or the
 * screenings behind a figure are simulated demonstration data. Same look as the surveillance
 * label, its own reason.
 */
export function Simulated({
  what,
  large = false,
}: {
  what: 'history' | 'price' | 'screenings';
  large?: boolean;
}) {
  const t = useT();
  return (
    <span
      className={large ? 'simulated-badge simulated-badge-large' : 'simulated-badge'}
      title={t(`prog.simulated.${what}`)}
      data-testid="simulated-badge"
    >
      {t('prog.simulated')}
    </span>
  );
}
