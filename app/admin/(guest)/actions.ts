'use server';

import { validatedAction } from '@/lib/actions/validated';
import { loginSchema } from '@/lib/auth/schemas';
import { signInAt } from '@/lib/auth/sign-in';

export const loginStaff = validatedAction(loginSchema, (input) => signInAt('staff', input));
