import { Fragment, useState } from 'react';
import type { ProgrammeSheet } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';
import { monthLabel, type LineDraft } from '../../domain/programming';
import { useLanguage, useT } from '../../i18n/I18nProvider';
import { LineExplain } from './LineExplain';
import { SheetLineRow, type SaveState } from './SheetLineRow';

/** How many history months the sheet shows (the computation may use more). */
export const SHEET_MONTHS = 12;
const COMPUTED_COLUMNS = 7;
const UNIT_COLUMNS = 4;

/**
 * Products with the unit's quantities first, then the computation and the months of history: the
 * editable columns stay in view at 1,366 px (issue #10), the history scrolls to their right.
 */
export function SheetTable({
  sheet,
  drafts,
  saveStates,
  busy,
  onDraft,
  onSave,
  onMethod,
  onOpenIntervention,
}: {
  sheet: ProgrammeSheet;
  drafts: Readonly<Record<string, LineDraft>>;
  saveStates: Readonly<Record<string, SaveState>>;
  busy: boolean;
  onDraft: (resourceCode: string, draft: LineDraft) => void;
  onSave: (resourceCode: string) => void;
  onMethod: (resourceCode: string, method: ForecastMethod) => void;
  /** Opens the sheet's intervention-tree section and brings it into view. */
  onOpenIntervention: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const locale = language === 'es' ? 'es-PE' : 'en-GB';
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const months = sheet.months.slice(-SHEET_MONTHS);
  const columns = 2 + months.length + COMPUTED_COLUMNS + UNIT_COLUMNS;
  const openByLine = new Map<string, number>();
  for (const observation of sheet.observations) {
    if (observation.status !== 'open' || !observation.resourceCode) continue;
    openByLine.set(observation.resourceCode, (openByLine.get(observation.resourceCode) ?? 0) + 1);
  }
  const toggle = (code: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  if (sheet.lines.length === 0) {
    return (
      <p className="empty-state" data-testid="sheet-empty">
        {t('prog.sheet.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll prog-sheet-scroll">
      <table className="data-table prog-sheet" data-testid="sheet-table">
        <thead>
          <tr className="prog-group-row">
            <th scope="col" rowSpan={2} className="prog-product">
              {t('prog.sheet.product')}
            </th>
            <th scope="colgroup" colSpan={UNIT_COLUMNS} className="prog-group prog-group-unit">
              {t('prog.sheet.unit')}
            </th>
            <th scope="col" rowSpan={2}>
              <span className="visually-hidden">{t('prog.sheet.actions')}</span>
            </th>
            <th scope="colgroup" colSpan={COMPUTED_COLUMNS} className="prog-group">
              {t('prog.sheet.computed')}
            </th>
            <th scope="colgroup" colSpan={months.length} className="prog-group">
              {t('prog.sheet.history')}
            </th>
          </tr>
          <tr>
            <th scope="col" className="num" title={t('prog.sheet.quantityHint')}>
              {t('prog.sheet.quantity')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.packs')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.cost')}
            </th>
            <th scope="col">{t('prog.sheet.justification')}</th>
            <th scope="col" className="num" title={t('prog.sheet.cpmaHint')}>
              {t('prog.sheet.cpma')}
            </th>
            <th scope="col">{t('prog.sheet.method')}</th>
            <th scope="col" className="num">
              {t('prog.sheet.demand')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.safetyStock')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.stockAvailable')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.inTransit')}
            </th>
            <th scope="col" className="num" title={t('prog.sheet.prefillHint')}>
              {t('prog.sheet.prefill')}
            </th>
            {months.map((month) => (
              <th key={month} scope="col" className="num" title={month}>
                {monthLabel(month, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.lines.map((line) => {
            const code = line.resourceCode;
            const open = expanded.has(code);
            return (
              <Fragment key={code}>
                <SheetLineRow
                  line={line}
                  months={months}
                  draft={drafts[code]}
                  editable={sheet.editable}
                  busy={busy}
                  saveState={saveStates[code]}
                  openObservations={openByLine.get(code) ?? 0}
                  expanded={open}
                  onDraft={(draft) => onDraft(code, draft)}
                  onSave={() => onSave(code)}
                  onMethod={(method) => onMethod(code, method)}
                  onToggle={() => toggle(code)}
                  onOpenIntervention={onOpenIntervention}
                />
                {open && (
                  <LineExplain
                    line={line}
                    colSpan={columns}
                    editable={sheet.editable}
                    busy={busy}
                    onMethod={(method) => onMethod(code, method)}
                    onOpenIntervention={onOpenIntervention}
                  />
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
