import type { Browser } from 'playwright-core';
import { createActivatedPerson, HavenApiClient, shareSessionWith, signInByApi, type Person } from './api.ts';
import { newActor, type Actor } from './browser.ts';

export interface StaffMember {
  person: Person;
  userId: string;
  agencyId: string;
  api: HavenApiClient;
  actor: Actor;
}

/**
 * Adds a person with these roles to an agency (an existing one, or a new one by name and type), signs them in
 * through the API, and opens a browser already signed in as them.
 */
export async function addStaffMember(
  browser: Browser,
  admin: HavenApiClient,
  options: { agency: { id: string; type: string } | { name: string; type: string }; person: Person; roles: string[] },
): Promise<StaffMember> {
  const { agencyId, userId } = await createActivatedPerson(admin, options);
  const api = new HavenApiClient(admin.baseUrl);
  await signInByApi(api, options.person);
  const actor = await newActor(browser, { baseUrl: admin.baseUrl });
  await shareSessionWith(actor.context, api);
  return { person: options.person, userId, agencyId, api, actor };
}
