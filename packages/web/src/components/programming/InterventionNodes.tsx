import type { InterventionTree } from '@yawar/api';
import {
  nestNodes,
  type NestedNode,
  type TreeNodeView,
} from '../../domain/programmingIntervention';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';

/**
 * The tree as an indented list, each node with its value, its formula and the same formula with
 * the numbers (children → tests → anemic → treated → product per child …), as the line steps.
 */
export function InterventionNodes({ nodes }: { nodes: readonly TreeNodeView[] }) {
  return (
    <ul className="prog-tree-list" data-testid="intervention-nodes">
      {nestNodes(nodes).map((nested) => (
        <NodeItem key={nested.node.id} nested={nested} />
      ))}
    </ul>
  );
}

function NodeItem({ nested }: { nested: NestedNode }) {
  const t = useT();
  const format = useProgrammingFormat();
  const { node, children } = nested;
  const value = `${format.exact(node.value, 1)} ${node.unit}`;
  return (
    <li data-testid="tree-node" data-node-id={node.id} data-kind={node.kind}>
      <div className={`prog-tree-node prog-tree-${node.kind}`}>
        <span className="cell-main">{node.label}</span>
        <Explained
          className="prog-tree-value"
          title={[node.formula, `= ${node.substituted}`, `= ${value}`].join('\n')}
          testId="tree-node-value"
        >
          {value}
        </Explained>
        {node.formula !== 'dato' && (
          <span className="prog-tree-formula">
            <span className="fine-print">{node.formula}</span>{' '}
            <span className="mono fine-print">= {node.substituted}</span>
          </span>
        )}
        {node.formula === 'dato' && <span className="fine-print">{t('prog.tree.datum')}</span>}
      </div>
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <NodeItem key={child.node.id} nested={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** What the tree needs a year, per product, before conversion to catalogue dispensing units. */
export function InterventionProducts({
  products,
}: {
  products: NonNullable<InterventionTree['tree']>['products'];
}) {
  const t = useT();
  const format = useProgrammingFormat();
  return (
    <div className="table-scroll">
      <table className="data-table data-table-compact" data-testid="intervention-products">
        <thead>
          <tr>
            <th scope="col">{t('prog.tree.product')}</th>
            <th scope="col" className="num">
              {t('prog.tree.perYear')}
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr
              key={product.productCode}
              data-testid="intervention-product"
              data-product-code={product.productCode}
            >
              <th scope="row">{product.label}</th>
              <td className="num nowrap">
                <Explained title={t('prog.tree.perYearHint')}>
                  {format.exact(product.quantity, 1)}
                </Explained>{' '}
                {product.unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
