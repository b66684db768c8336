'use server';

import {
  fileApplicationAction,
  payInvoiceAction,
  supplyDataAction,
  withdrawAction,
} from '@/lib/connection/cabinet-actions';

export const fileConnectionApplication = fileApplicationAction('company');
export const payConnectionInvoice = payInvoiceAction('company');
export const supplyConnectionData = supplyDataAction('company');
export const withdrawConnectionApplication = withdrawAction('company');
