import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { contacts, utilityProfile, type Contact, type UtilityProfile } from '@/db/schema';

/** The utility's profile; read once per request (the header and the page both need it). */
export const getUtilityProfile = cache(async (): Promise<UtilityProfile> => {
  const [profile] = await db().select().from(utilityProfile).where(eq(utilityProfile.id, 1));
  if (!profile) throw new Error('utility_profile is empty: run `npm run db:seed`');
  return profile;
});

export async function listContacts(): Promise<Contact[]> {
  return db().select().from(contacts).orderBy(asc(contacts.sortOrder), asc(contacts.department));
}
