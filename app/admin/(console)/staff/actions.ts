'use server';

import { fail } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { createStaffSchema, resetStaffSchema } from '@/lib/auth/schemas';
import { createStaff, resetStaff } from '@/lib/auth/staff-accounts';
import { requestContext } from '@/lib/http/request-context';

// Admins only: userAction checks the staff session, the role is checked here on every call.
const notAdmin = fail('Сотрудников добавляет и сбрасывает только администратор');

export const createStaffAction = userAction('staff', createStaffSchema, async (input, admin) => {
  if (admin.role !== 'admin') return notAdmin;
  return createStaff(admin, input, await requestContext());
});

export const resetStaffAction = userAction('staff', resetStaffSchema, async (input, admin) => {
  if (admin.role !== 'admin') return notAdmin;
  return resetStaff(admin, input.userId, await requestContext());
});
