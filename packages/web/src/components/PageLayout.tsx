import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Header } from './Header';

/** Shell of every page except the map: the shared header and a scrolling content column. */
export function PageLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
    return () => {
      document.title = t('app.title');
    };
  }, [title, t]);
  return (
    <div className="app app-page">
      <Header departmentName={null} counts={null} />
      <main className="page">{children}</main>
    </div>
  );
}
