'use server';

import { revalidatePath } from 'next/cache';
import { succeed } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { formatDate } from '@/lib/format/dates';
import { debtNoticeSchema } from '@/lib/debtors/notice-schema';
import { sendDebtNotice } from '@/lib/debtors/notices';
import { requestContext } from '@/lib/http/request-context';

export const sendNotice = userAction('staff', debtNoticeSchema, async (input, staff) => {
  const { ip } = await requestContext();
  const result = await sendDebtNotice(staff, input.target, new Date(), ip);
  if (!result.ok) return result;
  revalidatePath('/admin/debtors');
  return succeed({
    message:
      result.kind === 'warning'
        ? `Предупреждение отправлено, срок оплаты — до ${formatDate(result.payBy)}`
        : `Напоминание отправлено (долг ниже порога п. 118), срок оплаты — до ${formatDate(result.payBy)}`,
  });
});
