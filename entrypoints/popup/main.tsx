/**
 * Popup entry: "This page" (the page in front: Save this page) above the reading list, in #app.
 * The list's first rows come from the read /first-rows.js started before this module loaded.
 */
import { render } from 'preact';
import { takeFirstRows } from '@/lib/list/first-rows';
import { App } from './App';
import { ThisPage } from './ThisPage';
import './style.css';
import './details.css';
import './seen.css';
import './this-page.css';

render(
  <div class="popup-stack">
    <ThisPage />
    <App firstRows={takeFirstRows()} />
  </div>,
  document.getElementById('app')!,
);
