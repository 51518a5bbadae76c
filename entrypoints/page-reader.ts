/**
 * Injected into the page in front when the user opens the popup there (scripting.executeScript,
 * lib/page-access.ts), never before: reads the page's paper from its embedded metadata. WXT builds
 * it as /page-reader.js (unlisted: not in the manifest) and hands main's value back to
 * executeScript as the script's result (its IIFE's value is the file's last expression).
 */
import { readThisPage, type PageReading } from '@/lib/page-reading';

export default defineUnlistedScript((): PageReading => readThisPage(document, location.href, document.contentType));
