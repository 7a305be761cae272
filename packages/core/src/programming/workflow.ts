import type { Permission } from '../access/roles.js';

/**
 * The annual programme of an executing unit moves through a review before CENARES consolidates
 * it. Modelled on OpenLMIS BUQ statuses (OpenLMIS/openlmis-buq@7233758e) and the requisition's
 * supervisory-node approval (OpenLMIS/openlmis-requisition `Requisition.java`, `approve()`) and on
 * QAT's review outcome "Approved / Needs Revision" (QAT user guide,
 * `docs/user/06-managing-programs-and-versions.md` §B–D):
 *
 *   draft ──submit──▶ submitted ──validate──▶ in_review ──approve──▶ approved ──consolidate──▶ consolidated
 *     ▲                  │ (regional review)      │
 *     └──── returned ◀───┴──────── return ────────┘
 *
 * A round without regional review sends `submit` straight to `in_review`.
 */
export const PROGRAMME_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'consolidated',
] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PROGRAMME_ACTIONS = ['submit', 'validate', 'return', 'approve'] as const;
export type ProgrammeAction = (typeof PROGRAMME_ACTIONS)[number];

export function isProgrammeAction(value: string): value is ProgrammeAction {
  return (PROGRAMME_ACTIONS as readonly string[]).includes(value);
}

interface Transition {
  readonly from: readonly ProgrammeStatus[];
  readonly permission: Permission;
}

/** Who may take each action, from which statuses. Consolidation is a round-level action. */
const TRANSITIONS: Readonly<Record<ProgrammeAction, readonly Transition[]>> = {
  submit: [{ from: ['draft', 'returned'], permission: 'programming:edit' }],
  validate: [{ from: ['submitted'], permission: 'programming:validate' }],
  return: [
    { from: ['submitted'], permission: 'programming:validate' },
    { from: ['in_review'], permission: 'programming:review' },
  ],
  approve: [{ from: ['in_review'], permission: 'programming:review' }],
};

/** Statuses in which the unit may change its lines. */
export const EDITABLE_STATUSES: readonly ProgrammeStatus[] = ['draft', 'returned'];

export function targetStatus(
  action: ProgrammeAction,
  options: { readonly regionalReview: boolean },
): ProgrammeStatus {
  switch (action) {
    case 'submit':
      return options.regionalReview ? 'submitted' : 'in_review';
    case 'validate':
      return 'in_review';
    case 'return':
      return 'returned';
    case 'approve':
      return 'approved';
  }
}

/** The permission an action needs from `status`, or null when the action is not possible there. */
export function permissionFor(action: ProgrammeAction, status: ProgrammeStatus): Permission | null {
  const transition = TRANSITIONS[action].find((t) => t.from.includes(status));
  return transition?.permission ?? null;
}

/** Actions a user holding `permissions` can take on a programme in `status`. */
export function availableActions(
  status: ProgrammeStatus,
  permissions: readonly Permission[],
): ProgrammeAction[] {
  return PROGRAMME_ACTIONS.filter((action) => {
    const needed = permissionFor(action, status);
    return needed !== null && permissions.includes(needed);
  });
}
