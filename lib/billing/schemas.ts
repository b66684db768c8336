// The billing page's form schema, shared by the client form and the Server Action.
import { z } from 'zod';

export const startBillingSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'Выберите расчётный период'),
  /** Staff confirm billing a period whose reading window is still open (the form names how many are estimated). */
  confirmOpenWindow: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).optional(),
});
