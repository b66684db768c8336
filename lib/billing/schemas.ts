// The billing page's form schema, shared by the client form and the Server Action.
import { z } from 'zod';

export const startBillingSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'Выберите расчётный период'),
});
