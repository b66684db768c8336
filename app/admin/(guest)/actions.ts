'use server';

import { validatedAction } from '@/lib/actions/validated';
import { staffLoginSchema } from '@/lib/auth/schemas';
import { signInAt } from '@/lib/auth/sign-in';

export const loginStaff = validatedAction(staffLoginSchema, (input) => signInAt('staff', input));
