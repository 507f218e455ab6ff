// How a film is shown wherever it is listed: its name with a quieter year, and its genres.

/** "Toy Story (1995)" — the name with its year, as people search for it. */
export function filmLabel(film) {
  return film.year ? `${film.name} (${film.year})` : film.name;
}

export function FilmTitle({ film }) {
  return (
    <>
      {film.name}
      {film.year ? <span class="film-year"> ({film.year})</span> : null}
    </>
  );
}

export function FilmGenres({ film }) {
  const genres = film.genres.filter((g) => g !== '(no genres listed)');
  return genres.length > 0 ? <span class="film-genres">{genres.join(' · ')}</span> : null;
}
