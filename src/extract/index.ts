/** Extract: text layers and text inputs as positioned pages. */
export { extractPages, type ExtractOptions } from './extract-pages.js';
