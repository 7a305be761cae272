/** One method per row: what a number is, then how it is made or where it comes from. */
export type MethodRow = readonly [label: string, value: string];

/** How the figures on a page are made, stated next to them in one card. */
export function MethodsCard({
  titleId,
  title,
  rows,
  testId,
}: {
  /** The heading's id, which labels the card. */
  titleId: string;
  title: string;
  rows: readonly MethodRow[];
  testId?: string;
}) {
  return (
    <section className="card methods-note" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="card-title">
        {title}
      </h2>
      <dl className="detail-list">
        {rows.map(([label, value]) => (
          <div className="detail-row methods-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
