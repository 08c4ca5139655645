/** The client's pages; chosen by path once at load (the server serves index.html for all of them). */
export { pageFor, pilotIdFromPath, selectionIdFromPath, type PageId } from '@groundwork/server/contracts';
