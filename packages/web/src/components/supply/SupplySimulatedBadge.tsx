import { useT } from '../../i18n/I18nProvider';

/** "SIMULADO" wherever a number comes, even in part, from simulated history. */
export function SupplySimulatedBadge({ large = false }: { large?: boolean }) {
  const t = useT();
  return (
    <span
      className={large ? 'simulated-badge simulated-badge-large' : 'simulated-badge'}
      title={t('sup.simulatedHint')}
      data-testid="supply-simulated-badge"
    >
      {t('sup.simulated')}
    </span>
  );
}
