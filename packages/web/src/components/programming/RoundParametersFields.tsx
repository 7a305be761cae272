import type { ForecastMethod } from '@yawar/core';
import { FORECAST_METHODS } from '../../domain/programming';
import type { ParameterDraft } from '../../domain/programmingRound';
import { useT } from '../../i18n/I18nProvider';
import { NumberField } from './NumberField';

/**
 * The computation parameters of a new round: horizon, safety stock, history, growth, method, the
 * Holt-Winters smoothing, and the anemia intervention tree's coverage and wastage targets.
 */
export function RoundParametersFields({
  value,
  onChange,
}: {
  value: ParameterDraft;
  onChange: (value: ParameterDraft) => void;
}) {
  const t = useT();
  const set = (key: keyof ParameterDraft) => (next: string) => onChange({ ...value, [key]: next });
  return (
    <fieldset className="prog-fieldset">
      <legend className="field-label">{t('prog.round.parameters')}</legend>
      <div className="prog-form-row">
        <NumberField
          label={t('prog.param.horizonMonths')}
          value={value.horizonMonths}
          onChange={set('horizonMonths')}
          min={1}
          max={120}
          testId="round-horizon-months"
        />
        <NumberField
          label={t('prog.param.safetyStockMonths')}
          value={value.safetyStockMonths}
          onChange={set('safetyStockMonths')}
          min={0}
          max={60}
          step="any"
          testId="round-safety-months"
        />
        <NumberField
          label={t('prog.param.historyWindowMonths')}
          value={value.historyWindowMonths}
          onChange={set('historyWindowMonths')}
          min={1}
          max={120}
          testId="round-history-window"
        />
        <NumberField
          label={t('prog.param.growthPercent')}
          value={value.growthPercent}
          onChange={set('growthPercent')}
          min={-99}
          max={1000}
          step="any"
          hint={t('prog.param.growthHint')}
          testId="round-growth"
        />
        <label className="form-field">
          <span className="field-label">{t('prog.param.defaultMethod')}</span>
          <select
            className="text-input"
            value={value.defaultMethod}
            onChange={(event) =>
              onChange({ ...value, defaultMethod: event.target.value as ForecastMethod })
            }
            data-testid="round-default-method"
          >
            {FORECAST_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`prog.method.${method}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="prog-form-row">
        {(['alpha', 'beta', 'gamma'] as const).map((key) => (
          <NumberField
            key={key}
            label={t(`prog.param.${key}`)}
            value={value[key]}
            onChange={set(key)}
            min={0.01}
            max={1}
            step={0.01}
            testId={`round-hw-${key}`}
            className="prog-greek"
          />
        ))}
      </div>
      <p className="fine-print">{t('prog.param.hwHint')}</p>
      <div className="prog-form-row">
        <NumberField
          label={t('prog.param.treatmentCoveragePercent')}
          value={value.treatmentCoveragePercent}
          onChange={set('treatmentCoveragePercent')}
          min={0}
          max={100}
          step="any"
          testId="round-treatment-coverage"
        />
        <NumberField
          label={t('prog.param.preventionCoveragePercent')}
          value={value.preventionCoveragePercent}
          onChange={set('preventionCoveragePercent')}
          min={0}
          max={100}
          step="any"
          testId="round-prevention-coverage"
        />
        <NumberField
          label={t('prog.param.wastagePercent')}
          value={value.wastagePercent}
          onChange={set('wastagePercent')}
          min={0}
          max={99}
          step="any"
          hint={t('prog.param.wastageHint')}
          testId="round-wastage"
        />
      </div>
      <p className="fine-print">{t('prog.param.interventionHint')}</p>
    </fieldset>
  );
}
