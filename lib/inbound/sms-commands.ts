import 'server-only';
import { paymentCommand } from './sms-payment-command';
import { readingsCommand } from './sms-readings-command';

// The inbound SMS router: the first word of the message names the command, the rest is its
// argument. A new command is a handler (its own file) and one entry in SMS_COMMANDS. A message with
// no command word may still answer a command's own question (the code «ОПЛАТА» sent): each command
// with a `reply` is asked in turn. Only a phone registered on a cabinet reaches a command; anyone
// else gets a polite answer and nothing is done.

export interface SmsSender {
  /** +7XXXXXXXXXX */
  phone: string;
  userId: string;
}

export interface SmsCommandAnswer {
  /** The reply SMS. */
  answer: string;
  /** What was done, kept with the inbound message (`readings_accepted`, `readings_refused`, …). */
  outcome: string;
  accountId?: string | null;
}

export interface SmsCommand {
  /** The command words, in capitals (Ё as Е); the first is the one shown in the help. */
  words: readonly string[];
  /** How to use it, for the answer to a message we did not understand. */
  usage: string;
  run(input: { sender: SmsSender; args: string; now: Date }): Promise<SmsCommandAnswer>;
  /**
   * A message without a command word that answers what this command asked this sender (a code):
   * its answer, or null when it is not such an answer.
   */
  reply?(input: { sender: SmsSender; text: string; now: Date }): Promise<SmsCommandAnswer | null>;
}

const SMS_COMMANDS: readonly SmsCommand[] = [readingsCommand, paymentCommand];

function normalizedWord(word: string): string {
  return word.toUpperCase().replaceAll('Ё', 'Е');
}

/** The command a message starts with, and the text after the command word. */
export function commandOf(
  text: string,
  commands: readonly SmsCommand[] = SMS_COMMANDS,
): { command: SmsCommand; args: string } | null {
  const match = /^\s*([\p{L}]+)[\s:.,;-]*([\s\S]*)$/u.exec(text);
  if (!match) return null;
  const word = normalizedWord(match[1]!);
  const command = commands.find((c) => c.words.includes(word));
  return command ? { command, args: match[2]!.trim() } : null;
}

const UNKNOWN_PHONE =
  'Этот номер не указан ни в одном личном кабинете, поэтому мы не можем принять сообщение. Укажите телефон в профиле личного кабинета или передайте показания там.';

export async function routeSms(
  text: string,
  sender: { phone: string; userId: string | null },
  now: Date,
): Promise<SmsCommandAnswer> {
  if (!sender.userId) return { answer: UNKNOWN_PHONE, outcome: 'unknown_phone' };
  const from = { phone: sender.phone, userId: sender.userId };
  const found = commandOf(text);
  if (!found) {
    for (const command of SMS_COMMANDS) {
      const replied = await command.reply?.({ sender: from, text, now });
      if (replied) return replied;
    }
    return {
      answer: `Не поняли сообщение. ${SMS_COMMANDS.map((c) => c.usage).join(' ')}`,
      outcome: 'unknown_command',
    };
  }
  return found.command.run({ sender: from, args: found.args, now });
}
