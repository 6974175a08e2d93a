/** The directory's permissions as the staff app checks them; the server decides again on every call. */
export const DIRECTORY_PERMISSIONS = {
  read: ['read:directory:any'],
  keep: ['manage:directory:any'],
  respond: ['respond:directory-inquiry:own-agency', 'respond:directory-inquiry:any'],
  refer: ['create:directory-inquiry:any', 'create:directory-inquiry:own-agency'],
  ownEntry: ['manage:directory:own-agency'],
} as const;
