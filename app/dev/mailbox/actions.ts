'use server';

import { notFound } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated';
import { replyToLetter, sendReminderNow, sendSmsToApp } from '@/lib/inbound/demo';
import { demoReminderSchema, demoReplySchema, demoSmsSchema } from '@/lib/inbound/demo-schemas';
import { isDevMailboxEnabled } from '@/lib/email/transport';

// The development mailbox's stand-ins for the outside world; with no mailbox (production) they do not exist.

function mailboxOnly(): void {
  if (!isDevMailboxEnabled()) notFound();
}

export const replyToLetterAction = validatedAction(demoReplySchema, async (input) => {
  mailboxOnly();
  return replyToLetter(input.letterId, input.text);
});

export const sendSmsAction = validatedAction(demoSmsSchema, async (input) => {
  mailboxOnly();
  return sendSmsToApp(input.phone, input.text);
});

export const sendReminderAction = validatedAction(demoReminderSchema, async (input) => {
  mailboxOnly();
  return sendReminderNow(input.email);
});
