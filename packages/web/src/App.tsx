import { I18nProvider } from './i18n/I18nProvider';
import { MapPage } from './components/MapPage';

export function App() {
  return (
    <I18nProvider>
      <MapPage />
    </I18nProvider>
  );
}
