/*
 * fuzz.h: what the libFuzzer targets of tests/fuzz share.
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput(). Built with
 * --enable-fuzzing it links libFuzzer's main; replay.c gives it a main of
 * its own that runs saved inputs through it, so the seed corpora and the
 * crash inputs are replayed by make check in every build.
 */
#ifndef POLYREAD_FUZZ_H
#define POLYREAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Load data with the loader named by format (load_buffer() with the
 * format forced, so charset detection and language guessing run too;
 * presegmented for the text loader), then cut the document into sentences
 * and quotations and dump it at a width taken from the input. Always
 * returns 0.
 */
int	fuzz_load(const char *format, int presegmented, const uint8_t *,
	    size_t);
/*
 * Check that the document's blocks and spans are consistent (lengths,
 * NUL terminators, span ranges, no control characters): abort() if not,
 * so libFuzzer reports it.
 */
void	fuzz_check_doc(const struct doc *);
/*
 * Check that load_count_markup() counts no fewer elements, attributes
 * (in all and in one element) and entity references than the parser
 * builds from data (UTF-8 inputs of up to 1 MiB): abort() if it does.
 */
void	fuzz_check_counts(int html, const uint8_t *, size_t);
/* A stream that swallows what is written to it (opened once). */
FILE	*fuzz_null(void);

#endif
