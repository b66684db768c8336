import { z } from 'zod';

// The «send a debt notice» button: which account. Named `target`, not `accountId`: a staff member
// acts on any account, and `accountId` would be checked as one of the user's own.
export const debtNoticeSchema = z.object({ target: z.uuid({ error: 'Лицевой счёт не найден — обновите страницу' }) });
