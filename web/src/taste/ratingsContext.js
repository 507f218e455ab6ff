// The visitor's ratings store, handed to every component that shows a film (so each can be rated
// in place) without threading it through every prop list.
import { createContext } from 'preact';

export const RatingsContext = createContext(null);
