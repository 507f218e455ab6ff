// The page's foot: whose data it is (the MovieLens licence asks for the credit), and that all runs here.
/** @param {{ dataset: { kind: string, name?: string } }} props */
export function Footer({ dataset }) {
  return (
    <footer class="footer">
      <p>
        {dataset.kind === 'files' ? (
          <>Reel · data: {dataset.name}, read from this device (MovieLens is made by GroupLens Research; no endorsement implied) · </>
        ) : (
          <>Reel · data: MovieLens latest-small by GroupLens Research, used under its licence (no endorsement implied) · </>
        )}
        everything runs in this tab.
      </p>
    </footer>
  );
}
