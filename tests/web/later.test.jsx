// @vitest-environment happy-dom
// Later (web/src/ui/Later.jsx): sections below the first screen mount in tasks after the first render,
// except when the address links to a section, which must then be there for the browser to find.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Later } from '../../web/src/ui/Later.jsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('Later', () => {
  it('is not in the first render, and comes in a later task', async () => {
    render(
      <div>
        <p>first</p>
        <Later step={2}>
          <p>below</p>
        </Later>
      </div>,
    );
    expect(screen.getByText('first')).toBeTruthy();
    expect(screen.queryByText('below')).toBeNull();
    await waitFor(() => expect(screen.getByText('below')).toBeTruthy());
  });

  it('is there at once at step 0, or when the address links to a section', () => {
    window.history.replaceState(null, '', '/#numbers');
    render(
      <Later step={3}>
        <p>numbers</p>
      </Later>,
    );
    expect(screen.getByText('numbers')).toBeTruthy();
    cleanup();
    window.history.replaceState(null, '', '/#ratings=1:5'); // a share link's ratings, not a section
    render(
      <div>
        <Later step={0}>
          <p>at once</p>
        </Later>
        <Later step={1}>
          <p>later</p>
        </Later>
      </div>,
    );
    expect(screen.getByText('at once')).toBeTruthy();
    expect(screen.queryByText('later')).toBeNull();
  });
});
