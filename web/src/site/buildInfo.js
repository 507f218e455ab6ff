// What the build knows that the code cannot ask anyone at run time: an id for this build of the
// site (to tell a visitor it was updated) and each data file's size (to show download progress of
// a known total while the files arrive gzip-compressed). Defined by vite.config.js; plain
// defaults where no build ran (the Node tests).
/* global __REEL_BUILD__ */
export const BUILD = typeof __REEL_BUILD__ === 'undefined' ? { id: 'unbuilt', sizes: {} } : __REEL_BUILD__;
