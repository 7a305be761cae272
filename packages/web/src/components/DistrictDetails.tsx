import type { DistrictProperties } from '@yawar/api';
import { useFormatNumber, useT } from '../i18n/I18nProvider';
import { DetailList } from './DetailList';

export function DistrictDetails({ district }: { district: DistrictProperties }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const na = <span className="muted">{t('details.notAvailable')}</span>;
  const number = (value: number | null, digits = 0) =>
    value === null ? na : formatNumber(value, digits);
  const percent = (value: number | null) =>
    value === null ? na : t('unit.percent', { n: formatNumber(value, 1) });
  const estimateNote = district.children6to35MonthsMethod
    ? t('details.childrenEstimate', { method: district.children6to35MonthsMethod })
    : t('details.childrenEstimateNoMethod');

  return (
    <article className="details" data-testid="district-details">
      <p className="details-kind">{t('details.district')}</p>
      <h2 className="details-title" data-testid="details-title">
        {district.name}
      </h2>
      <DetailList
        rows={[
          { label: t('details.ubigeo'), value: district.ubigeo },
          { label: t('details.province'), value: district.provinceName },
          { label: t('details.capital'), value: district.capital ?? na },
          {
            label: t('details.capitalAltitude'),
            value:
              district.capitalAltitudeM === null
                ? na
                : t('unit.metres', { n: formatNumber(district.capitalAltitudeM) }),
          },
          {
            label: t('details.area'),
            value:
              district.areaKm2 === null
                ? na
                : t('unit.km2', { n: formatNumber(district.areaKm2, 1) }),
          },
          { label: t('details.population2017'), value: number(district.population2017) },
          { label: t('details.population2022'), value: number(district.population2022) },
          {
            label: t('details.children'),
            value:
              district.children6to35Months === null ? (
                na
              ) : (
                <>
                  <span title={estimateNote} className="estimate">
                    ≈ {formatNumber(district.children6to35Months)}
                    <sup aria-hidden="true">*</sup>
                  </span>
                  <span className="detail-note">* {estimateNote}</span>
                </>
              ),
          },
          { label: t('details.poverty'), value: percent(district.povertyPct) },
          { label: t('details.extremePoverty'), value: percent(district.extremePovertyPct) },
          { label: t('details.idh'), value: number(district.idh, 3) },
          {
            label: t('details.establishmentCount'),
            value: formatNumber(district.establishmentCount),
          },
        ]}
      />
    </article>
  );
}
