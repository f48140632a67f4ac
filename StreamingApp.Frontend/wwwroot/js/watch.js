// The early start of the watch and party pages: loaded from the page's head, it runs before the site's other scripts
// (Blazor's included), so the player asks for the stream as soon as the document is parsed. app.js shares the same
// registry and leaves the player alone afterwards.
import './player.js';
import { mountAll } from './components.js';

mountAll();
