/**
 * The database's name and the last Dexie version lib/db.ts declares, apart from Dexie: the popup's
 * entry module reads its first rows with these before Dexie has loaded (lib/list/first-rows.ts).
 * A new version in lib/db.ts changes DB_VERSION too (test/first-rows.test.ts checks they agree).
 */
export const DB_NAME = 'papershelf';
export const DB_VERSION = 5;
