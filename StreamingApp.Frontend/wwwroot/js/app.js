// The site's entry script: mounts the page's scripted components now and after every enhanced navigation, and closes
// open menus when the page changes.
import { mountAll } from './components.js';

function onPage() {
    mountAll();
    for (const menu of document.querySelectorAll('details[data-close-on-navigate][open]')) {
        menu.open = false;
    }
}

onPage();
document.addEventListener('DOMContentLoaded', () => window.Blazor?.addEventListener('enhancedload', onPage));
