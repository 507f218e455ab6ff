// Entry point: starts the engine worker, opens the visitor's stored ratings, notes whether the site
// changed since this browser last ran it, and renders the app; the service worker (offline, instant
// return visits) is registered once the models are ready.
import { render } from 'preact';
import { App } from './App.jsx';
import { startEngineWorker } from './engine/engineClient.js';
import { createRatingsStore } from './taste/ratingsStore.js';
import { linksToSection } from './ui/Later.jsx';
import { noteBuild, registerServiceWorker, watchServiceWorker } from './site/siteUpdate.js';
import { workerGoesWithPage } from './site/workerGoesWithPage.js';
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

noteBuild(storage);
watchServiceWorker();

// The worker starts, and the engine and data start downloading, before the page's first render.
const client = startEngineWorker();
client.prefetch({ dataUrl });
workerGoesWithPage(client);

const draw = () =>
  render(
    <App
      client={client}
      dataUrl={dataUrl}
      store={createRatingsStore({ storage })}
      storage={storage}
      onReady={() => registerServiceWorker()}
    />,
    document.getElementById('app'),
  );
// In a task of its own: evaluating the page's script and its first render were one task, on a slow
// phone the longest of the visit. But a link to a section needs the section there when the browser
// looks for it, as the page's script ends.
if (linksToSection()) draw();
else setTimeout(draw);
