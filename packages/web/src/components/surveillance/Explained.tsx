import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

/**
 * A number with its explanation as a native tooltip: works with the mouse, is read by screen
 * readers (title) and needs no JavaScript positioning. The dotted underline says "hover me".
 */
export function Explained({
  title,
  children,
  testId,
  className,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <span
      className={className ? `explained ${className}` : 'explained'}
      title={title}
      data-testid={testId}
    >
      {children}
    </span>
  );
}

/** The "SIMULADO" label: shown wherever a number comes, even in part, from simulated records. */
export function SimulatedBadge({ large = false }: { large?: boolean }) {
  const t = useT();
  return (
    <span
      className={large ? 'simulated-badge simulated-badge-large' : 'simulated-badge'}
      title={t('surv.simulatedHint')}
      data-testid="simulated-badge"
    >
      {t('surv.simulated')}
    </span>
  );
}
