/**
 * Side panel entry (Chrome's side panel, Firefox's sidebar): the popup's reading list, filling
 * the panel, following the active tab ("On this page"). Its first rows come from the read
 * /first-rows.js started before this module loaded, as in the popup.
 */
import { render } from 'preact';
import { takeFirstRows } from '@/lib/list/first-rows';
import { App } from '../popup/App';
import '../popup/style.css';
import '../popup/details.css';
import '../popup/seen.css';

render(<App place="panel" firstRows={takeFirstRows()} />, document.getElementById('app')!);
