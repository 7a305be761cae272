import { importApi } from '../api/importClient';
import { ImportFormat } from '../components/import/ImportFormat';
import { ImportOutcome } from '../components/import/ImportOutcome';
import { UploadImportPage, type UploadImportConfig } from '../components/import/UploadImportPage';
import { useT } from '../i18n/I18nProvider';

export function ScreeningImportPage() {
  return <UploadImportPage config={CONFIG} />;
}

function PrivacyNote() {
  const t = useT();
  return (
    <p className="privacy-note" data-testid="import-privacy">
      <strong>{t('imp.privacy.title')}</strong> {t('imp.privacy')}
    </p>
  );
}

const CONFIG: UploadImportConfig = {
  path: '/vigilancia/importar',
  permission: 'screenings:import',
  testId: 'import-page',
  kicker: 'imp.kicker',
  title: 'imp.title',
  intro: 'imp.intro',
  start: importApi.start,
  note: <PrivacyNote />,
  format: <ImportFormat />,
  outcome: (job, onAnother) => <ImportOutcome job={job} onAnother={onAnother} />,
};
