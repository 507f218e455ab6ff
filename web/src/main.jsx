// Entry point: starts the engine worker, opens the visitor's stored ratings and renders the app.
import { render } from 'preact';
import { App } from './App.jsx';
import { startEngineWorker } from './engineClient.js';
import { createRatingsStore } from './ratingsStore.js';
import './styles.css';

// Data sits beside index.html, so resolve it against the page (works under any deploy path).
const dataUrl = new URL('./data/', document.baseURI).href;

// Where a browser forbids storage, reading localStorage throws: the store then says so on the page.
let storage;
try {
  storage = window.localStorage;
} catch (e) {
  const refuse = () => {
    throw e;
  };
  storage = { getItem: refuse, setItem: refuse, removeItem: refuse, key: () => null, length: 0 };
}

render(<App client={startEngineWorker()} dataUrl={dataUrl} store={createRatingsStore({ storage })} />, document.getElementById('app'));
