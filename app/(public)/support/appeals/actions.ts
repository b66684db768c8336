'use server';

import {
  guestAppealAction,
  guestCloseAction,
  guestConfirmAction,
  guestReplyAction,
} from '@/lib/support/appeal-actions';

export const fileGuestAppeal = guestAppealAction;
export const confirmGuestAppeal = guestConfirmAction;
export const replyAsGuest = guestReplyAction;
export const closeAsGuest = guestCloseAction;
