'use server';

import { userAction } from '@/lib/actions/validated';
import { updatePreferences } from '@/lib/auth/profile';
import { preferencesSchema } from '@/lib/auth/schemas';

export const saveCompanyPreferences = userAction('company', preferencesSchema, (input, user) =>
  updatePreferences(user, input),
);
