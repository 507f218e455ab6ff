// The page mounts its lower sections a few tasks after its first render (web/src/ui/Later.jsx):
// a test that reaches into them waits until the last is in.
import { waitFor } from '@testing-library/preact';
import { expect } from 'vitest';

export const allSectionsIn = () => waitFor(() => expect(document.getElementById('about')).not.toBeNull());
