// The page's head: the skip link, the name and what Reel does, and the links to each section.
export function Masthead() {
  return (
    <>
      <a class="skip-link" href="#taste">
        Skip to your taste
      </a>
      <header class="masthead">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◉
          </span>
          <h1>Reel</h1>
        </div>
        <p class="tagline">Find your next film through the people who loved the last one — trained right here, in your browser.</p>
        <nav class="masthead-nav" aria-label="Sections">
          <a href="#taste">Your taste</a>
          <a href="#films">Films like…</a>
          <a href="#map">Map</a>
          <a href="#viewers">Viewers</a>
          <a href="#numbers">Numbers</a>
          <a href="#about">About</a>
        </nav>
      </header>
    </>
  );
}
