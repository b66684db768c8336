'use server';

import {
  acceptAction,
  cancelAction,
  orderAction,
  payAction,
  payWithBindingAction,
} from '@/lib/services/cabinet-actions';

export const orderService = orderAction('company');
export const acceptServicePrice = acceptAction('company');
export const payServiceRequest = payAction('company');
export const payServiceWithBinding = payWithBindingAction('company');
export const cancelServiceRequest = cancelAction('company');
