import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { programmingApi } from '../../api/programmingClient';
import type { ImportRowError, ProgrammeSheet } from '@yawar/api';
import type { MutationResult } from '../../hooks/useProgrammingSheet';
import { useT } from '../../i18n/I18nProvider';
import { programmingErrorMessage } from './problemMessages';

function importErrors(error: unknown): ImportRowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_invalid') return null;
  const details = error.details as { errors?: unknown } | null;
  return Array.isArray(details?.errors) ? (details.errors as ImportRowError[]) : [];
}

/**
 * The sheet as an Excel file and back: planners fill it in Excel offline, then import it in the
 * same layout. All or nothing: a refused file changes nothing and lists every bad cell.
 */
export function SheetFiles({
  sheet,
  hasDrafts,
  onImport,
}: {
  sheet: ProgrammeSheet;
  hasDrafts: boolean;
  onImport: (file: File) => Promise<MutationResult>;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    setError(null);
    setRows([]);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setError(t('prog.files.notXlsx'));
      return;
    }
    setBusy(true);
    const result = await onImport(file);
    setBusy(false);
    if (input.current) input.current.value = '';
    if (result.ok) {
      setMessage(t('prog.files.imported', { name: file.name }));
      return;
    }
    const refused = importErrors(result.error);
    setError(programmingErrorMessage(result.error, t));
    setRows(refused ?? []);
  };

  return (
    <div className="prog-files">
      <a
        className="button button-outline"
        href={programmingApi.exportUrl(sheet.programme.id)}
        download
        data-testid="sheet-export"
        title={t('prog.files.exportHint')}
      >
        {t('prog.files.export')}
      </a>
      {sheet.editable && (
        <label
          className={
            busy || hasDrafts ? 'button button-outline is-disabled' : 'button button-outline'
          }
          title={hasDrafts ? t('prog.files.saveFirst') : t('prog.files.importHint')}
        >
          {busy ? t('prog.files.importing') : t('prog.files.import')}
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            className="visually-hidden"
            disabled={busy || hasDrafts}
            onChange={(event) => void choose(event.target.files?.[0])}
            data-testid="sheet-import"
          />
        </label>
      )}
      <p className="prog-files-status" role="status" aria-live="polite">
        {message}
      </p>
      {error && (
        <div className="form-error prog-files-errors" role="alert" data-testid="sheet-import-error">
          <p>{error}</p>
          {rows.length > 0 && (
            <table className="data-table data-table-compact" data-testid="sheet-import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('imp.errors.row')}
                  </th>
                  <th scope="col">{t('imp.errors.column')}</th>
                  <th scope="col">{t('imp.errors.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    <td className="num">{row.row}</td>
                    <td>{row.column ? <code>{row.column}</code> : t('imp.errors.wholeRow')}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
