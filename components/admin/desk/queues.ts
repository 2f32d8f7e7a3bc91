import type { ReplyStatus } from '@/db/schema';
import type { Decision } from '@/lib/replies/moderation-schema';

// The desk's queues and the decisions each offers, shared by the tabs, the bulk bar and the rows.

export const TABS: { status: ReplyStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'approved', label: 'Approved' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Trash' },
];

export const tabLabel = (status: ReplyStatus) => TABS.find((t) => t.status === status)!.label;

type RowAction = { decision: Decision; label: string; key: string };

/** Which decisions each queue offers, with the row button's name and its keyboard shortcut. */
export const ROW_ACTIONS: Record<ReplyStatus, RowAction[]> = {
  pending: [
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'spam', label: 'Spam', key: 's' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  approved: [
    { decision: 'unapprove', label: 'Unapprove', key: 'u' },
    { decision: 'spam', label: 'Spam', key: 's' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  spam: [
    { decision: 'restore', label: 'Restore', key: 'u' },
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'trash', label: 'Trash', key: 't' },
  ],
  trash: [
    { decision: 'restore', label: 'Restore', key: 'u' },
    { decision: 'approve', label: 'Approve', key: 'a' },
    { decision: 'spam', label: 'Spam', key: 's' },
  ],
};
