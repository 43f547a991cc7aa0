/** Layout: tables (and, later, blocks and reading order) from positioned pages. */
export { layoutPages } from './layout-pages.js';
export { findDelimitedTables } from './delimited-table.js';
