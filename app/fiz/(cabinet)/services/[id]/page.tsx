import type { Metadata } from 'next';
import { serviceRequestPage } from '@/components/services/request-page';
import { acceptServicePrice, cancelServiceRequest, payServiceRequest, payServiceWithBinding } from '../actions';

export const metadata: Metadata = { title: 'Заявка на платную услугу' };

export default serviceRequestPage('household', {
  accept: acceptServicePrice,
  pay: payServiceRequest,
  payWithBinding: payServiceWithBinding,
  cancel: cancelServiceRequest,
});
