import { supplyApi } from '../../api/supplyClient';
import {
  UploadImportPage,
  type UploadImportConfig,
} from '../../components/import/UploadImportPage';
import { SupplyImportFormat } from '../../components/supply/SupplyImportFormat';
import { SupplyImportOutcome } from '../../components/supply/SupplyImportOutcome';
import { useSupplyResources } from '../../hooks/useSupplyStatus';
import { useT } from '../../i18n/I18nProvider';

/** The server checks every row against the user's scope, whatever this page showed. */
export function SupplyImportPage() {
  return <UploadImportPage config={CONFIG} />;
}

function Note() {
  const t = useT();
  return <p className="fine-print">{t('sup.imp.note')}</p>;
}

/** The layout, with the catalogue's products once they have loaded. */
function Format() {
  const resources = useSupplyResources();
  return (
    <SupplyImportFormat products={resources.state.status === 'ready' ? resources.state.data : []} />
  );
}

const CONFIG: UploadImportConfig = {
  path: '/abastecimiento/importar',
  permission: 'supply:import',
  testId: 'supply-import-page',
  kicker: 'sup.imp.kicker',
  title: 'sup.imp.title',
  intro: 'sup.imp.intro',
  start: supplyApi.startImport,
  note: <Note />,
  format: <Format />,
  outcome: (job, onAnother) => <SupplyImportOutcome job={job} onAnother={onAnother} />,
};
