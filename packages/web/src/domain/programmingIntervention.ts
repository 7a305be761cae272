// The anemia intervention tree as the sheet shows it: the server sends its nodes depth-first with
// a parent id; the page nests them back into a tree to indent them.
import type { InterventionTree } from '@yawar/api';

export type TreeNodeView = NonNullable<InterventionTree['tree']>['nodes'][number];

export interface NestedNode {
  node: TreeNodeView;
  children: NestedNode[];
}

/** Nodes nested under their parents, in the server's order; an unknown parent makes a root. */
export function nestNodes(nodes: readonly TreeNodeView[]): NestedNode[] {
  const byId = new Map<string, NestedNode>();
  const roots: NestedNode[] = [];
  for (const node of nodes) {
    const nested: NestedNode = { node, children: [] };
    byId.set(node.id, nested);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(nested);
    else roots.push(nested);
  }
  return roots;
}

/** Months of age of each band, out of the 30 months from 6 to 35 (how the estimate is split). */
export const BAND_MONTHS: Readonly<Record<InterventionTree['bands'][number]['band'], number>> = {
  '6-11': 6,
  '12-23': 12,
  '24-35': 12,
};
