'use server';

import {
  acceptAction,
  cancelAction,
  orderAction,
  payAction,
  payWithBindingAction,
} from '@/lib/services/cabinet-actions';

export const orderService = orderAction('household');
export const acceptServicePrice = acceptAction('household');
export const payServiceRequest = payAction('household');
export const payServiceWithBinding = payWithBindingAction('household');
export const cancelServiceRequest = cancelAction('household');
