'use server';

import { closeAppealAction, fileAppealAction, replyAppealAction } from '@/lib/support/appeal-actions';

export const fileAppeal = fileAppealAction('household');
export const replyToAppeal = replyAppealAction('household');
export const closeMyAppeal = closeAppealAction('household');
