/*
 * libFuzzer target: the HTML loader (charset detection, libxml2's HTML
 * parser, the metadata and the content finder); the document is then
 * checked, segmented and dumped (fuzz-load.c).
 */
#include "config.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_counts(1, data, size);
	return (fuzz_load("html", 0, data, size));
}
