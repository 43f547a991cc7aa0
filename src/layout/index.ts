/** Layout: tables (and, later, blocks and reading order) from positioned pages. */
export { layoutPages } from './layout-pages.js';
export { findDelimitedTables } from './tables/delimited/delimited-table.js';
