/*
 * The one thread pool: jobs taken from a shared counter by a few threads
 * that end when none is left.
 */
#include "config.h"

#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallel.h"
#include "util.h"

struct pool_run {
	void		 (*fn)(void *, size_t, size_t);
	void		  *arg;
	void		 (*cleanup)(void);
	size_t		  *order;
	size_t		   n;
	_Atomic size_t	   next;	/* the next job to take */
};

struct pool_thread {
	struct pool_run	*run;
	size_t		 thread;
};

static void
parallel_loop(struct pool_run *r, size_t thread)
{
	size_t	i;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->n)
		r->fn(r->arg, r->order != NULL ? r->order[i] : i, thread);
}

static void *
parallel_main(void *arg)
{
	struct pool_thread	*t = arg;

	parallel_loop(t->run, t->thread);
	if (t->run->cleanup != NULL)
		t->run->cleanup();
	return (NULL);
}

size_t
parallel_threads(size_t n)
{
	long	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t	want = ncpu > 1 ? (size_t)ncpu : 1;

	return (want < n ? want : n);
}

void
parallel_for(size_t n, const size_t *size,
    void (*fn)(void *, size_t, size_t), void *arg, void (*cleanup)(void))
{
	struct pool_run		 r;
	struct pool_thread	*t;
	pthread_t		*th;
	size_t			 want = parallel_threads(n), nth = 0, k;

	if (n == 0)
		return;
	assert(fn != NULL && want >= 1 && want <= n);
	r.fn = fn;
	r.arg = arg;
	r.cleanup = cleanup;
	r.n = n;
	r.order = NULL;
	if (size != NULL) {
		r.order = xreallocarray(NULL, n, sizeof *r.order);
		order_largest_first(size, n, r.order);
	}
	atomic_init(&r.next, 0);
	th = xreallocarray(NULL, want, sizeof *th);
	t = xreallocarray(NULL, want, sizeof *t);
	while (nth + 1 < want) {
		t[nth].run = &r;
		t[nth].thread = nth + 1;
		if (pthread_create(&th[nth], NULL, parallel_main, &t[nth]) != 0)
			break;
		nth++;
	}
	parallel_loop(&r, 0);
	for (k = 0; k < nth; k++)
		pthread_join(th[k], NULL);
	free(t);
	free(th);
	free(r.order);
}
