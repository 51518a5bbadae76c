/**
 * The Dexie database. Lives on the extension origin only (background, popup, options).
 * Every version ever shipped stays declared here, with its upgrade().
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SavedPaper } from './paper';

export const DB_NAME = 'papershelf';

export type PaperShelfDB = Dexie & { papers: EntityTable<SavedPaper, 'id'> };

/**
 * Version 1 (shipped 2026-11): papers keyed by canonical id, indexed for the popup's
 * sorts (savedAt, publishedAt, updatedAt, title), filters (tags, status) and search (*words).
 */
export const SCHEMA_V1 = {
  papers: 'id, savedAt, updatedAt, publishedAt, title, status, *tags, *words, signals.upvotes',
} as const;

export function openDb(name: string = DB_NAME): PaperShelfDB {
  const db = new Dexie(name) as PaperShelfDB;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

let shared: PaperShelfDB | null = null;

/** The one database of this extension context. */
export function getDb(): PaperShelfDB {
  shared ??= openDb();
  return shared;
}
