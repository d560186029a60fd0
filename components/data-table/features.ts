import { columnVisibilityFeature, rowPaginationFeature, rowSelectionFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/**
 * Server-driven tables: sorting and paging state come from the URL, rows are already sorted and paged. Row selection
 * (the outliers bulk bar) is client state keyed by row id, so it survives paging.
 */
export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature, rowSelectionFeature });
export type ServerTableFeatures = typeof serverTableFeatures;
