// What Reel is, how it works, and the MovieLens licence terms and citation the data's redistribution requires.
import { memo } from '../ui/memo.js';

function AboutPanelView() {
  return (
    <section class="panel about" id="about" aria-labelledby="about-title">
      <h2 id="about-title">About Reel</h2>
      <p>
        Reel is a film-discovery engine that runs entirely in your browser: no server sees what you search or whom you pick, and the page
        works from plain files.
      </p>
      <h3>How it works</h3>
      <p>
        A C++ engine compiled to WebAssembly reads 100,000 MovieLens ratings and, in a background worker, trains three models: one that
        predicts how many stars a viewer would give a film (matrix factorisation), one that learns which films a viewer picks over others
        (BPR), and one that learns which films go together in what people like (implicit alternating least squares). Each places every film
        at a point in a space of tastes, so “films like X” are the films whose points lie in the same direction as X’s, weighed by how many
        people loved both.
      </p>
      <p>
        Your ratings never leave this browser: the engine folds them into a model as if you were one more viewer, ranks every film you have
        not rated, and splits each pick’s score over the films you rated — which is how it can say “because you rated…”.
      </p>
      <h3>The data</h3>
      <p>
        Reel ships the MovieLens “latest-small” dataset (610 people, 9,742 films released up to 2018, 100,836 ratings) made by{' '}
        <strong>GroupLens Research</strong> at the University of Minnesota, and redistributes it under the same licence conditions it came
        with: neither the University of Minnesota nor GroupLens endorses Reel or anything it says; the data comes with no guarantee of
        correctness or fitness for any purpose; it may not be used commercially without GroupLens’s permission; and its use must be
        acknowledged by citing:
      </p>
      <blockquote class="citation">
        F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context. ACM Transactions on Interactive
        Intelligent Systems (TiiS) 5, 4: 19:1–19:19.{' '}
        <a href="https://doi.org/10.1145/2827872" rel="noopener noreferrer">
          https://doi.org/10.1145/2827872
        </a>
      </blockquote>
    </section>
  );
}

/** Re-rendered only when its own props change (it has none), not whenever the page does. */
export const AboutPanel = memo(AboutPanelView);
