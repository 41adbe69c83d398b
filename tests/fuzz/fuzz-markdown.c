/*
 * libFuzzer target: the Markdown loader (libcmark and the YAML front
 * matter); the document is then checked, segmented and dumped
 * (fuzz-load.c).
 */
#include "config.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return (fuzz_load("markdown", 0, data, size));
}
