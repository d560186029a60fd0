import { columnVisibilityFeature, rowPaginationFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/** Server-driven tables: sorting and paging state come from the URL, rows are already sorted and paged. */
export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
export type ServerTableFeatures = typeof serverTableFeatures;
