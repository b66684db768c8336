// The forms of /admin/jobs («Повторить», «Запустить сейчас»), read the same way by the form and by its action.
import { z } from 'zod';

export const retryJobSchema = z.object({
  queue: z.string().trim().min(1).max(100),
  jobId: z.uuid('Задание не найдено — обновите страницу'),
});

export const runJobNowSchema = z.object({ queue: z.string().trim().min(1).max(100) });
