/** Popup entry: "This page" (the page in front: Save this page) above the reading list, in #app. */
import { render } from 'preact';
import { App } from './App';
import { ThisPage } from './ThisPage';
import './style.css';
import './details.css';
import './seen.css';
import './this-page.css';

render(
  <div class="popup-stack">
    <ThisPage />
    <App />
  </div>,
  document.getElementById('app')!,
);
