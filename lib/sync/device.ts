/**
 * This browser's sync identity: a fixed id (the name of the one file it writes in the synced
 * folder, papershelf-<id>.json, so no file is ever written by two devices) and a name the user
 * can change. Kept in browser.storage.local, checked with zod on every read.
 */
import { z } from 'zod/mini';
import { DeviceInfo } from '../exchange/backup';

const KEY = 'syncDevice';

/** What a device id may hold: it becomes a file name on every device's disk. */
const ID = /^[a-z0-9-]{3,40}$/;

const Stored = z.object({ id: z.string().check(z.regex(ID)), name: z.string() });

/** "Chrome on Linux" */
export function defaultDeviceName(ua: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : 'Chrome';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /CrOS/.test(ua) ? 'ChromeOS' : /Android/.test(ua) ? 'Android' : /Linux/.test(ua) ? 'Linux' : 'this computer';
  return `${browser} on ${os}`;
}

/** A new id: the name's letters and a random suffix ("chrome-on-linux-3f9a1c"). */
export function newDeviceId(name: string, random: () => number = Math.random): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'device';
  const hex = Array.from({ length: 6 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${slug}-${hex}`;
}

/** The file this device writes. */
export function deviceFileName(device: DeviceInfo): string {
  return `papershelf-${device.id}.json`;
}

export interface KeyValue {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** This device, made (and stored) on first use. */
export async function loadDevice(store: KeyValue): Promise<DeviceInfo> {
  const got = Stored.safeParse((await store.get(KEY))[KEY]);
  if (got.success) return got.data;
  const name = defaultDeviceName();
  const device = { id: newDeviceId(name), name };
  await store.set({ [KEY]: device });
  return device;
}

/** Rename this device (its id, and so its file, stays). */
export async function renameDevice(store: KeyValue, name: string): Promise<DeviceInfo> {
  const device = { ...(await loadDevice(store)), name: name.trim().slice(0, 80) };
  await store.set({ [KEY]: device });
  return device;
}
