// The page: loads and trains the engine in the worker, then wires search, neighbours, viewers and the panels.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AboutPanel } from './AboutPanel.jsx';
import { ErrorPanel } from './ErrorPanel.jsx';
import { FilmSearch } from './FilmSearch.jsx';
import { NumbersPanel } from './NumbersPanel.jsx';
import { Recommendations } from './Recommendations.jsx';
import { SimilarFilms } from './SimilarFilms.jsx';
import { TrainingProgress } from './TrainingProgress.jsx';
import { UserPicker } from './UserPicker.jsx';
import { pushFilmId, readFilmId } from './urlState.js';

/**
 * @param {{ client: ReturnType<import('./engineClient.js').createEngineClient>, dataUrl: string }} props
 */
export function App({ client, dataUrl }) {
  const [phase, setPhase] = useState('loading'); // loading → training ⇄ paused → ready, or error
  const [loadStage, setLoadStage] = useState('download');
  const [info, setInfo] = useState(null);
  const [progress, setProgress] = useState({});
  const [trainMs, setTrainMs] = useState(null);
  const [error, setError] = useState(null);
  const [users, setUsers] = useState([]);
  const [filmId, setFilmId] = useState(() => readFilmId());
  const [userId, setUserId] = useState(null);

  const train = useCallback(async () => {
    setPhase('training');
    try {
      const r = await client.train((p) => setProgress((old) => ({ ...old, [p.stage]: p })));
      if (r.cancelled) {
        setPhase('paused');
        return;
      }
      setTrainMs(r.trainMs);
      setPhase('ready');
    } catch (e) {
      setError({ title: 'Training failed', message: e.message });
      setPhase('error');
    }
  }, [client]);

  const start = useCallback(async () => {
    setError(null);
    setPhase('loading');
    setLoadStage('download');
    setProgress({});
    try {
      const loaded = await client.load(dataUrl, { onProgress: (p) => setLoadStage(p.stage) });
      setInfo(loaded);
      setUsers(await client.users());
    } catch (e) {
      setError({ title: 'Could not load Reel', message: e.message });
      setPhase('error');
      return;
    }
    await train();
  }, [client, dataUrl, train]);

  useEffect(() => {
    start();
  }, [start]);

  // Back and Forward move between films picked earlier.
  useEffect(() => {
    const onPop = () => setFilmId(readFilmId());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const pickFilm = useCallback((movieId) => {
    setFilmId(movieId);
    pushFilmId(movieId);
    const section = document.getElementById('films');
    if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView?.({ block: 'start' });
  }, []);

  const search = useCallback((q) => client.search(q, 8), [client]);
  const loaded = info !== null && phase !== 'loading';
  const ready = phase === 'ready';

  return (
    <div class="page">
      <header class="masthead">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◉
          </span>
          <h1>Reel</h1>
        </div>
        <p class="tagline">Find your next film through the people who loved the last one — trained right here, in your browser.</p>
        <nav class="masthead-nav" aria-label="Sections">
          <a href="#films">Films</a>
          <a href="#viewers">Viewers</a>
          <a href="#numbers">Numbers</a>
          <a href="#about">About</a>
        </nav>
      </header>

      <main>
        {phase === 'error' ? (
          <ErrorPanel title={error.title} message={error.message} onRetry={start} />
        ) : (
          <TrainingProgress
            phase={phase}
            loadStage={loadStage}
            stats={info?.stats}
            models={info?.models}
            progress={progress}
            trainMs={trainMs}
            onPause={() => client.cancel()}
            onResume={train}
          />
        )}

        <div class="explore">
          <section class="panel" id="films" aria-labelledby="films-title">
            <h2 id="films-title">Films like…</h2>
            <FilmSearch search={search} onPick={(f) => pickFilm(f.movieId)} disabled={!loaded} />
            <SimilarFilms client={client} models={info?.models ?? []} filmId={filmId} loaded={loaded} ready={ready} onPick={pickFilm} />
          </section>

          <section class="panel" id="viewers" aria-labelledby="viewers-title">
            <h2 id="viewers-title">What should they watch next?</h2>
            <UserPicker client={client} users={users} userId={userId} onChange={setUserId} loading={phase === 'loading'} />
            <Recommendations client={client} userId={userId} ready={ready} onPickFilm={pickFilm} />
          </section>
        </div>

        <NumbersPanel client={client} models={info?.models ?? []} ready={ready} />
        <AboutPanel />
      </main>

      <footer class="footer">
        <p>
          Reel · data: MovieLens latest-small by GroupLens Research, used under its licence (no endorsement
          implied) · everything runs in this tab.
        </p>
      </footer>
    </div>
  );
}
