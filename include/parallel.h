/*
 * parallel.h: the one thread pool. Above util.h (it uses nothing else of
 * polyread); the loaders, the aligner and the dump hand it their jobs.
 */
#ifndef POLYREAD_PARALLEL_H
#define POLYREAD_PARALLEL_H

#include <stddef.h>

/*
 * Run fn(arg, i, thread) once for each job i in 0..n-1, on as many threads
 * as there are processors (at most n; the calling thread is thread 0, and
 * works too), and return when all are done. With size not NULL, the
 * largest jobs by size[] go first, so that the threads end together (3
 * jobs on 2 processors: the largest alone on one, the other two on the
 * other); else they go in order. Each thread started calls cleanup (if not
 * NULL) before it ends: text_cleanup() frees its ICU objects. A thread
 * that cannot be started leaves its share to the others.
 */
void	parallel_for(size_t n, const size_t *size,
	    void (*fn)(void *arg, size_t i, size_t thread), void *arg,
	    void (*cleanup)(void));
/* How many threads parallel_for() would use for n jobs. */
size_t	parallel_threads(size_t n);

#endif
