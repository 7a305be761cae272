import { AuthProvider } from './auth/AuthProvider';
import { NotFoundState } from './components/ForbiddenState';
import { MapPage } from './components/MapPage';
import { PageLayout } from './components/PageLayout';
import { I18nProvider, useT } from './i18n/I18nProvider';
import { AuditPage } from './pages/AuditPage';
import { FollowUpPage } from './pages/FollowUpPage';
import { LoginPage } from './pages/LoginPage';
import { AssistancePage } from './pages/programming/AssistancePage';
import { ConsolidationPage } from './pages/programming/ConsolidationPage';
import { ProgrammeSheetPage } from './pages/programming/ProgrammeSheetPage';
import { ProgrammingPage } from './pages/programming/ProgrammingPage';
import { ScreeningImportPage } from './pages/ScreeningImportPage';
import { SupplyImportPage } from './pages/supply/SupplyImportPage';
import { SupplyStatusPage } from './pages/supply/SupplyStatusPage';
import { SurveillancePage } from './pages/SurveillancePage';
import { UnitPage } from './pages/UnitPage';
import { UsersPage } from './pages/UsersPage';
import { matchPath, RouterProvider, useLocation } from './router/router';

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <AuthProvider>
          <Routes />
        </AuthProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** Paths are Spanish, like the interface: they are what users see and share. */
function Routes() {
  const { pathname } = useLocation();
  if (pathname === '/') return <MapPage />;
  if (matchPath('/login', pathname)) return <LoginPage />;
  if (matchPath('/vigilancia', pathname)) return <SurveillancePage />;
  if (matchPath('/vigilancia/importar', pathname)) return <ScreeningImportPage />;
  if (matchPath('/abastecimiento', pathname)) return <SupplyStatusPage />;
  if (matchPath('/abastecimiento/importar', pathname)) return <SupplyImportPage />;
  if (matchPath('/seguimiento', pathname)) return <FollowUpPage code={null} />;
  // Not keyed: changing establishment keeps the picker, the date and the status tab in place.
  const followUp = matchPath('/seguimiento/:code', pathname);
  if (followUp?.['code']) return <FollowUpPage code={followUp['code']} />;
  if (matchPath('/programacion', pathname)) return <ProgrammingPage />;
  const sheet = matchPath('/programacion/:id', pathname);
  // Keyed: another programme starts from a clean sheet (no drafts carried over).
  if (sheet?.['id']) return <ProgrammeSheetPage key={sheet['id']} id={sheet['id']} />;
  const consolidation = matchPath('/programacion/rondas/:id/consolidado', pathname);
  if (consolidation?.['id']) return <ConsolidationPage roundId={consolidation['id']} />;
  const assistance = matchPath('/programacion/rondas/:id/asistencia', pathname);
  if (assistance?.['id']) return <AssistancePage roundId={assistance['id']} />;
  if (matchPath('/admin/usuarios', pathname)) return <UsersPage />;
  if (matchPath('/admin/auditoria', pathname)) return <AuditPage />;
  const unit = matchPath('/unidades/:code', pathname);
  // Keyed so that moving between units (editing the URL) starts from a clean page.
  if (unit?.['code']) return <UnitPage key={unit['code']} code={unit['code']} />;
  return <NotFoundPage />;
}

function NotFoundPage() {
  const t = useT();
  return (
    <PageLayout title={t('notFound.title')}>
      <NotFoundState />
    </PageLayout>
  );
}
