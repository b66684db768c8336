import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { cardBindings } from '@/db/schema';
import { audit } from '@/lib/security/audit';

// Card bindings: what the cabinet lists and what the user may delete. A binding is created
// only by the gateway's notification for a paid first payment that asked for it (notify.ts); it
// holds the gateway's token (for Robokassa the parent InvId), the masked number and the payment
// type it serves — never card data.

export type BindingPurpose = (typeof cardBindings.$inferSelect)['purpose'];

export interface BindingView {
  id: string;
  cardMask: string;
  purpose: BindingPurpose;
  gateway: string;
  createdAt: Date;
}

export const BINDING_PURPOSE_LABEL: Record<BindingPurpose, string> = {
  electricity: 'оплата электроэнергии',
  services: 'оплата платных услуг',
  connection: 'оплата технологического присоединения',
};

/** '411111******1111' → '•••• 1111': what a person recognises their card by. */
export function cardLabel(cardMask: string): string {
  const last = /(\d{4})$/.exec(cardMask)?.[1];
  return last ? `Карта •••• ${last}` : 'Банковская карта';
}

export async function bindingsOf(userId: string): Promise<BindingView[]> {
  return db()
    .select({
      id: cardBindings.id,
      cardMask: cardBindings.cardMask,
      purpose: cardBindings.purpose,
      gateway: cardBindings.gateway,
      createdAt: cardBindings.createdAt,
    })
    .from(cardBindings)
    .where(eq(cardBindings.userId, userId))
    .orderBy(desc(cardBindings.createdAt));
}

/**
 * Deletes one of the user's own bindings. The ownership test is in the DELETE itself, so another
 * user's binding id deletes nothing and reads as «not found». Payments charged from the binding
 * keep their history (their card_binding_id turns null, the mask stays on the payment).
 */
export async function deleteBinding(
  userId: string,
  bindingId: string,
  context: { ip: string },
): Promise<{ ok: true; cardMask: string } | { ok: false }> {
  return db().transaction(async (tx) => {
    const [removed] = await tx
      .delete(cardBindings)
      .where(and(eq(cardBindings.id, bindingId), eq(cardBindings.userId, userId)))
      .returning({ id: cardBindings.id, cardMask: cardBindings.cardMask, purpose: cardBindings.purpose });
    if (!removed) return { ok: false } as const;
    await audit(
      {
        action: 'card.deleted',
        actorUserId: userId,
        subjectType: 'card_binding',
        subjectId: removed.id,
        ip: context.ip,
        details: { cardMask: removed.cardMask, purpose: removed.purpose },
      },
      tx,
    );
    return { ok: true, cardMask: removed.cardMask } as const;
  });
}
