/** A labelled number input of the programming forms (the value stays text until submitted). */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  hint,
  testId,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  hint?: string;
  testId?: string;
  className?: string;
}) {
  return (
    <label className={className ? `form-field ${className}` : 'form-field'}>
      <span className="field-label">{label}</span>
      <input
        className="text-input"
        type="number"
        inputMode="decimal"
        required
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
