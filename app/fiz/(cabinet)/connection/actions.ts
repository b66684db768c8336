'use server';

import {
  fileApplicationAction,
  payInvoiceAction,
  supplyDataAction,
  withdrawAction,
} from '@/lib/connection/cabinet-actions';

export const fileConnectionApplication = fileApplicationAction('household');
export const payConnectionInvoice = payInvoiceAction('household');
export const supplyConnectionData = supplyDataAction('household');
export const withdrawConnectionApplication = withdrawAction('household');
