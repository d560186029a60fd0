import v8 from 'node:v8';

/**
 * Cap how far V8 lets the heap grow past what survived its last full collection (by default up to 4x while a
 * process allocates fast). An ingest allocates fast (decoded texts, rows, JSON parameters) but keeps only about
 * 120 MB alive, so a 1 GB archive peaked at 670 MB RSS with the default and at 370 MB with growth capped at 1.5x
 * (PRODUCT.md §9: 500 MB), for somewhat more collection work. The flag is process-wide: the processes that ingest
 * set it (queue workers in the server and in `tasklens worker`, `tasklens push` without a server, the bench's
 * archive child).
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
