// Entry point: starts the engine worker and renders the app.
import { render } from 'preact';
import { App } from './App.jsx';
import { startEngineWorker } from './engineClient.js';
import './styles.css';

// Data sits beside index.html, so resolve it against the page (works under any deploy path).
const dataUrl = new URL('./data/', document.baseURI).href;

render(<App client={startEngineWorker()} dataUrl={dataUrl} />, document.getElementById('app'));
