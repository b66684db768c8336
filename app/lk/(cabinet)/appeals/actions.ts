'use server';

import { closeAppealAction, fileAppealAction, replyAppealAction } from '@/lib/support/appeal-actions';

export const fileAppeal = fileAppealAction('company');
export const replyToAppeal = replyAppealAction('company');
export const closeMyAppeal = closeAppealAction('company');
