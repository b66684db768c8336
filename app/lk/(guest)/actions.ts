'use server';

import { validatedAction } from '@/lib/actions/validated';
import { loginSchema } from '@/lib/auth/schemas';
import { signInAt } from '@/lib/auth/sign-in';

export const loginCompany = validatedAction(loginSchema, (input) => signInAt('company', input));
