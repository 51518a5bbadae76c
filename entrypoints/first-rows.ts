/**
 * A classic script the popup and the side panel load first, in their <head>: it starts reading
 * the first rows (lib/list/first-rows) while the pages' stylesheets and modules are still loading,
 * and leaves the answer where their entry modules take it (takeFirstRows). WXT builds it as
 * /first-rows.js (unlisted: not in the manifest).
 */
import { leaveFirstRows, readFirstRows } from '@/lib/list/first-rows';

export default defineUnlistedScript(() => leaveFirstRows(readFirstRows()));
