import { useEffect, useRef, useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { ProgrammeSheet } from '@yawar/api';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useT } from '../../i18n/I18nProvider';
import { ErrorState, LoadingState } from '../StatusMessage';
import { InterventionView } from './InterventionView';

export const INTERVENTION_SECTION_ID = 'arbol-intervencion';

/**
 * "Árbol de intervención (anemia)": closed at first, and loaded only when opened — the tree takes
 * a query over the unit's screenings, and most readers of the sheet on a slow link never need it.
 * Once loaded it stays, hidden, when closed again. `focusRequest` grows each time a line's link
 * asks for the section: it is then scrolled into view and its toggle focused.
 */
export function InterventionSection({
  sheet,
  open,
  onToggle,
  focusRequest,
}: {
  sheet: ProgrammeSheet;
  open: boolean;
  onToggle: () => void;
  focusRequest: number;
}) {
  const t = useT();
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  const sectionRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const lines = sheet.lines.filter((line) => line.method === 'intervention').length;

  useEffect(() => {
    if (focusRequest === 0) return;
    sectionRef.current?.scrollIntoView({ block: 'start' });
    toggleRef.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  return (
    <section
      id={INTERVENTION_SECTION_ID}
      ref={sectionRef}
      className="card prog-tree"
      aria-labelledby="intervention-title"
      data-testid="intervention-section"
    >
      <h2 id="intervention-title" className="card-title">
        <button
          ref={toggleRef}
          type="button"
          className="prog-disclosure"
          aria-expanded={open}
          aria-controls="intervention-body"
          onClick={onToggle}
          data-testid="intervention-toggle"
        >
          {t('prog.tree.title')}
        </button>
      </h2>
      <p className="fine-print">
        {t('prog.tree.intro')} {t('prog.tree.linesUsing', { n: lines })}
      </p>
      <div id="intervention-body" hidden={!open}>
        {mounted && <InterventionBody sheet={sheet} />}
      </div>
    </section>
  );
}

function InterventionBody({ sheet }: { sheet: ProgrammeSheet }) {
  const t = useT();
  const id = sheet.programme.id;
  const { state, reload } = useAuthedResource(
    (signal) => programmingApi.intervention(id, signal),
    String(id),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error' || state.status === 'not_found') {
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  if (state.status === 'forbidden') return <p className="form-error">{t('errors.forbidden')}</p>;
  return <InterventionView data={state.data} sheet={sheet} />;
}
