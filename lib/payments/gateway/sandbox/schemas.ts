import { z } from 'zod';

// The sandbox's two forms; shared by the client forms and the sandbox's actions.
export const sandboxCardSchema = z.object({
  request: z.string().min(1).max(8000),
  card: z.string().min(1, 'Введите номер карты').max(40),
  expiry: z.string().min(1, 'Укажите срок действия в формате ММ/ГГ, например 12/28').max(10),
  cvv: z.string().min(1, 'CVC/CVV — три цифры на обороте карты').max(6),
});

export const sandbox3dsSchema = z.object({
  request: z.string().min(1).max(8000),
  cardMask: z.string().max(30),
  proof: z.string().max(100),
  code: z.string().min(1, 'Введите код из SMS').max(10),
});
