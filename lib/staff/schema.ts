import { z } from 'zod';
import { STAFF_ROLES } from '@/db/enums';

export const NewStaffSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email('Please enter a valid email address.')),
  name: z.string().trim().min(1, 'Please enter a name.').max(80, 'The name must be at most 80 characters.'),
  role: z.enum(STAFF_ROLES, { message: `The role must be one of: ${STAFF_ROLES.join(', ')}.` }),
  password: z.string().min(12, 'The password must be at least 12 characters.').max(200, 'The password must be at most 200 characters.'),
});
