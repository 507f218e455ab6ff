// What a visitor sees when loading or training fails: the engine's message and a way to try again.

export function ErrorPanel({ title = 'Something went wrong', message, onRetry }) {
  return (
    <section class="panel error-panel" role="alert">
      <h2>{title}</h2>
      <p class="error-message">{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}
