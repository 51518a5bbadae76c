/** Popup entry: render the reading list into #app. */
import { render } from 'preact';
import { App } from './App';
import './style.css';
import './details.css';

render(<App />, document.getElementById('app')!);
