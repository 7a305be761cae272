import { useId, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS } from '../../domain/screeningImport';
import { useT } from '../../i18n/I18nProvider';
import { useFormatFileSize } from '../../hooks/useFormatFileSize';

/**
 * The file input inside a label that also takes a dropped file. The input is only visually hidden
 * (not `display: none`), so it keeps keyboard focus and screen readers still announce it.
 */
export function FileDropZone({
  file,
  disabled,
  onFile,
}: {
  file: File | null;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const t = useT();
  const formatFileSize = useFormatFileSize();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    // Without preventDefault the browser would open the file in place of the app.
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };

  const className = ['drop-zone', dragging && 'is-dragging', disabled && 'is-disabled']
    .filter(Boolean)
    .join(' ');
  return (
    <label
      className={className}
      htmlFor={inputId}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="import-drop-zone"
    >
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_EXTENSIONS}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onFile(chosen);
          // Choosing the same file again (after fixing it) must fire onChange again.
          event.target.value = '';
        }}
        data-testid="import-file-input"
      />
      <span className="drop-zone-icon" aria-hidden="true" />
      {file ? (
        <span className="drop-zone-file" data-testid="import-file">
          <span className="drop-zone-name">{file.name}</span>
          <span className="muted">
            {formatFileSize(file.size)}
            {' · '}
            <span className="link-like">{t('imp.drop.replace')}</span>
          </span>
        </span>
      ) : (
        <span className="drop-zone-prompt">
          {t('imp.drop.prompt')} <span className="link-like">{t('imp.drop.choose')}</span>
        </span>
      )}
      <span id={hintId} className="field-hint">
        {t('imp.drop.hint')}
      </span>
    </label>
  );
}
