import type { InterventionTree, ProgrammeSheet } from '@yawar/api';
import { noticeText } from '../../domain/programmingNotices';
import { monthLabel } from '../../domain/programming';
import { BAND_MONTHS } from '../../domain/programmingIntervention';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useLanguage, useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { InterventionNodes, InterventionProducts } from './InterventionNodes';
import { Simulated } from './Simulated';

/**
 * The unit's anemia intervention tree: what goes in (children, prevalence by age band, the
 * surveillance window, the round's coverage and wastage), the tree with each node's formula, and
 * what comes out (products a year, demand over the horizon per catalogue resource).
 */
export function InterventionView({
  data,
  sheet,
}: {
  data: InterventionTree;
  sheet: ProgrammeSheet;
}) {
  const t = useT();
  const { tree } = data;
  return (
    <div className="prog-tree-body" data-testid="intervention-view">
      {tree?.pendingClinicalValidation && (
        <p className="warning prog-tree-pending" role="note" data-testid="intervention-pending">
          <strong>{t('prog.tree.pending')}</strong>{' '}
          {t('prog.tree.pendingDetail', { set: tree.regimenSetId })}
        </p>
      )}
      {data.simulatedScreenings && (
        <p className="simulated-banner" role="note" data-testid="intervention-simulated">
          <strong>{t('prog.simulated')}</strong> {t('prog.simulated.screeningsBanner')}
        </p>
      )}
      {data.warnings.length > 0 && (
        <div className="warning" role="note" data-testid="intervention-warnings">
          <strong>{t('prog.explain.warnings')}</strong>
          <ul>
            {data.warnings.map((warning, index) => (
              <li key={warning}>
                {data.notices[index] ? noticeText(t, data.notices[index], warning) : warning}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!tree && (
        <p className="empty-state" data-testid="intervention-no-tree">
          {t('prog.tree.noTree')}
        </p>
      )}
      <h3 className="prog-explain-title">{t('prog.tree.inputs')}</h3>
      <Inputs data={data} horizonMonths={sheet.round.parameters.horizonMonths} />
      <Bands data={data} />
      {tree && (
        <>
          <h3 className="prog-explain-title">{t('prog.tree.nodes')}</h3>
          <InterventionNodes nodes={tree.nodes} />
          <h3 className="prog-explain-title">{t('prog.tree.products')}</h3>
          <InterventionProducts products={tree.products} />
        </>
      )}
      {data.demand.length > 0 && <Demand data={data} sheet={sheet} />}
    </div>
  );
}

function Inputs({ data, horizonMonths }: { data: InterventionTree; horizonMonths: number }) {
  const t = useT();
  const format = useProgrammingFormat();
  const { language } = useLanguage();
  const locale = language === 'es' ? 'es-PE' : 'en-GB';
  const { parameters } = data;
  return (
    <dl className="meta-list" data-testid="intervention-inputs">
      <div>
        <dt>{t('prog.tree.children')}</dt>
        <dd data-testid="intervention-children">
          <Explained title={t('prog.tree.childrenHint')}>{format.qty(data.children)}</Explained>
        </dd>
      </div>
      <div>
        <dt>{t('prog.tree.window')}</dt>
        <dd data-testid="intervention-window">
          <Explained title={t('prog.tree.windowHint')}>
            {t('prog.rounds.dateRange', {
              from: monthLabel(data.from, locale),
              to: monthLabel(data.to, locale),
            })}
          </Explained>
          {data.simulatedScreenings && <Simulated what="screenings" />}
        </dd>
      </div>
      <div>
        <dt>{t('prog.param.treatmentCoverage')}</dt>
        <dd>{format.percent(parameters.treatmentCoverage)}</dd>
      </div>
      <div>
        <dt>{t('prog.param.preventionCoverage')}</dt>
        <dd>{format.percent(parameters.preventionCoverage)}</dd>
      </div>
      <div>
        <dt>{t('prog.param.wastage')}</dt>
        <dd>
          <Explained
            title={t('prog.tree.wastageHint', {
              factor: format.exact(1 / (1 - parameters.wastage), 4),
            })}
          >
            {format.percent(parameters.wastage)}
          </Explained>
        </dd>
      </div>
      {data.tree && (
        <div>
          <dt>{t('prog.tree.tests')}</dt>
          <dd>{format.qty(data.tree.tests)}</dd>
        </div>
      )}
      <div>
        <dt>{t('prog.param.horizonMonths')}</dt>
        <dd>{horizonMonths}</dd>
      </div>
    </dl>
  );
}

function Bands({ data }: { data: InterventionTree }) {
  const t = useT();
  const format = useProgrammingFormat();
  const tested = data.bands.reduce((sum, band) => sum + band.tested, 0);
  const anemic = data.bands.reduce((sum, band) => sum + band.anemic, 0);
  return (
    <div className="table-scroll">
      <table className="data-table data-table-compact" data-testid="intervention-bands">
        <caption className="visually-hidden">{t('prog.tree.bandsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prog.tree.band')}</th>
            <th scope="col" className="num">
              {t('prog.tree.bandChildren')}
            </th>
            <th scope="col" className="num">
              {t('prog.tree.tested')}
            </th>
            <th scope="col" className="num">
              {t('prog.tree.anemic')}
            </th>
            <th scope="col" className="num">
              {t('prog.tree.prevalence')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.bands.map((band) => (
            <tr key={band.band} data-testid="intervention-band" data-band={band.band}>
              <th scope="row">{t('prog.tree.bandMonths', { band: band.band })}</th>
              <td className="num">
                <Explained
                  title={t('prog.tree.bandChildrenHint', {
                    total: format.qty(data.children),
                    months: BAND_MONTHS[band.band],
                    value: format.exact(band.children, 1),
                  })}
                >
                  {format.qty(band.children)}
                </Explained>
              </td>
              <td className="num">{format.qty(band.tested)}</td>
              <td className="num">{format.qty(band.anemic)}</td>
              <td className="num">
                <Explained
                  title={
                    band.prevalence === null
                      ? t('prog.tree.prevalenceNone')
                      : band.tested > 0
                        ? t('prog.tree.prevalenceHint', {
                            anemic: format.qty(band.anemic),
                            tested: format.qty(band.tested),
                            value: format.percent(band.prevalence),
                          })
                        : t('prog.tree.prevalenceOverall', {
                            anemic: format.qty(anemic),
                            tested: format.qty(tested),
                            value: format.percent(band.prevalence),
                          })
                  }
                  testId="intervention-prevalence"
                >
                  {format.percent(band.prevalence)}
                </Explained>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Demand({ data, sheet }: { data: InterventionTree; sheet: ProgrammeSheet }) {
  const t = useT();
  const format = useProgrammingFormat();
  const months = sheet.round.parameters.horizonMonths;
  return (
    <>
      <h3 className="prog-explain-title">{t('prog.tree.demand', { months })}</h3>
      <div className="table-scroll">
        <table className="data-table data-table-compact" data-testid="intervention-demand">
          <thead>
            <tr>
              <th scope="col">{t('prog.sheet.product')}</th>
              <th scope="col" className="num">
                {t('prog.sheet.demand')}
              </th>
              <th scope="col">{t('prog.tree.lineMethod')}</th>
            </tr>
          </thead>
          <tbody>
            {data.demand.map((item) => {
              const line = sheet.lines.find((l) => l.resourceCode === item.resourceCode);
              return (
                <tr
                  key={item.resourceCode}
                  data-testid="intervention-demand-row"
                  data-resource-code={item.resourceCode}
                >
                  <th scope="row">
                    <span className="cell-main">{line?.resourceName ?? item.resourceCode}</span>
                    <span className="cell-sub mono">{item.resourceCode}</span>
                  </th>
                  <td className="num nowrap">
                    <Explained
                      title={t('prog.tree.demandHint', {
                        months,
                        value: format.exact(item.quantity, 1),
                      })}
                      testId="intervention-demand-quantity"
                    >
                      {format.qty(item.quantity)}
                    </Explained>{' '}
                    {line?.dispensingUnit}
                  </td>
                  <td>
                    {line ? (
                      t(`prog.method.${line.method}`)
                    ) : (
                      <span className="muted">{t('prog.tree.notInSheet')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
