// The billing page's form schema, shared by the client form and the Server Action.
import { z } from 'zod';
import { periodField } from '@/lib/validation/calendar';

export const startBillingSchema = z.object({
  period: periodField('Выберите расчётный период'),
  /** Staff confirm billing a period whose reading window is still open (the form names how many are estimated). */
  confirmOpenWindow: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).optional(),
});
