/**
 * The public sources behind the reference data, so every figure the API serves can say where it
 * comes from. Full provenance (repositories, commits, filters) is in data/cajamarca/PROVENANCE.md and data/peru/PROVENANCE.md.
 */
export interface DataSource {
  readonly id: string;
  readonly publisher: string;
  readonly dataset: string;
  readonly vintage: string;
  /** What in Yawar it provides. */
  readonly provides: string;
  /** File names in a department folder or in data/peru that carry it. */
  readonly files: readonly string[];
}

export const REFERENCE_SOURCES: readonly DataSource[] = [
  {
    id: 'minsa-tb-eess',
    publisher: 'MINSA',
    dataset: 'TB_EESS, datos abiertos COVID-19 (códigos RENAES/RENIPRESS)',
    vintage: '≈2021',
    provides: 'establishments: code, name, category, network, address, coordinates',
    files: ['establecimientos.csv', 'TB_EESS.csv', 'TB_UBIGEOS.csv'],
  },
  {
    id: 'minsa-renaes',
    publisher: 'MINSA',
    dataset: 'RENAES, establecimientos del MINSA y gobiernos regionales',
    vintage: '2025',
    provides:
      'government establishments: institution, red and microred (codes), executing unit (Código UE), category, coordinates, altitude (COTA)',
    files: ['ipress_minsa_renaes.csv', 'ipress_minsa_nacional_2025.csv'],
  },
  {
    id: 'inei-limits-2007',
    publisher: 'INEI (vía MINAM/GEOIDEP)',
    dataset: 'Límites departamentales, provinciales y distritales, simplificados',
    vintage: '2007',
    provides: 'boundaries',
    files: [
      'departamento.geojson',
      'provincias.geojson',
      'distritos.geojson',
      'departamentos.geojson',
    ],
  },
  {
    id: 'ubigeo-indicators',
    publisher: 'INEI, RENIEC, PNUD, CEPLAN',
    dataset: 'Ubigeo con indicadores (ubigeo-peru-aumentado)',
    vintage: 'altitud y superficie INEI; pobreza 2018 (total) y 2013 (extrema); IDH 2019',
    provides: 'district names, capitals, capital altitude, area, poverty, IDH',
    files: ['ubigeo_departamento.csv', 'ubigeo_provincia.csv', 'ubigeo_distrito.csv'],
  },
  {
    id: 'inei-census-2017',
    publisher: 'INEI',
    dataset: 'Censos Nacionales 2017 por distrito',
    vintage: '2017',
    provides: 'population 2017 and aged 0–14 (weights of the 6–35 months estimate)',
    files: ['poblacion_censo2017_distritos.csv'],
  },
  {
    id: 'inei-estimates-2022',
    publisher: 'INEI',
    dataset: 'Estimaciones y proyecciones de población por distrito',
    vintage: '2022',
    provides: 'population 2022',
    files: ['poblacion_2007_2022_distritos.csv'],
  },
  {
    id: 'minsa-reunis-2020',
    publisher: 'MINSA REUNIS',
    dataset: 'Población estimada por edades simples, departamento',
    vintage: '2020',
    provides: 'children 6–35 months, department total',
    files: ['poblacion_reunis_2020_departamento.csv', 'poblacion_reunis_2020_departamentos.csv'],
  },
  {
    id: 'inei-populated-places',
    publisher: 'INEI',
    dataset: 'Centros poblados (código, nombre, urbano/rural, coordenadas)',
    vintage: 'sin fecha',
    provides: 'populated places',
    files: ['centros_poblados.csv'],
  },
];

/** "MINSA TB_EESS … (≈2021)" for a file name, or the file name itself when it is not catalogued. */
export function sourceLabel(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const source = REFERENCE_SOURCES.find(
    (s) => s.files.includes(name) || (/^\d\d\.csv$/.test(name) && s.id === 'inei-populated-places'),
  );
  return source ? `${source.publisher}, ${source.dataset.split(',')[0]} (${source.vintage})` : name;
}
