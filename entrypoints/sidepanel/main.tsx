/**
 * Side panel entry (Chrome's side panel, Firefox's sidebar): the popup's reading list, filling
 * the panel, following the active tab ("On this page").
 */
import { render } from 'preact';
import { App } from '../popup/App';
import '../popup/style.css';
import '../popup/details.css';
import '../popup/seen.css';

render(<App place="panel" />, document.getElementById('app')!);
