import { useId } from 'react';
import type { NetworkItem } from '@yawar/api';
import { useFormatNumber, useT } from '../i18n/I18nProvider';

interface NetworkSelectProps {
  networks: readonly NetworkItem[];
  value: string | null;
  onChange: (network: string | null) => void;
}

// The empty string stands for "all networks" in the <select>; state uses null.
const ALL = '';

export function NetworkSelect({ networks, value, onChange }: NetworkSelectProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('filters.network')}
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ALL}
        onChange={(event) => onChange(event.target.value === ALL ? null : event.target.value)}
        data-testid="network-select"
      >
        <option value={ALL}>{t('filters.networkAll')}</option>
        {networks.map((network) => (
          <option key={network.name} value={network.name}>
            {network.name} ({formatNumber(network.establishmentCount)})
          </option>
        ))}
      </select>
    </div>
  );
}
