import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { contacts, utilityProfile, type Contact, type UtilityProfile } from '@/db/schema';
import { demoMode, env } from '@/lib/config/env';

/** The utility's profile; read once per request (the header and the page both need it). */
export const getUtilityProfile = cache(async (): Promise<UtilityProfile> => {
  const [profile] = await db().select().from(utilityProfile).where(eq(utilityProfile.id, 1));
  if (!profile) throw new Error('utility_profile is empty: run `npm run db:seed`');
  return profile;
});

export async function listContacts(): Promise<Contact[]> {
  return db().select().from(contacts).orderBy(asc(contacts.sortOrder), asc(contacts.department));
}

/**
 * The demo's stand-in: the source names the utility's group in ВКонтакте but not its address, so
 * the demo links to ВКонтакте's own community search for the utility rather than invent a page.
 */
const DEMO_SOCIAL_LINKS = [
  {
    title: 'ВКонтакте (поиск группы)',
    url: `https://vk.com/search/communities?q=${encodeURIComponent('Истринские электросети')}`,
  },
] as const;

/**
 * The utility's pages on social networks, as configured (SOCIAL_LINKS). Configuration rather than
 * invented defaults: a link is shown only once the utility has given its real address.
 */
export function socialLinks(): readonly { title: string; url: string }[] {
  const configured = env().SOCIAL_LINKS;
  return configured.length || !demoMode() ? configured : DEMO_SOCIAL_LINKS;
}
