import { getCurrentStaff } from '@/auth';
import type { StaffMember } from '@/db/queries/staff';

export class NotAllowedError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

/**
 * The signed-in, enabled staff member, or a thrown NotAllowedError. Every staff server action starts
 * here and then asks `can` for the specific action: the proxy and hidden buttons are not checks.
 */
export async function requireStaff(): Promise<StaffMember> {
  const staff = await getCurrentStaff();
  if (!staff) throw new NotAllowedError('Please sign in again.');
  return staff;
}
